package org.flowcrm.crm.shared;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Realistic example values for the API document, by property name: one small Polish trading
 * company's data (the product's first users), so the examples of different endpoints tell one
 * story. A name not known here falls back to a placeholder that the documentation test reports.
 */
final class ApiExampleValues {

  private ApiExampleValues() {}

  /** By {@code Schema.property} first, for names whose meaning depends on where they sit. */
  private static final Map<String, Object> QUALIFIED =
      Map.ofEntries(
          Map.entry("Email.value", "anna.nowak@example.com"),
          Map.entry("Phone.value", "+48 600 100 200"),
          Map.entry("ProductCommand.name", "Packaging machine PL-2200"),
          Map.entry("ProductView.name", "Packaging machine PL-2200"),
          Map.entry("ProductRow.name", "Packaging machine PL-2200"),
          Map.entry("ProductRowView.name", "Packaging machine PL-2200"),
          Map.entry("SectionCommand.name", "Machines"),
          Map.entry("SectionView.name", "Machines"),
          Map.entry("PipelineCommand.name", "Sales"),
          Map.entry("PipelineView.name", "Sales"),
          Map.entry("StageCommand.name", "Offer"),
          Map.entry("StageView.name", "Offer"),
          Map.entry("DepartmentCommand.name", "Sales Krakow"),
          Map.entry("DepartmentView.name", "Sales Krakow"),
          Map.entry("EnteredValue.name", "email"),
          Map.entry("EnteredValue.value", "anna.nowak@mailinator.com"));

  private static final Map<String, Object> BY_NAME =
      Map.ofEntries(
          Map.entry("firstName", "Anna"),
          Map.entry("lastName", "Nowak"),
          Map.entry("fullName", "Anna Nowak"),
          Map.entry("personName", "Anna Nowak"),
          Map.entry("contactName", "Anna Nowak"),
          Map.entry("displayName", "Piotr Zielinski"),
          Map.entry("responsibleName", "Piotr Zielinski"),
          Map.entry("login", "piotr.zielinski"),
          Map.entry("password", "Correct-Horse-42"),
          Map.entry("newPassword", "Correct-Horse-42"),
          Map.entry("position", "Purchasing manager"),
          Map.entry("title", "Packaging line for Nowak Foods"),
          Map.entry("name", "Nowak Foods Sp. z o.o."),
          Map.entry("companyName", "Nowak Foods Sp. z o.o."),
          Map.entry("email", "anna.nowak@example.com"),
          Map.entry("phone", "+48 600 100 200"),
          Map.entry("website", "https://nowakfoods.example.com"),
          Map.entry("url", "https://erp.example.com/hooks/flowcrm"),
          Map.entry("street", "ul. Florianska 12"),
          Map.entry("city", "Krakow"),
          Map.entry("postalCode", "31-019"),
          Map.entry("region", "Malopolskie"),
          Map.entry("country", "PL"),
          Map.entry("industry", "Food production"),
          Map.entry("bankName", "Santander Bank Polska"),
          Map.entry("bankAccount", "PL61109010140000071219812874"),
          Map.entry("iban", "PL61109010140000071219812874"),
          Map.entry("bic", "WBKPPLPP"),
          Map.entry("swift", "WBKPPLPP"),
          Map.entry("taxId", "PL5260250274"),
          Map.entry("vatId", "PL5260250274"),
          Map.entry("currency", "EUR"),
          Map.entry("currencyCode", "EUR"),
          Map.entry("baseCurrency", "EUR"),
          Map.entry("comment", "Prefers a call after 2 pm"),
          Map.entry("comments", "Prefers a call after 2 pm"),
          Map.entry("description", "Stainless steel, 220 V, 1-year warranty"),
          Map.entry("note", "Asked for a discount on 10+ units"),
          Map.entry("notes", "Asked for a discount on 10+ units"),
          Map.entry("subject", "Offer for the packaging line"),
          Map.entry("body", "Dear Anna, please find our offer attached."),
          Map.entry("reason", "Chose a cheaper competitor"),
          Map.entry("lostReason", "Chose a cheaper competitor"),
          Map.entry("result", "Interested, call back on Monday"),
          Map.entry("sku", "PL-2200"),
          Map.entry("unit", "pcs"),
          Map.entry("number", "INV-2026-0042"),
          Map.entry("code", "manager"),
          Map.entry("label", "Preferred delivery day"),
          Map.entry("q", "nowak"),
          Map.entry("cursor", "eyJpZCI6NDJ9"),
          Map.entry("nextCursor", "eyJpZCI6NDJ9"),
          Map.entry("after", "eyJpZCI6NDJ9"),
          Map.entry("sort", "-amount"),
          Map.entry("token", "fcrm_8Jb2kQm1tX4vR7sZ0cN5wE3yH6uL9pA"),
          Map.entry("secret", "whsec_3f9a1c7e5b"),
          Map.entry("messageName", "invoice-paid"),
          Map.entry("correlationKey", "INV-2026-0042"),
          Map.entry("bpmnProcessId", "deal-execution"),
          Map.entry("processDefinitionKey", "2251799813685249"),
          Map.entry("processInstanceKey", "2251799813685251"),
          Map.entry("elementId", "Task_QualifyLead"),
          Map.entry("elementName", "Qualify lead"),
          Map.entry("formKey", "qualify-lead"),
          Map.entry("color", "#1f6feb"),
          Map.entry("colour", "#1f6feb"),
          Map.entry("locale", "pl"),
          Map.entry("timeZone", "Europe/Warsaw"),
          Map.entry("type", "standard"),
          Map.entry("status", "NEW"),
          Map.entry("stage", "Offer"),
          Map.entry("stageName", "Offer"),
          Map.entry("pipelineName", "Sales"),
          Map.entry("productName", "Packaging machine PL-2200"),
          Map.entry("sectionName", "Machines"),
          Map.entry("departmentName", "Sales Krakow"),
          Map.entry("location", "Client's office, ul. Florianska 12"),
          Map.entry("callResult", "Interested, call back on Monday"),
          Map.entry("accountHolder", "Nowak Foods Sp. z o.o."),
          Map.entry("text", "Client asked for a demo next week"),
          Map.entry("revenueCurrency", "EUR"),
          Map.entry("taxNumber", "PL5260250274"),
          Map.entry("dealTitle", "Packaging line for Nowak Foods"),
          Map.entry("option", "Retail"),
          Map.entry("stageSemantic", "WON"),
          Map.entry("stageCode", "OFFER"),
          Map.entry("storeCode", "shop-main"),
          Map.entry("entity", "deals"),
          Map.entry("field", "amount"),
          Map.entry("operator", "GE"),
          Map.entry("dateGrouping", "MONTH"),
          Map.entry("aggregate", "SUM"),
          Map.entry("labelColumn", "responsible"),
          Map.entry("valueColumn", "amount"),
          Map.entry("chart", "BAR"),
          Map.entry("chartValue", "amount"),
          Map.entry("sharedWithRole", "head_of_department"),
          Map.entry("role", "manager"),
          Map.entry("group", "Deal"),
          Map.entry("column", "amount"),
          Map.entry("key", "amount"),
          Map.entry("direction", "DESC"),
          Map.entry("encoding", "UTF-8"),
          Map.entry("separator", ";"),
          Map.entry("dateFormat", "dd.MM.yyyy"),
          Map.entry("decimalSeparator", ","),
          Map.entry("row", "Anna"),
          Map.entry("error", "550 mailbox unavailable"),
          Map.entry("template", "offer-sent"),
          Map.entry("templateCode", "offer-sent"),
          Map.entry("recipient", "anna.nowak@example.com"),
          Map.entry("attachment", "INV-2026-0042.pdf"),
          Map.entry("paymentDetails", "Santander Bank Polska, PL61109010140000071219812874"),
          Map.entry("publicToken", "Xk3v9QpL2mT8aQ"),
          Map.entry("publicPath", "/public/forms/Xk3v9QpL2mT8aQ"),
          Map.entry("heading", "Ask for an offer"),
          Map.entry("buttonText", "Send"),
          Map.entry("buttonColor", "#1f6feb"),
          Map.entry("consentText", "I agree to be contacted about my enquiry."),
          Map.entry("thankYouMessage", "Thank you, we will call you within one working day."),
          Map.entry(
              "embedSnippet",
              "<script src=\"https://crm.example.com/forms/embed.js\" data-form=\"Xk3v9QpL2mT8aQ\"></script>"),
          Map.entry("message", "A manager may not move a deal into Won"),
          Map.entry("duplicateType", "CONTACT"),
          Map.entry("kept", "contacts"),
          Map.entry("oldValue", "Offer"),
          Map.entry("newValue", "Negotiation"),
          Map.entry("address", "ul. Florianska 12, 31-019 Krakow"),
          Map.entry("timeWindow", "Mon-Fri 9:00-17:00"),
          Map.entry("value", "10000"),
          Map.entry("base", "EUR"),
          Map.entry("roleName", "Manager"),
          Map.entry("clientAddress", "203.0.113.7"));

  /** Returns the example for a property, or null when nothing here knows it. */
  static Object of(String owner, String property, String type, String format) {
    if (property == null) {
      return null;
    }
    Object qualified = QUALIFIED.get(owner + "." + property);
    if (qualified != null) {
      return qualified;
    }
    if ("date-time".equals(format)) {
      return "2026-11-30T09:30:00Z";
    }
    if ("birthday".equals(property)) {
      return "1986-04-12";
    }
    if ("date".equals(format)) {
      return "2026-12-15";
    }
    if ("boolean".equals(type)) {
      return !property.startsWith("deleted") && !property.startsWith("junk");
    }
    if ("integer".equals(type) || "number".equals(type)) {
      return number(property, type);
    }
    if (type == null) {
      return BY_NAME.getOrDefault(property, "");
    }
    if ("string".equals(type)) {
      Object named = BY_NAME.get(property);
      if (named != null) {
        return named;
      }
      if (property.endsWith("Name")) {
        return BY_NAME.get("name");
      }
      if (property.endsWith("Email")) {
        return BY_NAME.get("email");
      }
      if (property.endsWith("Url")) {
        return "https://crm.example.com/public/invoices/Xk3v9QpL2mT8";
      }
      if (property.endsWith("Id") || property.endsWith("Key")) {
        return "2251799813685251";
      }
    }
    return null;
  }

  private static Object number(String property, String type) {
    String p = property.toLowerCase();
    if (p.equals("id") || p.endsWith("id")) {
      return 42;
    }
    if (p.equals("version")) {
      return 3;
    }
    if (p.contains("percent")) {
      return p.contains("discount") ? 5 : p.contains("tax") || p.contains("vat") ? 23 : 60;
    }
    if (p.contains("probability")) {
      return 60;
    }
    if (p.contains("rate") && !p.contains("exchange")) {
      return 23;
    }
    if (p.contains("exchange") || p.equals("rate")) {
      return new BigDecimal("4.3125");
    }
    if (p.contains("discount")) {
      return 5;
    }
    if (p.contains("quantity")) {
      return 2;
    }
    if (p.contains("amount")
        || p.contains("price")
        || p.contains("total")
        || p.contains("sum")
        || p.contains("income")
        || p.contains("revenue")
        || p.contains("tax")) {
      return "number".equals(type) ? new BigDecimal("12500.00") : 12500;
    }
    if (p.contains("employees")) {
      return 120;
    }
    if (p.contains("duration") || p.contains("seconds")) {
      return 300;
    }
    if (p.contains("minutes")) {
      return 15;
    }
    if (p.contains("count")
        || p.contains("created")
        || p.contains("updated")
        || p.contains("skipped")
        || p.contains("failed")
        || p.contains("sent")
        || p.equals("position")
        || p.equals("row")
        || p.equals("line")
        || p.contains("attempt")) {
      return 3;
    }
    if (p.equals("sortorder")) {
      return 10;
    }
    if (p.contains("key") || p.equals("changedby")) {
      return p.contains("key") ? 2251799813685251L : 42;
    }
    if (p.equals("net")) {
      return new BigDecimal("11875.00");
    }
    if (p.equals("deals")
        || p.equals("done")
        || p.equals("refused")
        || p.equals("selected")
        || p.equals("processed")
        || p.equals("pending")
        || p.equals("deleted")
        || p.equals("restored")
        || p.equals("submissions")
        || p.equals("heldsubmissions")) {
      return 12;
    }
    if (p.equals("rowlimit")) {
      return 1000;
    }
    if (p.equals("filesize")) {
      return 48213;
    }
    if (p.equals("duplicateversion")) {
      return 3;
    }
    if (p.equals("limit") || p.equals("size")) {
      return 50;
    }
    return null;
  }

  /** What an unknown property shows: honest about being a placeholder. */
  static Object placeholder(String type) {
    if ("integer".equals(type) || "number".equals(type)) {
      return 1;
    }
    if ("boolean".equals(type)) {
      return true;
    }
    return type == null ? null : "text";
  }
}

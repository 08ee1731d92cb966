package org.flowcrm.crm.reportdesigner;

import static org.flowcrm.crm.reportdesigner.CatalogueField.of;
import static org.flowcrm.crm.reportdesigner.FieldType.BOOLEAN;
import static org.flowcrm.crm.reportdesigner.FieldType.DATE;
import static org.flowcrm.crm.reportdesigner.FieldType.DATETIME;
import static org.flowcrm.crm.reportdesigner.FieldType.DECIMAL;
import static org.flowcrm.crm.reportdesigner.FieldType.INTEGER;
import static org.flowcrm.crm.reportdesigner.FieldType.MONEY;
import static org.flowcrm.crm.reportdesigner.FieldType.TEXT;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.permission.EntityType;

/**
 * The kinds of records the designer reports on, each with its fixed table, the joins its related
 * fields need (in the order they must appear), its built-in fields, the permission entity whose
 * READ scope limits the rows (activities and tasks have none of their own: the REPORT scope on
 * their responsible alone limits them) and the records that carry its custom fields.
 *
 * <p>Every SQL fragment here is a constant. Deal product rows are scoped by their deal.
 */
public enum DesignerEntity {
  DEALS(
      "deals",
      " FROM crm_deal d",
      "d",
      EntityType.DEAL,
      CustomizableEntity.DEAL,
      joins(
          "currency", " JOIN crm_currency cur ON cur.code = d.currency",
          "stage", " JOIN crm_pipeline_stage s ON s.id = d.stage_id",
          "pipeline", " JOIN crm_pipeline p ON p.id = d.pipeline_id",
          "company", " LEFT JOIN crm_company co ON co.id = d.company_id",
          "responsible", " LEFT JOIN crm_user u ON u.id = d.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id"),
      List.of(
          of("id", "deal", INTEGER, "d.id"),
          of("title", "deal", TEXT, "d.title"),
          of("amount", "deal", DECIMAL, "d.amount"),
          of("currency", "deal", TEXT, "d.currency"),
          of("amountBase", "deal", MONEY, "ROUND(d.amount * cur.rate, 2)", "currency"),
          of("probability", "deal", INTEGER, "d.probability"),
          of("type", "deal", TEXT, "d.type"),
          of("expectedCloseDate", "deal", DATE, "d.expected_close_date"),
          of("closed", "deal", BOOLEAN, "d.closed"),
          of("createdAt", "deal", DATETIME, "d.created_at"),
          of("closedAt", "deal", DATETIME, "d.closed_at"),
          of("stage", "stage", TEXT, "s.name", "stage"),
          of("stageCode", "stage", TEXT, "s.code", "stage"),
          of("stageSemantic", "stage", TEXT, "s.semantic", "stage"),
          of("pipeline", "pipeline", TEXT, "p.name", "pipeline"),
          of("companyName", "company", TEXT, "co.name", "company"),
          of("companyIndustry", "company", TEXT, "co.industry", "company"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department"))),

  DEAL_PRODUCT_ROWS(
      "deal-product-rows",
      " FROM crm_deal_product_row r JOIN crm_deal d ON d.id = r.deal_id",
      "d",
      EntityType.DEAL,
      null,
      joins(
          "currency", " JOIN crm_currency cur ON cur.code = d.currency",
          "stage", " JOIN crm_pipeline_stage s ON s.id = d.stage_id",
          "pipeline", " JOIN crm_pipeline p ON p.id = d.pipeline_id",
          "company", " LEFT JOIN crm_company co ON co.id = d.company_id",
          "responsible", " LEFT JOIN crm_user u ON u.id = d.responsible_id",
          "product", " LEFT JOIN crm_product pr ON pr.id = r.product_id"),
      List.of(
          of("productName", "row", TEXT, "r.name"),
          of("productSku", "product", TEXT, "pr.sku", "product"),
          of("quantity", "row", DECIMAL, "r.quantity"),
          of("price", "row", DECIMAL, "r.price"),
          of("discountPercent", "row", DECIMAL, "r.discount_percent"),
          of("taxPercent", "row", DECIMAL, "r.tax_percent"),
          of("totalBase", "row", MONEY, rowTotalBase(), "currency"),
          of("dealTitle", "deal", TEXT, "d.title"),
          of("dealCreatedAt", "deal", DATETIME, "d.created_at"),
          of("dealClosedAt", "deal", DATETIME, "d.closed_at"),
          of("stage", "stage", TEXT, "s.name", "stage"),
          of("stageSemantic", "stage", TEXT, "s.semantic", "stage"),
          of("pipeline", "pipeline", TEXT, "p.name", "pipeline"),
          of("companyName", "company", TEXT, "co.name", "company"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"))),

  LEADS(
      "leads",
      " FROM crm_lead l",
      "l",
      EntityType.LEAD,
      CustomizableEntity.LEAD,
      joins(
          "status", " JOIN crm_lead_status ls ON ls.id = l.status_id",
          "responsible", " LEFT JOIN crm_user u ON u.id = l.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id"),
      List.of(
          of("id", "lead", INTEGER, "l.id"),
          of("title", "lead", TEXT, "l.title"),
          of("firstName", "lead", TEXT, "l.first_name"),
          of("lastName", "lead", TEXT, "l.last_name"),
          of("companyName", "lead", TEXT, "l.company_name"),
          of("city", "lead", TEXT, "l.city"),
          of("country", "lead", TEXT, "l.country"),
          of("source", "lead", TEXT, "l.source"),
          of("createdAt", "lead", DATETIME, "l.created_at"),
          of("convertedAt", "lead", DATETIME, "l.converted_at"),
          of("status", "status", TEXT, "ls.name", "status"),
          of("statusSemantic", "status", TEXT, "ls.semantic", "status"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department"))),

  CONTACTS(
      "contacts",
      " FROM crm_contact c",
      "c",
      EntityType.CONTACT,
      CustomizableEntity.CONTACT,
      joins(
          "responsible", " LEFT JOIN crm_user u ON u.id = c.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id"),
      List.of(
          of("id", "contact", INTEGER, "c.id"),
          of("name", "contact", TEXT, "TRIM(CONCAT(c.first_name, ' ', c.last_name))"),
          of("firstName", "contact", TEXT, "c.first_name"),
          of("lastName", "contact", TEXT, "c.last_name"),
          of("positionTitle", "contact", TEXT, "c.position_title"),
          of("birthday", "contact", DATE, "c.birthday"),
          of("city", "contact", TEXT, "c.city"),
          of("country", "contact", TEXT, "c.country"),
          of("createdAt", "contact", DATETIME, "c.created_at"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department"))),

  COMPANIES(
      "companies",
      " FROM crm_company co",
      "co",
      EntityType.COMPANY,
      CustomizableEntity.COMPANY,
      joins(
          "responsible", " LEFT JOIN crm_user u ON u.id = co.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id"),
      List.of(
          of("id", "company", INTEGER, "co.id"),
          of("name", "company", TEXT, "co.name"),
          of("industry", "company", TEXT, "co.industry"),
          of("employees", "company", INTEGER, "co.employees"),
          of("revenue", "company", DECIMAL, "co.revenue"),
          of("revenueCurrency", "company", TEXT, "co.revenue_currency"),
          of("createdAt", "company", DATETIME, "co.created_at"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department"))),

  ACTIVITIES(
      "activities",
      " FROM crm_activity a",
      "a",
      null,
      null,
      joins(
          "responsible", " LEFT JOIN crm_user u ON u.id = a.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id"),
      List.of(
          of("id", "activity", INTEGER, "a.id"),
          of("type", "activity", TEXT, "a.type"),
          of("subject", "activity", TEXT, "a.subject"),
          of("startsAt", "activity", DATETIME, "a.starts_at"),
          of("endsAt", "activity", DATETIME, "a.ends_at"),
          of("completed", "activity", BOOLEAN, "a.completed"),
          of("completedAt", "activity", DATETIME, "a.completed_at"),
          of("direction", "activity", TEXT, "a.direction"),
          of("callResult", "activity", TEXT, "a.call_result"),
          of("durationSeconds", "activity", INTEGER, "a.duration_seconds"),
          of("location", "activity", TEXT, "a.location"),
          of("createdAt", "activity", DATETIME, "a.created_at"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department"))),

  TASKS(
      "tasks",
      " FROM crm_task t",
      "t",
      null,
      null,
      joins(
          "responsible", " LEFT JOIN crm_user u ON u.id = t.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id",
          "creator", " LEFT JOIN crm_user cu ON cu.id = t.created_by"),
      List.of(
          of("id", "task", INTEGER, "t.id"),
          of("title", "task", TEXT, "t.title"),
          of("status", "task", TEXT, "t.status"),
          of("origin", "task", TEXT, "t.origin"),
          of("deadline", "task", DATETIME, "t.deadline"),
          of("completedAt", "task", DATETIME, "t.completed_at"),
          of("createdAt", "task", DATETIME, "t.created_at"),
          of("createdBy", "creator", TEXT, "cu.display_name", "creator"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department"))),

  INVOICES(
      "invoices",
      " FROM crm_invoice i",
      "i",
      EntityType.INVOICE,
      null,
      joins(
          "currency", " JOIN crm_currency cur ON cur.code = i.currency",
          "company", " LEFT JOIN crm_company co ON co.id = i.company_id",
          "deal", " LEFT JOIN crm_deal d ON d.id = i.deal_id",
          "responsible", " LEFT JOIN crm_user u ON u.id = i.responsible_id",
          "department", " LEFT JOIN crm_department dep ON dep.id = u.department_id"),
      List.of(
          of("id", "invoice", INTEGER, "i.id"),
          of("number", "invoice", TEXT, "i.number"),
          of("title", "invoice", TEXT, "i.title"),
          of("status", "invoice", TEXT, "i.status"),
          of("amount", "invoice", DECIMAL, "i.amount"),
          of("taxAmount", "invoice", DECIMAL, "i.tax_amount"),
          of("currency", "invoice", TEXT, "i.currency"),
          of("amountBase", "invoice", MONEY, "ROUND(i.amount * cur.rate, 2)", "currency"),
          of("issueDate", "invoice", DATE, "i.issue_date"),
          of("dueDate", "invoice", DATE, "i.due_date"),
          of("paidAt", "invoice", DATETIME, "i.paid_at"),
          of("paymentMethod", "invoice", TEXT, "i.payment_method"),
          of("createdAt", "invoice", DATETIME, "i.created_at"),
          of("companyName", "company", TEXT, "co.name", "company"),
          of("dealTitle", "deal", TEXT, "d.title", "deal"),
          of("responsible", "responsible", TEXT, "u.display_name", "responsible"),
          of("department", "responsible", TEXT, "dep.name", "responsible", "department")));

  /** A product row's total (net rounded, plus tax rounded, as ProductRow.total()) × the rate. */
  private static String rowTotalBase() {
    String net = "ROUND(r.quantity * r.price * (100 - r.discount_percent) / 100, 2)";
    return "ROUND((" + net + " + ROUND(" + net + " * r.tax_percent / 100, 2)) * cur.rate, 2)";
  }

  private final String code;
  private final String from;
  private final String alias;
  private final EntityType permission;
  private final CustomizableEntity customFields;
  private final Map<String, String> joins;
  private final List<CatalogueField> fields;

  DesignerEntity(
      String code,
      String from,
      String alias,
      EntityType permission,
      CustomizableEntity customFields,
      Map<String, String> joins,
      List<CatalogueField> fields) {
    this.code = code;
    this.from = from;
    this.alias = alias;
    this.permission = permission;
    this.customFields = customFields;
    this.joins = joins;
    this.fields = fields;
  }

  /** The code definitions and URLs use ({@code deals}, {@code deal-product-rows}, …). */
  public String code() {
    return code;
  }

  String from() {
    return from;
  }

  /** The alias of the table that holds the responsible (and, for deals, the pipeline). */
  String alias() {
    return alias;
  }

  /** Whose READ scope limits the rows; {@code null} for activities and tasks. */
  EntityType permission() {
    return permission;
  }

  /** Whose custom fields the entity's records carry, or {@code null}. */
  CustomizableEntity customFields() {
    return customFields;
  }

  /** Join name to SQL, in the order joins must be written. */
  Map<String, String> joins() {
    return joins;
  }

  List<CatalogueField> fields() {
    return fields;
  }

  /** Deals and their product rows: the deal filter (pipelines hidden from roles) applies. */
  boolean dealScoped() {
    return permission == EntityType.DEAL;
  }

  public static Optional<DesignerEntity> byCode(String code) {
    return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
  }

  private static Map<String, String> joins(String... nameThenSql) {
    Map<String, String> joins = new LinkedHashMap<>();
    for (int i = 0; i < nameThenSql.length; i += 2) {
      joins.put(nameThenSql[i], nameThenSql[i + 1]);
    }
    return joins;
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Merging duplicates: everything linked to the duplicate ends up on the kept record (counted per
 * foreign key the database declares, and per item link), what the kept record lacks is filled in,
 * and refusals leave both records as they were.
 */
class MergeApiTests extends ApiTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aContactTakesOverEverythingLinkedToItsDuplicate() throws Exception {
    String u = unique();
    String field = "tier" + u;
    create(
        "/api/v1/custom-fields",
        Map.of("entity", "CONTACT", "code", field, "label", "Tier", "type", "STRING"));
    long nord = create("/api/v1/companies", Map.of("name", "Nord " + u)).get("id").asLong();
    long sued = create("/api/v1/companies", Map.of("name", "Sued " + u)).get("id").asLong();
    Map<String, Object> keptBody = new HashMap<>();
    keptBody.put("firstName", "Anna");
    keptBody.put("lastName", "Keller " + u);
    keptBody.put("emails", List.of(email("anna." + u + "@nord.example")));
    keptBody.put("phones", List.of(phone("+49 151 2345 6789")));
    keptBody.put("companyIds", List.of(nord));
    JsonNode kept = create("/api/v1/contacts", keptBody);
    Map<String, Object> dupBody = new HashMap<>();
    dupBody.put("firstName", "Anna");
    dupBody.put("lastName", "Keller " + u);
    dupBody.put("position", "CFO");
    dupBody.put("notes", "met at the fair");
    dupBody.put(
        "emails",
        List.of(email("ANNA." + u + "@nord.example"), email("a.keller." + u + "@home.example")));
    dupBody.put("phones", List.of(phone("0151 23456789"), phone("+49 30 987654")));
    dupBody.put("companyIds", List.of(nord, sued));
    dupBody.put("customFields", Map.of(field, "Gold"));
    JsonNode dup = create("/api/v1/contacts", dupBody);
    long keptId = kept.get("id").asLong();
    long dupId = dup.get("id").asLong();

    // Linked to the duplicate: two deals (one also linked to the kept contact), a quote and an
    // invoice as payer, a lead converted into it, an activity, a task, a notification and a mail.
    create("/api/v1/deals", Map.of("title", "Deal A " + u, "contactIds", List.of(dupId)));
    create("/api/v1/deals", Map.of("title", "Deal B " + u, "contactIds", List.of(keptId, dupId)));
    create("/api/v1/quotes", Map.of("title", "Quote " + u, "contactId", dupId));
    create("/api/v1/invoices", Map.of("title", "Invoice " + u, "contactId", dupId));
    long lead =
        create("/api/v1/leads", Map.of("title", "Lead " + u, "source", "PHONE")).get("id").asLong();
    send(
            post("/api/v1/leads/" + lead + "/conversion"),
            Map.of("contactId", dupId, "createDeal", true))
        .andExpect(status().isOk());
    create(
        "/api/v1/activities",
        Map.of(
            "type",
            "NOTE",
            "subject",
            "Call back " + u,
            "startsAt",
            Instant.now().toString(),
            "links",
            List.of(Map.of("type", "CONTACT", "id", dupId))));
    create(
        "/api/v1/tasks",
        Map.of(
            "title",
            "Send brochure " + u,
            "links",
            List.of(Map.of("type", "CONTACT", "id", dupId))));
    long recipient = createUser("Recipient " + u);
    jdbc.update(
        "INSERT INTO crm_notification (recipient_id, title, item_type, item_id, created_at)"
            + " VALUES (?, 'Assigned', 'CONTACT', ?, ?)",
        recipient,
        dupId,
        Timestamp.from(Instant.now()));
    jdbc.update(
        "INSERT INTO crm_outbound_mail (dedupe_key, recipients, subject, status, item_type,"
            + " item_id, created_at, updated_at) VALUES (?, 'a@b.example', 'Hello', 'SENT',"
            + " 'CONTACT', ?, NOW(6), NOW(6))",
        "merge-test-" + u,
        dupId);

    Map<String, Long> keptBefore = references("crm_contact", keptId);
    Map<String, Long> dupBefore = references("crm_contact", dupId);
    assertThat(dupBefore.get("crm_deal_contact.contact_id")).isGreaterThanOrEqualTo(2L);
    assertThat(dupBefore)
        .as("the fixture links the duplicate through every kind of reference")
        .containsEntry("crm_quote.contact_id", 1L)
        .containsEntry("crm_invoice.contact_id", 1L)
        .containsEntry("crm_lead.converted_contact_id", 1L)
        .containsEntry("crm_activity_link.item_id", 1L)
        .containsEntry("crm_task_link.item_id", 1L)
        .containsEntry("crm_notification.item_id", 1L)
        .containsEntry("crm_outbound_mail.item_id", 1L);

    JsonNode result =
        read(
            send(
                    post("/api/v1/contacts/" + keptId + "/merge"),
                    Map.of("duplicateId", dupId, "version", 0, "duplicateVersion", 0))
                .andExpect(status().isOk())
                .andReturn());

    mvc.perform(get("/api/v1/contacts/" + dupId)).andExpect(status().isNotFound());
    Map<String, Long> keptAfter = references("crm_contact", keptId);
    assertThat(references("crm_contact", dupId).values()).allMatch(n -> n == 0);
    for (String reference : dupBefore.keySet()) {
      long expected = keptBefore.get(reference) + dupBefore.get(reference);
      if (reference.equals("crm_deal_contact.contact_id")) {
        expected--; // deal B was linked to both: it is linked to the kept contact once
      }
      if (reference.equals("crm_contact_company.contact_id")) {
        expected--; // so was company Nord
      }
      assertThat(keptAfter.get(reference)).as(reference).isEqualTo(expected);
    }
    JsonNode merged = result.get("kept");
    assertThat(merged.get("position").asString()).isEqualTo("CFO");
    assertThat(merged.get("notes").asString()).isEqualTo("met at the fair");
    assertThat(merged.get("emails")).hasSize(2); // the same address in capitals counts once
    assertThat(merged.get("phones")).hasSize(2); // 0151 23456789 is +49 151 2345 6789
    assertThat(merged.get("companyIds").toString()).isEqualTo("[" + nord + "," + sued + "]");
    assertThat(merged.get("customFields").get(field).asString()).isEqualTo("Gold");
    assertThat(merged.get("firstName").asString()).isEqualTo("Anna");
    assertThat(result.get("moved").get("crm_quote.contact_id").asInt()).isEqualTo(1);
    JsonNode history = getJson("/api/v1/contacts/" + keptId + "/history");
    assertThat(history.toString())
        .contains("\"field\":\"mergedFrom\"")
        .contains("Contact " + dupId)
        .contains("\"field\":\"position\"");
    assertThat(getJson("/api/v1/leads/" + lead).get("convertedContactId").asLong())
        .isEqualTo(keptId);
  }

  @Test
  void aCompanyTakesOverContactsDealsInvoicesAndAddresses() throws Exception {
    String u = unique();
    JsonNode kept =
        create(
            "/api/v1/companies",
            Map.of(
                "name",
                "Acme " + u,
                "addresses",
                List.of(Map.of("type", "LEGAL", "city", "Berlin"))));
    JsonNode dup =
        create(
            "/api/v1/companies",
            Map.of(
                "name",
                "ACME " + u + " GmbH",
                "industry",
                "Retail",
                "taxNumber",
                "DE123",
                "addresses",
                List.of(Map.of("type", "DELIVERY", "city", "Hamburg"))));
    long keptId = kept.get("id").asLong();
    long dupId = dup.get("id").asLong();
    long both =
        create(
                "/api/v1/contacts",
                Map.of("firstName", "Both", "companyIds", List.of(keptId, dupId)))
            .get("id")
            .asLong();
    long only =
        create("/api/v1/contacts", Map.of("firstName", "Only", "companyIds", List.of(dupId)))
            .get("id")
            .asLong();
    create("/api/v1/deals", Map.of("title", "Deal " + u, "companyId", dupId));
    create("/api/v1/invoices", Map.of("title", "Invoice " + u, "companyId", dupId));
    Map<String, Long> keptBefore = references("crm_company", keptId);
    Map<String, Long> dupBefore = references("crm_company", dupId);
    assertThat(dupBefore)
        .containsEntry("crm_contact_company.company_id", 2L)
        .containsEntry("crm_deal.company_id", 1L)
        .containsEntry("crm_invoice.company_id", 1L);

    JsonNode merged =
        read(send(
                    post("/api/v1/companies/" + keptId + "/merge"),
                    Map.of(
                        "duplicateId",
                        dupId,
                        "version",
                        0,
                        "duplicateVersion",
                        0,
                        "duplicateType",
                        "COMPANY"))
                .andExpect(status().isOk())
                .andReturn())
            .get("kept");

    Map<String, Long> keptAfter = references("crm_company", keptId);
    assertThat(keptAfter.get("crm_contact_company.company_id"))
        .isEqualTo(keptBefore.get("crm_contact_company.company_id") + 1); // "Both" once
    assertThat(keptAfter.get("crm_deal.company_id")).isEqualTo(1L);
    assertThat(keptAfter.get("crm_invoice.company_id")).isEqualTo(1L);
    assertThat(merged.get("name").asString()).isEqualTo("Acme " + u); // not empty: kept
    assertThat(merged.get("industry").asString()).isEqualTo("Retail");
    assertThat(merged.get("taxNumber").asString()).isEqualTo("DE123");
    assertThat(merged.get("addresses")).hasSize(2);
    assertThat(getJson("/api/v1/contacts/" + both).get("companyIds").toString())
        .isEqualTo("[" + keptId + "]");
    assertThat(getJson("/api/v1/contacts/" + only).get("companyIds").toString())
        .isEqualTo("[" + keptId + "]");
    mvc.perform(get("/api/v1/companies/" + dupId)).andExpect(status().isNotFound());
  }

  @Test
  void aLeadTakesOverCommentsTimelineAndInterests_aConvertedDuplicateIsRefused() throws Exception {
    String u = unique();
    long kept =
        create("/api/v1/leads", lead("Kept " + u, "k" + u + "@x.example")).get("id").asLong();
    Map<String, Object> dupBody = lead("Dup " + u, "d" + u + "@x.example");
    dupBody.put("companyName", "Dup Corp " + u);
    dupBody.put("productInterests", List.of(Map.of("name", "Van", "quantity", 2, "price", 30000)));
    long dup = create("/api/v1/leads", dupBody).get("id").asLong();
    send(post("/api/v1/leads/" + dup + "/comments"), Map.of("text", "Wants a test drive"))
        .andExpect(status().isCreated());
    create(
        "/api/v1/activities",
        Map.of(
            "type",
            "CALL",
            "subject",
            "First call " + u,
            "direction",
            "INBOUND",
            "startsAt",
            Instant.now().toString(),
            "links",
            List.of(Map.of("type", "LEAD", "id", dup))));
    Map<String, Long> dupBefore = references("crm_lead", dup);
    assertThat(dupBefore)
        .containsEntry("crm_lead_comment.lead_id", 1L)
        .containsEntry("crm_activity_link.item_id", 1L);

    JsonNode merged =
        read(send(
                    post("/api/v1/leads/" + kept + "/merge"),
                    Map.of("duplicateId", dup, "version", 0, "duplicateVersion", 0))
                .andExpect(status().isOk())
                .andReturn())
            .get("kept");
    assertThat(merged.get("title").asString()).isEqualTo("Kept " + u);
    assertThat(merged.get("companyName").asString()).isEqualTo("Dup Corp " + u);
    assertThat(merged.get("emails")).hasSize(2);
    assertThat(merged.get("productInterests").get(0).get("name").asString()).isEqualTo("Van");
    assertThat(references("crm_lead", kept))
        .containsEntry("crm_lead_comment.lead_id", 1L)
        .containsEntry("crm_activity_link.item_id", 1L);

    // A converted lead merged into an open one would lose its conversion: refused, nothing moves.
    Map<String, Object> convertible = lead("Conv " + u, null);
    convertible.put("firstName", "Vera");
    long converted = create("/api/v1/leads", convertible).get("id").asLong();
    send(post("/api/v1/leads/" + converted + "/conversion"), Map.of("createContact", true))
        .andExpect(status().isOk());
    long convertedVersion = getJson("/api/v1/leads/" + converted).get("version").asLong();
    long keptVersion = merged.get("version").asLong();
    send(
            post("/api/v1/leads/" + kept + "/merge"),
            Map.of(
                "duplicateId",
                converted,
                "version",
                keptVersion,
                "duplicateVersion",
                convertedVersion))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("was converted")))
        .andExpect(jsonPath("$.detail", containsString("into the converted lead " + converted)));
    assertThat(getJson("/api/v1/leads/" + converted).get("version").asLong())
        .isEqualTo(convertedVersion);
    // The other way round is fine: the open lead goes into the converted one.
    send(
            post("/api/v1/leads/" + converted + "/merge"),
            Map.of(
                "duplicateId", kept, "version", convertedVersion, "duplicateVersion", keptVersion))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kept.statusSemantic").value("CONVERTED"));
    assertThat(references("crm_lead", converted))
        .containsEntry("crm_lead_comment.lead_id", 1L)
        .containsEntry("crm_activity_link.item_id", 1L);
  }

  @Test
  void badRequestsNameTheFieldAndStaleVersionsAreRefused() throws Exception {
    String u = unique();
    long a = create("/api/v1/contacts", Map.of("firstName", "A" + u)).get("id").asLong();
    long b = create("/api/v1/contacts", Map.of("firstName", "B" + u)).get("id").asLong();
    String url = "/api/v1/contacts/" + a + "/merge";
    send(post(url), Map.of("duplicateId", a, "version", 0, "duplicateVersion", 0))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("duplicateId"));
    send(
            post(url),
            Map.of(
                "duplicateId", b, "version", 0, "duplicateVersion", 0, "duplicateType", "COMPANY"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("duplicateType"));
    send(post(url), Map.of("duplicateId", b, "duplicateVersion", 0))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
    send(post(url), Map.of("duplicateId", 987654321, "version", 0, "duplicateVersion", 0))
        .andExpect(status().isNotFound());
    // Someone changed B after the caller looked: 412, and both records stay.
    send(post(url), Map.of("duplicateId", b, "version", 0, "duplicateVersion", 7))
        .andExpect(status().isPreconditionFailed());
    send(post(url), Map.of("duplicateId", b, "version", 3, "duplicateVersion", 0))
        .andExpect(status().isPreconditionFailed());
    getJson("/api/v1/contacts/" + b);
    assertThat(getJson("/api/v1/contacts/" + a).get("version").asLong()).isZero();
  }

  @Test
  void theCallerMustMayUpdateTheKeptAndDeleteTheDuplicate() throws Exception {
    long department = createDepartment("Merge", null);
    TestUser director = signInUser(department, "DIRECTOR"); // updates all, deletes nothing
    TestUser manager = signInUser(department, "MANAGER"); // own records only
    TestUser other = signInUser(department, "MANAGER");
    long mine = contactOf(manager.id());
    long mineToo = contactOf(manager.id());
    long theirs = contactOf(other.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", 0);
    body.put("duplicateVersion", 0);

    body.put("duplicateId", mineToo);
    send(post("/api/v1/contacts/" + mine + "/merge").with(as(director)), body)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.action").value("DELETE"));
    body.put("duplicateId", theirs);
    send(post("/api/v1/contacts/" + mine + "/merge").with(as(manager)), body)
        .andExpect(status().isNotFound());
    body.put("duplicateId", mine);
    send(post("/api/v1/contacts/" + theirs + "/merge").with(as(manager)), body)
        .andExpect(status().isNotFound());
    getJson("/api/v1/contacts/" + mineToo);
    getJson("/api/v1/contacts/" + theirs);

    body.put("duplicateId", mineToo);
    send(post("/api/v1/contacts/" + mine + "/merge").with(as(manager)), body)
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/contacts/" + mineToo)).andExpect(status().isNotFound());
  }

  private long contactOf(long owner) throws Exception {
    return create(
            "/api/v1/contacts", Map.of("firstName", "Owned " + unique(), "responsibleId", owner))
        .get("id")
        .asLong();
  }

  private static Map<String, Object> lead(String title, String email) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("source", "PHONE");
    if (email != null) {
      body.put("emails", List.of(email(email)));
    }
    return body;
  }

  private static Map<String, Object> email(String value) {
    return Map.of("type", "WORK", "value", value);
  }

  private static Map<String, Object> phone(String value) {
    return Map.of("type", "MOBILE", "value", value);
  }

  /** Tables whose rows are the record's own values (phones, e-mails, ...), merged by value. */
  private static final Set<String> OWN =
      Set.of(
          "crm_contact_phone",
          "crm_contact_email",
          "crm_company_phone",
          "crm_company_email",
          "crm_company_address",
          "crm_lead_phone",
          "crm_lead_email",
          "crm_lead_product_row");

  /**
   * Rows pointing to a record, per {@code table.column}: every foreign key the database declares on
   * the record's table (read here, so a new table is counted without changing this test), the
   * contact's company links, and the item links of timelines, tasks, notifications and mails.
   */
  private Map<String, Long> references(String table, long id) {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Map<String, Object>> keys =
        jdbc.queryForList(
            "SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE REFERENCED_TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ?",
            table);
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> key : keys) {
      if (!OWN.contains((String) key.get("t"))) {
        columns.add(key.get("t") + "." + key.get("c"));
      }
    }
    for (String column : columns) {
      String[] parts = column.split("\\.");
      counts.put(
          column,
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " = ?", Long.class, id));
    }
    String type = table.substring("crm_".length()).toUpperCase();
    for (String items :
        List.of("crm_activity_link", "crm_task_link", "crm_notification", "crm_outbound_mail")) {
      counts.put(
          items + ".item_id",
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM " + items + " WHERE item_type = ? AND item_id = ?",
              Long.class,
              type,
              id));
    }
    return counts;
  }
}

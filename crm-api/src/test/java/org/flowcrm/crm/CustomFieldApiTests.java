package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.permission.SystemUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Custom fields as an administrator adds them and a manager fills and filters them: typed values
 * normalised on the record, 422 naming {@code customFields.<code>} for bad ones, required fields
 * required of people only, list filters in SQL, and deleting a field deleting its values.
 */
class CustomFieldApiTests extends ApiTest {

  @Autowired DealService dealService;
  @Autowired SystemUser systemUser;
  @Autowired JdbcClient jdbc;

  private long field(String entity, String code, String type, Object... more) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("entity", entity);
    body.put("code", code);
    body.put("label", "Label of " + code);
    body.put("type", type);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return create("/api/v1/custom-fields", body).get("id").asLong();
  }

  private JsonNode deal(String title, Map<String, Object> customFields) throws Exception {
    return create("/api/v1/deals", Map.of("title", title, "customFields", customFields));
  }

  @Test
  void typedValuesAreStoredNormalisedOnTheDeal() throws Exception {
    String u = unique();
    field("DEAL", "budget" + u, "NUMBER");
    field("DEAL", "decision" + u, "DATE");
    field("DEAL", "vip" + u, "BOOLEAN");
    field("DEAL", "segment" + u, "LIST", "options", List.of("Retail", "Wholesale"));
    field("DEAL", "fee" + u, "MONEY");
    field("DEAL", "note" + u, "STRING");

    Map<String, Object> values = new HashMap<>();
    values.put("budget" + u, "1250");
    values.put("decision" + u, "2026-12-15");
    values.put("vip" + u, "yes");
    values.put("segment" + u, "Wholesale");
    values.put("fee" + u, "99 eur");
    values.put("note" + u, "  prefers calls in the morning ");
    JsonNode deal = deal("Typed " + u, values);

    JsonNode reread = getJson("/api/v1/deals/" + deal.get("id").asLong());
    // values kept in the form they read back in: saving the deal did not change it again
    assertThat(reread.get("version").asLong()).isEqualTo(deal.get("version").asLong());
    JsonNode stored = reread.get("customFields");
    assertThat(stored.get("budget" + u).decimalValue()).isEqualByComparingTo("1250");
    assertThat(stored.get("decision" + u).asString()).isEqualTo("2026-12-15");
    assertThat(stored.get("vip" + u).asBoolean()).isTrue();
    assertThat(stored.get("segment" + u).asString()).isEqualTo("Wholesale");
    assertThat(stored.get("fee" + u).get("amount").decimalValue()).isEqualByComparingTo("99");
    assertThat(stored.get("fee" + u).get("currency").asString()).isEqualTo("EUR");
    assertThat(stored.get("note" + u).asString()).isEqualTo("prefers calls in the morning");
  }

  @Test
  void badValuesAreA422NamingEachFieldAndNothingIsWritten() throws Exception {
    String u = unique();
    field("DEAL", "budget" + u, "NUMBER");
    field("DEAL", "segment" + u, "LIST", "options", List.of("Retail", "Wholesale"));
    field("DEAL", "decision" + u, "DATE");
    long before = countDeals();

    send(
            post("/api/v1/deals"),
            Map.of(
                "title",
                "Bad " + u,
                "customFields",
                Map.of(
                    "budget" + u, "lots",
                    "segment" + u, "Government",
                    "decision" + u, "next week",
                    "colour" + u, "red")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[?(@.field == 'customFields.budget" + u + "')]").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'customFields.segment" + u + "')].message")
                .value(org.hamcrest.Matchers.hasItem(containsString("Retail"))))
        .andExpect(jsonPath("$.errors[?(@.field == 'customFields.decision" + u + "')]").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'customFields.colour" + u + "')].message")
                .value(org.hamcrest.Matchers.hasItem(containsString("unknown custom field"))));
    assertThat(countDeals()).isEqualTo(before);
  }

  @Test
  void requiredFieldsAreRequiredOfPeopleButNotOfProcesses() throws Exception {
    String u = unique();
    long required = field("DEAL", "source" + u, "STRING", "required", true);
    try {
      send(post("/api/v1/deals"), Map.of("title", "No source " + u))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("customFields.source" + u))
          .andExpect(jsonPath("$.errors[0].message").value("is required"));
      JsonNode deal = deal("With source " + u, Map.of("source" + u, "fair"));
      // an update that does not touch custom fields keeps them and is not asked for them
      Map<String, Object> update = new HashMap<>();
      update.put("title", "Renamed " + u);
      send(
              put("/api/v1/deals/" + deal.get("id").asLong())
                  .header("If-Match", "\"" + deal.get("version").asLong() + "\""),
              update)
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.customFields.source" + u).value("fair"));
      // a process creating a deal fills what it knows
      var created =
          systemUser.runAs(() -> dealService.create(DealCommand.titled("By process " + u)));
      assertThat(created.customFields()).isEmpty();
    } finally {
      mvc.perform(delete("/api/v1/custom-fields/" + required)).andExpect(status().isNoContent());
    }
  }

  @Test
  void aNullValueRemovesOneAndOthersStay() throws Exception {
    String u = unique();
    field("DEAL", "a" + u, "STRING");
    field("DEAL", "b" + u, "STRING");
    JsonNode deal = deal("Two values " + u, Map.of("a" + u, "x", "b" + u, "y"));
    Map<String, Object> values = new HashMap<>();
    values.put("a" + u, null);
    send(
            put("/api/v1/deals/" + deal.get("id").asLong())
                .header("If-Match", "\"" + deal.get("version").asLong() + "\""),
            Map.of("title", "Two values " + u, "customFields", values))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customFields.a" + u).doesNotExist())
        .andExpect(jsonPath("$.customFields.b" + u).value("y"));
  }

  @Test
  void listsFilterByCustomFieldsInTheDatabase() throws Exception {
    String u = unique();
    field("DEAL", "budget" + u, "NUMBER");
    field("DEAL", "segment" + u, "LIST", "options", List.of("Retail", "Wholesale"));
    field("DEAL", "decision" + u, "DATE");
    field("DEAL", "fee" + u, "MONEY");
    long small =
        deal("Small " + u, values(u, 500, "Retail", "2026-01-10", "10 EUR")).get("id").asLong();
    long medium =
        deal("Medium " + u, values(u, 1500, "Wholesale", "2026-02-10", "20 EUR"))
            .get("id")
            .asLong();
    long large =
        deal("Large " + u, values(u, 9000, "Wholesale", "2026-03-10", "30 EUR")).get("id").asLong();

    assertThat(ids("budget" + u, "1000..10000")).containsExactlyInAnyOrder(medium, large);
    assertThat(ids("budget" + u, "..1500")).containsExactlyInAnyOrder(small, medium);
    assertThat(ids("budget" + u, "500")).containsExactly(small);
    assertThat(ids("segment" + u, "Wholesale")).containsExactlyInAnyOrder(medium, large);
    assertThat(ids("decision" + u, "2026-02-01..2026-03-01")).containsExactly(medium);
    assertThat(ids("fee" + u, "25..")).containsExactly(large);

    mvc.perform(get("/api/v1/deals").param("customFields[budget" + u + "]", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(content("customFields[budget" + u + "]"));
    mvc.perform(get("/api/v1/deals").param("customFields[nothing" + u + "]", "1"))
        .andExpect(status().isBadRequest())
        .andExpect(content("unknown custom field"));
  }

  @Test
  void everyCustomizableRecordCarriesAndFiltersItsFields() throws Exception {
    String u = unique();
    Map<String, Map<String, Object>> bodies = new HashMap<>();
    bodies.put("leads", new HashMap<>(Map.of("title", "Lead " + u, "source", "PHONE")));
    bodies.put("contacts", new HashMap<>(Map.of("firstName", "Ann " + u)));
    bodies.put("companies", new HashMap<>(Map.of("name", "Firm " + u)));
    bodies.put("products", new HashMap<>(Map.of("name", "Thing " + u, "price", 10)));
    Map<String, String> entities =
        Map.of(
            "leads", "LEAD", "contacts", "CONTACT", "companies", "COMPANY", "products", "PRODUCT");
    for (var entry : bodies.entrySet()) {
      String path = "/api/v1/" + entry.getKey();
      field(entities.get(entry.getKey()), "region" + u, "STRING");
      entry.getValue().put("customFields", Map.of("region" + u, "Mazovia"));
      long id = create(path, entry.getValue()).get("id").asLong();
      assertThat(getJson(path + "/" + id).get("customFields").get("region" + u).asString())
          .as(path)
          .isEqualTo("Mazovia");
      JsonNode found =
          read(
              mvc.perform(get(path).param("customFields[region" + u + "]", "Maz"))
                  .andExpect(status().isOk())
                  .andReturn());
      List<Long> ids = new ArrayList<>();
      found.get("items").forEach(i -> ids.add(i.get("id").asLong()));
      assertThat(ids).as(path).containsExactly(id);
    }
  }

  @Test
  void convertingALeadCarriesItsValuesToFieldsOfTheSameCodeAndType() throws Exception {
    String u = unique();
    field("LEAD", "budget" + u, "NUMBER");
    field("LEAD", "channel" + u, "STRING");
    field("DEAL", "budget" + u, "NUMBER");
    field("CONTACT", "channel" + u, "STRING");
    field("COMPANY", "budget" + u, "STRING"); // same code, other type: not carried
    long lead =
        create(
                "/api/v1/leads",
                Map.of(
                    "title",
                    "Carried " + u,
                    "firstName",
                    "Ola",
                    "companyName",
                    "Carry " + u,
                    "source",
                    "PHONE",
                    "customFields",
                    Map.of("budget" + u, 7000, "channel" + u, "fair")))
            .get("id")
            .asLong();
    JsonNode result =
        read(
            send(
                    post("/api/v1/leads/" + lead + "/conversion"),
                    Map.of("createContact", true, "createCompany", true, "createDeal", true))
                .andExpect(status().isOk())
                .andReturn());
    JsonNode deal = getJson("/api/v1/deals/" + result.get("dealId").asLong()).get("customFields");
    assertThat(deal.get("budget" + u).decimalValue()).isEqualByComparingTo("7000");
    assertThat(deal.has("channel" + u)).isFalse();
    JsonNode contact =
        getJson("/api/v1/contacts/" + result.get("contactId").asLong()).get("customFields");
    assertThat(contact.get("channel" + u).asString()).isEqualTo("fair");
    JsonNode company =
        getJson("/api/v1/companies/" + result.get("companyId").asLong()).get("customFields");
    assertThat(company.has("budget" + u)).isFalse();
  }

  @Test
  void deletingAFieldDeletesItsValuesAndAnOptionInUseStays() throws Exception {
    String u = unique();
    long segment = field("DEAL", "segment" + u, "LIST", "options", List.of("Retail", "Wholesale"));
    long note = field("DEAL", "note" + u, "STRING");
    long id =
        deal("Deleted field " + u, Map.of("segment" + u, "Retail", "note" + u, "keep"))
            .get("id")
            .asLong();

    JsonNode definition = getJson("/api/v1/custom-fields/" + segment);
    send(
            put("/api/v1/custom-fields/" + segment)
                .header("If-Match", "\"" + definition.get("version").asLong() + "\""),
            Map.of(
                "entity", "DEAL",
                "code", "segment" + u,
                "label", "Segment",
                "type", "LIST",
                "options", List.of("Wholesale")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("options"))
        .andExpect(jsonPath("$.errors[0].message", containsString("Retail")));

    mvc.perform(delete("/api/v1/custom-fields/" + segment)).andExpect(status().isNoContent());
    JsonNode values = getJson("/api/v1/deals/" + id).get("customFields");
    assertThat(values.has("segment" + u)).isFalse();
    assertThat(values.get("note" + u).asString()).isEqualTo("keep");
    mvc.perform(delete("/api/v1/custom-fields/" + note)).andExpect(status().isNoContent());
    assertThat(getJson("/api/v1/deals/" + id).get("customFields").isEmpty()).isTrue();
  }

  @Test
  void onlyAdministratorsChangeDefinitionsAndCodesAreChecked() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    String u = unique();
    send(
            post("/api/v1/custom-fields").with(as(manager)),
            Map.of("entity", "DEAL", "code", "x" + u, "label", "X", "type", "STRING"))
        .andExpect(status().isForbidden());
    field("DEAL", "shared" + u, "STRING");
    mvc.perform(get("/api/v1/custom-fields").param("entity", "DEAL").with(as(manager)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code == 'shared" + u + "')]").exists());
    send(
            post("/api/v1/custom-fields"),
            Map.of("entity", "DEAL", "code", "Bad Code", "label", "X", "type", "STRING"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    send(
            post("/api/v1/custom-fields"),
            Map.of("entity", "DEAL", "code", "l" + u, "label", "X", "type", "LIST"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("options"));
    send(
            post("/api/v1/custom-fields"),
            Map.of("entity", "DEAL", "code", "shared" + u, "label", "Again", "type", "STRING"))
        .andExpect(status().isConflict());
  }

  private Map<String, Object> values(
      String u, int budget, String segment, String date, String fee) {
    return Map.of(
        "budget" + u, budget, "segment" + u, segment, "decision" + u, date, "fee" + u, fee);
  }

  private List<Long> ids(String code, String value) throws Exception {
    JsonNode page =
        read(
            mvc.perform(get("/api/v1/deals").param("customFields[" + code + "]", value))
                .andExpect(status().isOk())
                .andReturn());
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }

  private static org.springframework.test.web.servlet.ResultMatcher content(String text) {
    return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
        .string(containsString(text));
  }

  private long countDeals() {
    return jdbc.sql("SELECT COUNT(*) FROM crm_deal").query(Long.class).single();
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every change to a record is kept with the field, old and new value, who and when, and shown to
 * whoever may read the record.
 */
class HistoryApiTests extends ApiTest {

  private JsonNode update(String path, JsonNode current, Map<String, Object> body)
      throws Exception {
    return read(
        send(
                put(path + "/" + current.get("id").asLong())
                    .header("If-Match", "\"" + current.get("version").asLong() + "\""),
                body)
            .andExpect(status().isOk())
            .andReturn());
  }

  private List<JsonNode> history(String path, long id) throws Exception {
    List<JsonNode> changes = new ArrayList<>();
    getJson(path + "/" + id + "/history").get("items").forEach(changes::add);
    return changes;
  }

  private static JsonNode change(List<JsonNode> changes, String field) {
    return changes.stream()
        .filter(c -> c.get("field").asString().equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change of " + field + " in " + changes));
  }

  @Test
  void aDealRemembersEachChangedFieldWithOldAndNewValueWhoAndWhen() throws Exception {
    String u = unique();
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Fleet " + u);
    body.put("probability", 20);
    body.put("rows", List.of(Map.of("name", "Van", "quantity", 2, "price", 30000)));
    JsonNode deal = create("/api/v1/deals", body);
    assertThat(history("/api/v1/deals", deal.get("id").asLong())).isEmpty();

    body.put("title", "Fleet renewal " + u);
    body.put("probability", 60);
    body.put(
        "rows",
        List.of(Map.of("name", "Van", "quantity", 3, "price", 30000, "discountPercent", 5)));
    update("/api/v1/deals", deal, body);

    List<JsonNode> changes = history("/api/v1/deals", deal.get("id").asLong());
    JsonNode title = change(changes, "title");
    assertThat(title.get("oldValue").asString()).isEqualTo("Fleet " + u);
    assertThat(title.get("newValue").asString()).isEqualTo("Fleet renewal " + u);
    assertThat(title.get("changedByName").asString()).isNotBlank();
    assertThat(title.get("changedAt").asString()).isNotBlank();
    assertThat(change(changes, "probability").get("newValue").asString()).isEqualTo("60");
    assertThat(change(changes, "amount").get("oldValue").asString()).isEqualTo("60000");
    assertThat(change(changes, "amount").get("newValue").asString()).isEqualTo("85500");
    JsonNode rows = change(changes, "rows");
    assertThat(rows.get("oldValue").asString()).isEqualTo("Van × 2 à 30000");
    assertThat(rows.get("newValue").asString()).isEqualTo("Van × 3 à 30000 −5 %");
    // unchanged fields and bookkeeping leave no trace
    assertThat(changes)
        .extracting(c -> c.get("field").asString())
        .doesNotContain("version", "updatedAt", "currency", "searchText");
  }

  @Test
  void aStageMoveReadsAsStageNamesAndALeadKeepsItsPhoneChanges() throws Exception {
    String u = unique();
    JsonNode deal = create("/api/v1/deals", Map.of("title", "Staged " + u));
    long dealId = deal.get("id").asLong();
    long pipeline = deal.get("pipelineId").asLong();
    long offer = 0;
    for (JsonNode stage : getJson("/api/v1/pipelines/" + pipeline).get("stages")) {
      if (stage.get("code").asString().equals("OFFER")) {
        offer = stage.get("id").asLong();
      }
    }
    send(put("/api/v1/deals/" + dealId + "/stage"), Map.of("stageId", offer))
        .andExpect(status().isOk());
    JsonNode stage = change(history("/api/v1/deals", dealId), "stage");
    assertThat(stage.get("newValue").asString()).isEqualTo("Offer");

    Map<String, Object> body = new HashMap<>();
    body.put("title", "Phones " + u);
    body.put("source", "PHONE");
    body.put("phones", List.of(Map.of("type", "WORK", "value", "+48 600 100 200")));
    JsonNode lead = create("/api/v1/leads", body);
    body.put("phones", List.of(Map.of("type", "MOBILE", "value", "+48 600 999 888")));
    update("/api/v1/leads", lead, body);
    JsonNode phones = change(history("/api/v1/leads", lead.get("id").asLong()), "phones");
    assertThat(phones.get("oldValue").asString()).contains("600 100 200");
    assertThat(phones.get("newValue").asString()).contains("600 999 888").contains("MOBILE");
  }

  @Test
  void creatingALeadReturnsItsCurrentVersionAndNoHistory() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Fresh " + unique());
    body.put("source", "PHONE");
    body.put("phones", List.of(Map.of("type", "WORK", "value", "+48 600 100 200")));
    JsonNode lead = create("/api/v1/leads", body);
    long id = lead.get("id").asLong();
    assertThat(history("/api/v1/leads", id)).isEmpty();
    assertThat(getJson("/api/v1/leads/" + id).get("version").asLong())
        .isEqualTo(lead.get("version").asLong());
  }

  @Test
  void customFieldsAreHistoryOneCodeAtATime() throws Exception {
    String u = unique();
    create(
        "/api/v1/custom-fields",
        Map.of("entity", "CONTACT", "code", "tier" + u, "label", "Tier", "type", "STRING"));
    JsonNode contact =
        create(
            "/api/v1/contacts",
            Map.of("firstName", "Eva " + u, "customFields", Map.of("tier" + u, "silver")));
    update(
        "/api/v1/contacts",
        contact,
        Map.of("firstName", "Eva " + u, "customFields", Map.of("tier" + u, "gold")));
    JsonNode tier =
        change(history("/api/v1/contacts", contact.get("id").asLong()), "customFields.tier" + u);
    assertThat(tier.get("oldValue").asString()).isEqualTo("silver");
    assertThat(tier.get("newValue").asString()).isEqualTo("gold");
  }

  @Test
  void whoMayNotOpenTheRecordMayNotReadItsHistory() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    long lead =
        create("/api/v1/leads", Map.of("title", "Secret " + unique(), "source", "PHONE"))
            .get("id")
            .asLong();
    int opening =
        mvc.perform(get("/api/v1/leads/" + lead).with(as(manager)))
            .andReturn()
            .getResponse()
            .getStatus();
    mvc.perform(get("/api/v1/leads/" + lead + "/history").with(as(manager)))
        .andExpect(status().is(opening));
    assertThat(opening).isIn(403, 404);
    mvc.perform(get("/api/v1/products/99999999/history")).andExpect(status().isNotFound());
  }
}

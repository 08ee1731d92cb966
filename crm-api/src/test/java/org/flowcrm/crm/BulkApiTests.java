package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Bulk actions ({@code POST /api/v1/{leads|deals|contacts|companies}/bulk}): each record is checked
 * as if changed alone, refusals are reported per record with the reason while the others change,
 * and bad input changes nothing.
 */
class BulkApiTests extends ApiTest {

  private JsonNode bulk(String kind, Map<String, Object> body, TestUser user) throws Exception {
    var request =
        post("/api/v1/" + kind + "/bulk")
            .contentType(MediaType.APPLICATION_JSON)
            .content(toJson(body));
    if (user != null) {
      request = request.with(as(user));
    }
    return read(mvc.perform(request).andExpect(status().isOk()).andReturn());
  }

  private long lead(String title, long responsibleId) throws Exception {
    return create(
            "/api/v1/leads",
            Map.of("title", title, "source", "PHONE", "responsibleId", responsibleId))
        .get("id")
        .asLong();
  }

  private long deal(String title, long responsibleId, boolean visibleToAll) throws Exception {
    return create(
            "/api/v1/deals",
            Map.of("title", title, "responsibleId", responsibleId, "visibleToAll", visibleToAll))
        .get("id")
        .asLong();
  }

  private long stageId(String code) throws Exception {
    for (JsonNode stage : getJson("/api/v1/pipelines").get(0).get("stages")) {
      if (stage.get("code").asString().equals(code)) {
        return stage.get("id").asLong();
      }
    }
    throw new AssertionError("no stage " + code);
  }

  private static Map<Long, String> refusals(JsonNode result) {
    Map<Long, String> reasons = new HashMap<>();
    result
        .get("refusals")
        .forEach(r -> reasons.put(r.get("id").asLong(), r.get("reason").asString()));
    return reasons;
  }

  @Test
  void aManagerBulkAssignsWhatHeMayUpdateAndEveryOtherRecordIsRefusedByName() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser colleague = signInUser(null, "MANAGER");
    long mine1 = lead("Bulk mine " + unique(), manager.id());
    long mine2 = lead("Bulk mine " + unique(), manager.id());
    long theirs = lead("Bulk theirs " + unique(), colleague.id());

    JsonNode result =
        bulk(
            "leads",
            Map.of(
                "action", "ASSIGN",
                "ids", List.of(mine1, mine2, theirs, mine1),
                "responsibleId", colleague.id()),
            manager);

    assertThat(result.get("selected").asInt()).isEqualTo(3); // the repeated id counts once
    assertThat(result.get("done").asInt()).isEqualTo(2);
    assertThat(result.get("refused").asInt()).isEqualTo(1);
    // someone else's lead is hidden from a manager: refused as missing, not confirmed
    assertThat(refusals(result)).containsExactly(Map.entry(theirs, "NOT_FOUND"));
    assertThat(getJson("/api/v1/leads/" + mine1).get("responsibleId").asLong())
        .isEqualTo(colleague.id());
    assertThat(getJson("/api/v1/leads/" + mine2).get("responsibleId").asLong())
        .isEqualTo(colleague.id());

    // a deal visible to all is readable but not his to change: refused as forbidden, with why
    long myDeal = deal("Bulk my deal " + unique(), manager.id(), false);
    long sharedDeal = deal("Bulk shared deal " + unique(), colleague.id(), true);
    JsonNode deals =
        bulk(
            "deals",
            Map.of(
                "action",
                "ASSIGN",
                "ids",
                List.of(myDeal, sharedDeal),
                "responsibleId",
                colleague.id()),
            manager);
    assertThat(deals.get("done").asInt()).isEqualTo(1);
    JsonNode refusal = deals.get("refusals").get(0);
    assertThat(refusal.get("id").asLong()).isEqualTo(sharedDeal);
    assertThat(refusal.get("reason").asString()).isEqualTo("FORBIDDEN");
    assertThat(refusal.get("message").asString()).contains("UPDATE").contains("DEAL");
    assertThat(getJson("/api/v1/deals/" + sharedDeal).get("responsibleId").asLong())
        .isEqualTo(colleague.id());
    assertThat(getJson("/api/v1/deals/" + myDeal).get("responsibleId").asLong())
        .isEqualTo(colleague.id());
  }

  @Test
  void aBulkStageMoveMovesTheOpenDealsAndReportsTheClosedOne() throws Exception {
    long admin = getJson("/api/v1/me").get("id").asLong();
    long first = deal("Bulk move " + unique(), admin, true);
    long second = deal("Bulk move " + unique(), admin, true);
    long won = deal("Bulk move won " + unique(), admin, true);
    send(put("/api/v1/deals/" + won + "/stage"), Map.of("stageId", stageId("WON")))
        .andExpect(status().isOk());
    long offer = stageId("OFFER");

    JsonNode result =
        bulk(
            "deals",
            Map.of("action", "MOVE_STAGE", "ids", List.of(first, won, second), "stageId", offer),
            null);

    assertThat(result.get("done").asInt()).isEqualTo(2);
    assertThat(refusals(result)).containsExactly(Map.entry(won, "CONFLICT"));
    assertThat(result.get("refusals").get(0).get("message").asString()).contains("closed");
    assertThat(getJson("/api/v1/deals/" + first).get("stageId").asLong()).isEqualTo(offer);
    assertThat(getJson("/api/v1/deals/" + second).get("stageId").asLong()).isEqualTo(offer);
    assertThat(getJson("/api/v1/deals/" + won).get("closed").asBoolean()).isTrue();
    // recorded like a single move: who, when, from → to
    JsonNode history = getJson("/api/v1/deals/" + first + "/stage-history");
    assertThat(history.get(history.size() - 1).get("toStageId").asLong()).isEqualTo(offer);
  }

  @Test
  void aFilterSelectsEveryMatchingRecordTheCallerCanSee() throws Exception {
    long admin = getJson("/api/v1/me").get("id").asLong();
    String marker = "bulkfilter" + unique();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(lead(marker + " lead " + i, admin));
    }
    lead("Unrelated " + unique(), admin);

    JsonNode result =
        bulk(
            "leads",
            Map.of("action", "CHANGE_STATUS", "filter", Map.of("q", marker), "status", "JUNK"),
            null);

    assertThat(result.get("selected").asInt()).isEqualTo(3);
    assertThat(result.get("done").asInt()).isEqualTo(3);
    for (long id : ids) {
      assertThat(getJson("/api/v1/leads/" + id).get("status").asString()).isEqualTo("JUNK");
    }

    String contactMarker = "bulkcontact" + unique();
    long c1 = create("/api/v1/contacts", Map.of("firstName", contactMarker)).get("id").asLong();
    long c2 = create("/api/v1/contacts", Map.of("firstName", contactMarker)).get("id").asLong();
    JsonNode deleted =
        bulk("contacts", Map.of("action", "DELETE", "filter", Map.of("q", contactMarker)), null);
    assertThat(deleted.get("done").asInt()).isEqualTo(2);
    mvc.perform(get("/api/v1/contacts/" + c1)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/contacts/" + c2)).andExpect(status().isNotFound());
  }

  @Test
  void aCompanyStillReferencedByADealIsReportedAndTheOthersAreDeleted() throws Exception {
    long free =
        create("/api/v1/companies", Map.of("name", "Bulk free " + unique())).get("id").asLong();
    long used =
        create("/api/v1/companies", Map.of("name", "Bulk used " + unique())).get("id").asLong();
    create("/api/v1/deals", Map.of("title", "Uses company " + unique(), "companyId", used));

    JsonNode result =
        bulk("companies", Map.of("action", "DELETE", "ids", List.of(free, used)), null);

    assertThat(result.get("done").asInt()).isEqualTo(1);
    assertThat(refusals(result)).containsExactly(Map.entry(used, "IN_USE"));
    mvc.perform(get("/api/v1/companies/" + free)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/companies/" + used)).andExpect(status().isOk());
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
    long admin = getJson("/api/v1/me").get("id").asLong();
    long leadId = lead("Bulk untouched " + unique(), admin);
    long dealId = deal("Bulk untouched " + unique(), admin, true);
    long leadVersion = getJson("/api/v1/leads/" + leadId).get("version").asLong();
    long dealVersion = getJson("/api/v1/deals/" + dealId).get("version").asLong();

    send(
            post("/api/v1/leads/bulk"),
            Map.of("action", "ASSIGN", "ids", List.of(leadId), "responsibleId", 987654321L))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("responsibleId"));
    send(post("/api/v1/leads/bulk"), Map.of("action", "ASSIGN", "ids", List.of(leadId)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("responsibleId"));
    send(
            post("/api/v1/leads/bulk"),
            Map.of("action", "CHANGE_STATUS", "ids", List.of(leadId), "status", "NO_SUCH"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    send(post("/api/v1/deals/bulk"), Map.of("action", "MOVE_STAGE", "ids", List.of(dealId)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stageId"));
    send(
            post("/api/v1/deals/bulk"),
            Map.of("action", "MOVE_STAGE", "ids", List.of(dealId), "stageId", 987654321L))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("stageId"));
    send(
            post("/api/v1/deals/bulk"),
            Map.of("action", "CHANGE_STATUS", "ids", List.of(dealId), "status", "JUNK"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("action"));
    send(post("/api/v1/deals/bulk"), Map.of("action", "DELETE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("ids"));
    send(
            post("/api/v1/deals/bulk"),
            Map.of("action", "DELETE", "ids", List.of(dealId), "filter", Map.of()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("filter"));
    send(post("/api/v1/deals/bulk"), Map.of("action", "EXPLODE", "ids", List.of(dealId)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("action"));

    JsonNode lead = getJson("/api/v1/leads/" + leadId);
    assertThat(lead.get("responsibleId").asLong()).isEqualTo(admin);
    assertThat(lead.get("version").asLong()).isEqualTo(leadVersion);
    assertThat(getJson("/api/v1/deals/" + dealId).get("version").asLong()).isEqualTo(dealVersion);
  }
}

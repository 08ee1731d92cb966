package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Opening a deal in one request: {@code GET /api/v1/deals/{id}/card}. */
class DealCardApiTests extends ApiTest {

  @Test
  void theCardHasTheDealItsContactsItsCompanyAndItsLatestActivitiesNewestFirst() throws Exception {
    long company =
        create("/api/v1/companies", Map.of("name", "Card Co " + unique())).get("id").asLong();
    long anna = contact("Anna", null);
    long piotr = contact("Piotr", null);
    long deal = deal(company, List.of(anna, piotr), null, true);
    List<Long> activities = new ArrayList<>();
    for (int day = 5; day >= 1; day--) {
      activities.add(activity(deal, Instant.now().minus(day, ChronoUnit.DAYS)));
    }

    MvcResult result =
        mvc.perform(get("/api/v1/deals/" + deal + "/card?activityLimit=3"))
            .andExpect(status().isOk())
            .andReturn();
    JsonNode card = read(result);
    assertThat(card.get("deal").get("id").asLong()).isEqualTo(deal);
    assertThat(card.get("deal").get("title").asString()).startsWith("Card deal");
    assertThat(ids(card.get("contacts"))).containsExactlyInAnyOrder(anna, piotr);
    assertThat(card.get("company").get("id").asLong()).isEqualTo(company);
    // newest first, three of five, and the cursor to page on through /activities
    assertThat(ids(card.get("activities").get("items")))
        .containsExactly(activities.get(4), activities.get(3), activities.get(2));
    assertThat(card.get("activities").get("nextCursor").isNull()).isFalse();
    // the same ETag as the deal itself, so an edit after opening the card can send If-Match
    String dealETag =
        mvc.perform(get("/api/v1/deals/" + deal)).andReturn().getResponse().getHeader("ETag");
    assertThat(result.getResponse().getHeader("ETag")).isEqualTo(dealETag);

    JsonNode all = getJson("/api/v1/deals/" + deal + "/card");
    assertThat(all.get("activities").get("items")).hasSize(5);
  }

  @Test
  void onlyThePartsAskedForAreRead() throws Exception {
    long company =
        create("/api/v1/companies", Map.of("name", "Part Co " + unique())).get("id").asLong();
    long deal = deal(company, List.of(contact("Ewa", null)), null, true);
    activity(deal, Instant.now());

    JsonNode card = getJson("/api/v1/deals/" + deal + "/card?include=contacts");
    assertThat(card.get("contacts")).hasSize(1);
    assertThat(card.get("company").isNull()).isTrue();
    assertThat(card.get("activities").isNull()).isTrue();

    JsonNode timeline = getJson("/api/v1/deals/" + deal + "/card?include=Activities,company");
    assertThat(timeline.get("contacts").isNull()).isTrue();
    assertThat(timeline.get("company").get("id").asLong()).isEqualTo(company);
    assertThat(timeline.get("activities").get("items")).hasSize(1);
  }

  @Test
  void badParametersAreRefusedNamingThem() throws Exception {
    long deal = deal(null, List.of(), null, true);
    mvc.perform(get("/api/v1/deals/" + deal + "/card?include=contacts,invoices"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("include"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("'invoices' is not one of contacts, company, activities"));
    mvc.perform(get("/api/v1/deals/" + deal + "/card?activityLimit=0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("activityLimit"));
    mvc.perform(get("/api/v1/deals/999999999/card")).andExpect(status().isNotFound());
  }

  @Test
  void aManagerSeesTheCardOfADealVisibleToAllWithoutRecordsHeMayNotRead() throws Exception {
    long department = createDepartment("Card", null);
    TestUser manager = signInUser(department, "MANAGER");
    long colleague = createUser("Card colleague");
    long theirs = contact("Theirs", colleague);
    long his = contact("His", manager.id());
    long company =
        create(
                "/api/v1/companies",
                Map.of("name", "Their Co " + unique(), "responsibleId", colleague))
            .get("id")
            .asLong();
    long open = deal(company, List.of(theirs, his), colleague, true);
    activity(open, Instant.now());
    long hidden = deal(company, List.of(his), colleague, false);

    JsonNode card =
        read(
            mvc.perform(get("/api/v1/deals/" + open + "/card").with(as(manager)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(ids(card.get("contacts"))).containsExactly(his);
    assertThat(card.get("company").isNull()).isTrue();
    assertThat(card.get("activities").get("items")).hasSize(1);
    // and exactly what the separate endpoints answer him
    mvc.perform(get("/api/v1/contacts/" + theirs).with(as(manager)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/companies/" + company).with(as(manager)))
        .andExpect(status().isNotFound());

    mvc.perform(get("/api/v1/deals/" + hidden + "/card").with(as(manager)))
        .andExpect(status().isNotFound());
  }

  private long contact(String firstName, Long responsibleId) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("firstName", firstName);
    body.put("lastName", "Card " + unique());
    body.put("responsibleId", responsibleId);
    return create("/api/v1/contacts", body).get("id").asLong();
  }

  private long deal(Long company, List<Long> contacts, Long responsibleId, boolean visibleToAll)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Card deal " + unique());
    body.put("companyId", company);
    body.put("contactIds", contacts);
    body.put("responsibleId", responsibleId);
    body.put("visibleToAll", visibleToAll);
    return create("/api/v1/deals", body).get("id").asLong();
  }

  private long activity(long deal, Instant startsAt) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "NOTE");
    body.put("subject", "Note " + unique());
    body.put("startsAt", startsAt.toString());
    body.put("links", List.of(Map.of("type", "DEAL", "id", deal)));
    return create("/api/v1/activities", body).get("id").asLong();
  }

  private static List<Long> ids(JsonNode items) {
    List<Long> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }
}

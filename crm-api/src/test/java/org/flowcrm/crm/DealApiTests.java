package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealStageChanged;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DealApiTests extends ApiTest {

  @Autowired DealService dealService;
  @Autowired ProcessLinkService processLinks;
  @Autowired SystemUser systemUser;
  @Autowired RecordedEvents events;

  @Test
  void theDefaultSalesPipelineIsSeeded() throws Exception {
    JsonNode pipelines = getJson("/api/v1/pipelines");
    JsonNode sales = pipelines.get(0);
    assertThat(sales.get("name").asString()).isEqualTo("Sales");
    assertThat(sales.get("defaultPipeline").asBoolean()).isTrue();
    List<String> stages = new ArrayList<>();
    sales.get("stages").forEach(s -> stages.add(s.get("name").asString()));
    assertThat(stages)
        .containsExactly(
            "New",
            "First call",
            "Offer",
            "Negotiation",
            "Invoice",
            "Payment",
            "Delivery",
            "Won",
            "Lost");
  }

  @Test
  void aNewDealStartsInTheFirstStageOfTheDefaultPipeline() throws Exception {
    JsonNode deal = create("/api/v1/deals", Map.of("title", "Website relaunch"));
    assertThat(deal.get("stageCode").asString()).isEqualTo("NEW");
    assertThat(deal.get("currency").asString()).isEqualTo("EUR");
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("0");
    assertThat(deal.get("closed").asBoolean()).isFalse();
  }

  @Test
  void theAmountIsRecalculatedFromTheProductRows() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Office chairs");
    body.put("amount", 1); // ignored: rows decide
    body.put(
        "rows",
        List.of(
            Map.of(
                "name",
                "Chair",
                "quantity",
                2,
                "price",
                100,
                "discountPercent",
                10,
                "taxPercent",
                20),
            Map.of("name", "Delivery", "quantity", 1, "price", "50.50")));
    JsonNode deal = create("/api/v1/deals", body);
    // 2 × 100 − 10 % = 180, + 20 % tax = 216; + 50.50
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("266.50");
    assertThat(deal.get("rows").get(0).get("total").decimalValue()).isEqualByComparingTo("216.00");

    body.put("rows", List.of(Map.of("name", "Chair", "quantity", 3, "price", 100)));
    send(
            put("/api/v1/deals/" + deal.get("id").asLong())
                .header("If-Match", "\"" + deal.get("version").asLong() + "\""),
            body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.amount").value(300.0))
        .andExpect(jsonPath("$.rows.length()").value(1));
  }

  @Test
  void movingThroughStagesIsRecordedAndWinningClosesTheDeal() throws Exception {
    long id = create("/api/v1/deals", Map.of("title", "Fleet " + unique())).get("id").asLong();
    long offer = stageId(1, "OFFER");
    long won = stageId(1, "WON");

    send(put("/api/v1/deals/" + id + "/stage"), Map.of("stageId", offer))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.stageCode").value("OFFER"))
        .andExpect(jsonPath("$.probability").value(40));
    send(put("/api/v1/deals/" + id + "/stage"), Map.of("stageId", won))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.closed").value(true))
        .andExpect(jsonPath("$.probability").value(100));

    send(put("/api/v1/deals/" + id + "/stage"), Map.of("stageId", offer))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("is closed as WON")));

    JsonNode history = getJson("/api/v1/deals/" + id + "/stage-history");
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.get(0).get("toStageName").asString()).isEqualTo("New");
    assertThat(history.get(2).get("fromStageName").asString()).isEqualTo("Offer");
    assertThat(history.get(2).get("toStageName").asString()).isEqualTo("Won");

    List<DealStageChanged> changes =
        events.of(DealStageChanged.class).stream().filter(e -> e.dealId() == id).toList();
    assertThat(changes).extracting(DealStageChanged::toStageCode).containsExactly("OFFER", "WON");
    assertThat(changes.get(1).semantic()).isEqualTo(StageSemantic.WON);
  }

  @Test
  void aLostDealCanBeReopened() throws Exception {
    long pipeline = createPipeline("Reopen " + unique());
    long id =
        create("/api/v1/deals", Map.of("title", "Second chance", "pipelineId", pipeline))
            .get("id")
            .asLong();
    send(put("/api/v1/deals/" + id + "/stage"), Map.of("stageId", stageId(pipeline, "GONE")))
        .andExpect(jsonPath("$.closed").value(true))
        .andExpect(jsonPath("$.probability").value(0));
    send(post("/api/v1/deals/" + id + "/reopening"), Map.of("stageId", stageId(pipeline, "DONE")))
        .andExpect(status().isUnprocessableContent());
    send(post("/api/v1/deals/" + id + "/reopening"), Map.of("stageId", stageId(pipeline, "OPEN_1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.closed").value(false))
        .andExpect(jsonPath("$.stageCode").value("OPEN_1"));
    assertThat(getJson("/api/v1/deals/" + id + "/stage-history").size()).isEqualTo(3);
  }

  @Test
  void pipelineStagesAreRenamedAddedAndRemovedByCode() throws Exception {
    long pipeline = createPipeline("Configurable " + unique());
    create("/api/v1/deals", Map.of("title", "Sits in OPEN_1", "pipelineId", pipeline));
    Map<String, Object> withoutOpen1 =
        Map.of(
            "name",
            "Configured",
            "stages",
            List.of(
                Map.of("code", "QUALIFY", "name", "Qualify"),
                Map.of("code", "DONE", "name", "Done", "semantic", "WON"),
                Map.of("code", "GONE", "name", "Gone", "semantic", "LOST")));
    send(put("/api/v1/pipelines/" + pipeline).header("If-Match", "*"), withoutOpen1)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("OPEN_1 still has deals")));
    Map<String, Object> reordered =
        Map.of(
            "name",
            "Configured",
            "stages",
            List.of(
                Map.of("code", "QUALIFY", "name", "Qualify"),
                Map.of("code", "OPEN_1", "name", "Working", "probability", 50),
                Map.of("code", "DONE", "name", "Done", "semantic", "WON"),
                Map.of("code", "GONE", "name", "Gone", "semantic", "LOST")));
    JsonNode updated =
        read(
            send(put("/api/v1/pipelines/" + pipeline).header("If-Match", "*"), reordered)
                .andExpect(status().isOk())
                .andReturn());
    List<String> names = new ArrayList<>();
    updated.get("stages").forEach(st -> names.add(st.get("name").asString()));
    assertThat(names).containsExactly("Qualify", "Working", "Done", "Gone");
    assertThat(updated.get("name").asString()).isEqualTo("Configured");
  }

  @Test
  void aPipelineWithDealsOrTheDefaultOneIsNotDeleted() throws Exception {
    long inUse = createPipeline("In use " + unique());
    create("/api/v1/deals", Map.of("title", "Keeps it", "pipelineId", inUse));
    mvc.perform(delete("/api/v1/pipelines/" + inUse))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("still has 1 deal")));
    long sales = getJson("/api/v1/pipelines").get(0).get("id").asLong();
    mvc.perform(delete("/api/v1/pipelines/" + sales))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("default pipeline")));
    long empty = createPipeline("Empty " + unique());
    mvc.perform(delete("/api/v1/pipelines/" + empty)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/pipelines/" + empty)).andExpect(status().isNotFound());
  }

  @Test
  void aStageOfAnotherPipelineIsRefused() throws Exception {
    long pipeline = createPipeline("Renewals " + unique());
    long foreignStage = stageId(pipeline, "OPEN_1");
    long id = create("/api/v1/deals", Map.of("title", "Renewal")).get("id").asLong();
    send(put("/api/v1/deals/" + id + "/stage"), Map.of("stageId", foreignStage))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("stageId"));
  }

  @Test
  void aPipelineNeedsOneWonAndOneLostStage() throws Exception {
    send(
            post("/api/v1/pipelines"),
            Map.of("name", "Broken", "stages", List.of(Map.of("code", "A", "name", "A"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].message",
                org.hamcrest.Matchers.hasItem("need exactly one WON stage")));
  }

  @Test
  void staleAndMissingETagsAreRefused() throws Exception {
    JsonNode deal = create("/api/v1/deals", Map.of("title", "Contested"));
    String url = "/api/v1/deals/" + deal.get("id").asLong();
    send(put(url).header("If-Match", "\"0\""), Map.of("title", "Mine"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    send(put(url).header("If-Match", "\"0\""), Map.of("title", "Theirs"))
        .andExpect(status().isPreconditionFailed());
    send(put(url), Map.of("title", "Theirs")).andExpect(status().isPreconditionRequired());
    mvc.perform(get(url)).andExpect(jsonPath("$.title").value("Mine"));
  }

  @Test
  void invalidInputIsA400NamingEachField() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "");
    body.put("amount", -5);
    body.put("probability", 101);
    body.put("rows", List.of(Map.of("name", "x".repeat(256), "quantity", 0, "price", 1)));
    send(post("/api/v1/deals"), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'title')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'probability')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'rows[0].name')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'rows[0].quantity')]").exists());

    send(post("/api/v1/deals"), Map.of("title", "T", "type", "BARTER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"))
        .andExpect(jsonPath("$.errors[0].message", containsString("SALE")));
    send(post("/api/v1/deals"), Map.of("title", "T", "amount", "lots"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("amount"));
    send(post("/api/v1/deals"), Map.of("title", "T", "expectedCloseDate", "next week"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("expectedCloseDate"));
    send(post("/api/v1/deals"), Map.of("title", "T", "currency", "XYZ"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("currency"));
    send(post("/api/v1/deals"), Map.of("title", "T", "responsibleId", 99999999))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("responsibleId"));
    mvc.perform(get("/api/v1/deals?limit=1000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(get("/api/v1/deals?type=BARTER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("type"))
        .andExpect(jsonPath("$.errors[0].message", containsString("SERVICES")));
    mvc.perform(get("/api/v1/deals?limit=abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].message", containsString("must be a number")));
    mvc.perform(get("/api/v1/deals/99999999999999999999999"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    mvc.perform(get("/api/v1/deals/totals"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("pipelineId"));
    mvc.perform(get("/api/v1/deals?sort=password"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/v1/deals?after=garbage!"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("after"));
  }

  @Test
  void cursorPagesNeitherSkipNorDuplicate() throws Exception {
    long pipeline = createPipeline("Paging " + unique());
    int[] amounts = {500, 100, 300, 300, 300, 200, 700, 100};
    for (int i = 0; i < amounts.length; i++) {
      create(
          "/api/v1/deals",
          Map.of("title", "Deal " + i, "pipelineId", pipeline, "amount", amounts[i]));
    }
    List<String> seen = new ArrayList<>();
    List<Double> seenAmounts = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String url =
          "/api/v1/deals?pipelineId="
              + pipeline
              + "&sort=-amount&limit=3"
              + (cursor == null ? "" : "&after=" + cursor);
      JsonNode page = getJson(url);
      page.get("items")
          .forEach(
              d -> {
                seen.add(d.get("title").asString());
                seenAmounts.add(d.get("amount").asDouble());
              });
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      if (pages++ == 0) {
        // a deal added meanwhile ahead of the cursor neither shifts nor repeats the next pages
        create(
            "/api/v1/deals", Map.of("title", "Latecomer", "pipelineId", pipeline, "amount", 900));
      }
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(8).doesNotHaveDuplicates();
    assertThat(seenAmounts).containsExactly(700.0, 500.0, 300.0, 300.0, 300.0, 200.0, 100.0, 100.0);
  }

  @Test
  void everyDealOfAFilteredListCanBeReassigned() throws Exception {
    long pipeline = createPipeline("Handover " + unique());
    long leaving = createUser("Leaving Lea");
    long taking = createUser("Taking Tim");
    for (int i = 0; i < 3; i++) {
      create(
          "/api/v1/deals",
          Map.of("title", "Handover " + i, "pipelineId", pipeline, "responsibleId", leaving));
    }
    create("/api/v1/deals", Map.of("title", "Elsewhere", "responsibleId", leaving));
    send(
            post(
                "/api/v1/deals/bulk-assignment?pipelineId="
                    + pipeline
                    + "&responsibleId="
                    + leaving),
            Map.of("responsibleId", taking))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assigned").value(3));
    assertThat(
            getJson("/api/v1/deals?pipelineId=" + pipeline + "&responsibleId=" + taking)
                .get("items")
                .size())
        .isEqualTo(3);
    assertThat(getJson("/api/v1/deals?responsibleId=" + leaving).get("items").size()).isEqualTo(1);
    send(
            post("/api/v1/deals/bulk-assignment?pipelineId=" + pipeline),
            Map.of("responsibleId", 987654321))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("responsibleId"));
  }

  @Test
  void searchFindsADealByTheFirstLettersOfAWord() throws Exception {
    String word = "Zephyr" + unique();
    create("/api/v1/deals", Map.of("title", "Project " + word + " rollout"));
    JsonNode page = getJson("/api/v1/deals?q=" + word.substring(0, 8));
    assertThat(page.get("items").size()).isEqualTo(1);
  }

  @Test
  void aFilteredListExportsToCsv() throws Exception {
    long pipeline = createPipeline("Export " + unique());
    create(
        "/api/v1/deals",
        Map.of("title", "Alpha, \"quoted\"", "pipelineId", pipeline, "amount", 10));
    create("/api/v1/deals", Map.of("title", "Beta", "pipelineId", pipeline, "amount", 20));
    String csv =
        mvc.perform(get("/api/v1/deals?sort=amount&pipelineId=" + pipeline).accept("text/csv"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("text/csv")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("id,title,pipelineId,stage,amount,currency");
    assertThat(lines[1]).contains("\"Alpha, \"\"quoted\"\"\",").contains(",10.00,EUR,10.00,");
    assertThat(lines[2]).contains(",Beta,");
  }

  @Test
  void amountsAreReportedInTheBaseCurrency() throws Exception {
    String code = currencyCode();
    create("/api/v1/currencies", Map.of("code", code, "name", "Test money", "rate", "0.5"));
    long pipeline = createPipeline("Totals " + unique());
    JsonNode deal =
        create(
            "/api/v1/deals",
            Map.of("title", "Abroad", "pipelineId", pipeline, "amount", 100, "currency", code));
    assertThat(deal.get("amountInBaseCurrency").decimalValue()).isEqualByComparingTo("50.00");
    create("/api/v1/deals", Map.of("title", "Home", "pipelineId", pipeline, "amount", 20));
    JsonNode totals = getJson("/api/v1/deals/totals?pipelineId=" + pipeline);
    assertThat(totals.get(0).get("deals").asLong()).isEqualTo(2);
    assertThat(totals.get(0).get("amountInBaseCurrency").decimalValue())
        .isEqualByComparingTo("70.00");
  }

  @Test
  void aProcessMovesTheDealWithoutBeingAsked() throws Exception {
    long id = create("/api/v1/deals", Map.of("title", "Driven")).get("id").asLong();
    long key = 2251799813685249L + id;
    systemUser.runAs(
        () ->
            processLinks.record(ProcessSubject.DEAL, id, key, "deal-execution", "offer", "Offer"));
    assertThat(systemUser.runAs(() -> dealService.findByProcessInstanceKey(key)))
        .hasValueSatisfying(d -> assertThat(d.process().elementId()).isEqualTo("offer"));
    // Processes act as the system user.
    assertThat(systemUser.runAs(() -> dealService.moveToStage(id, "NEGOTIATION")).stageCode())
        .isEqualTo("NEGOTIATION");
  }

  @Test
  void anAgreedDiscountGivesEveryRowAtLeastThatDiscountOnce() throws Exception {
    JsonNode deal =
        create(
            "/api/v1/deals",
            Map.of(
                "title",
                "Negotiated " + unique(),
                "rows",
                List.of(
                    Map.of("name", "Chair", "quantity", 20, "price", 120, "discountPercent", 10),
                    Map.of("name", "Desk", "quantity", 5, "price", 450))));
    long id = deal.get("id").asLong();
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("4410.00");

    // chairs keep their 10 %, desks get 5 %: 2160.00 + 2137.50
    var discounted =
        systemUser.runAs(() -> dealService.grantDiscount(id, new java.math.BigDecimal("5")));
    assertThat(discounted.amount()).isEqualByComparingTo("4297.50");
    assertThat(discounted.rows())
        .extracting(r -> r.discountPercent().stripTrailingZeros().toPlainString())
        .containsExactly("10", "5");
    // the same agreement applied again (a redelivered job) changes nothing
    var again =
        systemUser.runAs(() -> dealService.grantDiscount(id, new java.math.BigDecimal("5")));
    assertThat(again.amount()).isEqualByComparingTo("4297.50");
    assertThat(again.version()).isEqualTo(discounted.version());

    assertThatThrownBy(
            () ->
                systemUser.runAs(
                    () -> dealService.grantDiscount(id, new java.math.BigDecimal("101"))))
        .isInstanceOf(org.flowcrm.crm.shared.InvalidFieldException.class)
        .hasMessageContaining("discountPercent");
  }

  long createPipeline(String name) throws Exception {
    return create(
            "/api/v1/pipelines",
            Map.of(
                "name",
                name,
                "stages",
                List.of(
                    Map.of("code", "OPEN_1", "name", "Open"),
                    Map.of("code", "DONE", "name", "Done", "semantic", "WON"),
                    Map.of("code", "GONE", "name", "Gone", "semantic", "LOST"))))
        .get("id")
        .asLong();
  }

  long stageId(long pipeline, String code) throws Exception {
    for (JsonNode stage : getJson("/api/v1/pipelines/" + pipeline).get("stages")) {
      if (stage.get("code").asString().equals(code)) {
        return stage.get("id").asLong();
      }
    }
    throw new AssertionError("no stage " + code);
  }

  /** A currency code no other test uses: Q plus two letters. */
  static synchronized String currencyCode() {
    return "Q" + (char) ('A' + CODES / 26 % 26) + (char) ('A' + CODES++ % 26);
  }

  private static int CODES = (int) (System.nanoTime() % 600);
}

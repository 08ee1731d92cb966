package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The standard reports and the funnel on a hand-built March 2025 in a pipeline of its own: two
 * managers, deals won, lost and open, in and out of the period, in EUR and in a currency worth half
 * a euro. Every expected figure is worked out by hand in the comments.
 *
 * <pre>
 * manager 1: A 1000 EUR  created Mar, NEW→OFFER→WON Mar,   company C1, contact K1, row 2 × Widget 500
 *            B  400 R..  created Mar, NEW→OFFER→NEGO→LOST Mar (= 200 EUR), company C1
 *            C  300 EUR  created Mar, open in OFFER (40 %), expected 2025-03-10
 *            D  500 EUR  created Feb, WON Mar 5, company C2
 *            E  700 EUR  created Jan, WON Jan (outside March entirely)
 * manager 2: F 2000 R..  created Mar, NEW→WON Mar (= 1000 EUR), company C2, row 1 × Service 2000
 *            G  100 EUR  created Mar, open in NEW (probability 50), expected 2025-03-20
 * </pre>
 */
class ReportApiTests extends ApiTest {

  private static final String MARCH = "from=2025-03-01&to=2025-03-31";

  @Autowired JdbcClient jdbc;

  private static boolean ready;
  private static TestUser manager1;
  private static TestUser manager2;
  private static TestUser director;
  private static long pipeline;
  private static String pipelineName;
  private static String currency;
  private static Map<String, Long> stages;
  private static long company1;
  private static long company2;
  private static String c1;
  private static String c2;
  private static long deal1;

  /** The data set is made once: the tests only read it (and one moves manager 2 deeper). */
  @BeforeEach
  void march() throws Exception {
    if (ready) {
      return;
    }
    long department = createDepartment("Reports", null);
    manager1 = signInUser(department, "MANAGER");
    manager2 = signInUser(department, "MANAGER");
    director = signInUser(null, "DIRECTOR");
    currency = currencyCode();
    create("/api/v1/currencies", Map.of("code", currency, "name", "Half euro", "rate", "0.5"));
    pipelineName = "Report pipeline " + unique();
    pipeline =
        create(
                "/api/v1/pipelines",
                Map.of(
                    "name",
                    pipelineName,
                    "stages",
                    List.of(
                        Map.of("code", "NEW", "name", "New", "probability", 10),
                        Map.of("code", "OFFER", "name", "Offer", "probability", 40),
                        Map.of("code", "NEGO", "name", "Negotiation", "probability", 60),
                        Map.of("code", "WON", "name", "Won", "semantic", "WON"),
                        Map.of("code", "LOST", "name", "Lost", "semantic", "LOST"))))
            .get("id")
            .asLong();
    stages = new HashMap<>();
    for (JsonNode stage : getJson("/api/v1/pipelines/" + pipeline).get("stages")) {
      stages.put(stage.get("code").asString(), stage.get("id").asLong());
    }
    c1 = "Acme " + unique();
    c2 = "Globex " + unique();
    company1 = create("/api/v1/companies", Map.of("name", c1)).get("id").asLong();
    company2 = create("/api/v1/companies", Map.of("name", c2)).get("id").asLong();
    long contact =
        create("/api/v1/contacts", Map.of("firstName", "Kim", "lastName", "K" + unique()))
            .get("id")
            .asLong();

    deal1 =
        deal(
            "A",
            manager1,
            "1000",
            "EUR",
            company1,
            List.of(contact),
            List.of(Map.of("name", "Widget", "quantity", 2, "price", 500)),
            null,
            null);
    move(deal1, "OFFER", "WON");
    dates(deal1, "2025-03-03", "2025-03-20");
    long b = deal("B", manager1, "400", currency, company1, List.of(), List.of(), null, null);
    move(b, "OFFER", "NEGO", "LOST");
    dates(b, "2025-03-04", "2025-03-25");
    long c = deal("C", manager1, "300", "EUR", null, List.of(), List.of(), "2025-03-10", null);
    move(c, "OFFER");
    dates(c, "2025-03-05", null);
    long d = deal("D", manager1, "500", "EUR", company2, List.of(), List.of(), null, null);
    move(d, "WON");
    dates(d, "2025-02-10", "2025-03-05");
    long e = deal("E", manager1, "700", "EUR", company2, List.of(), List.of(), null, null);
    move(e, "WON");
    dates(e, "2025-01-10", "2025-01-20");
    long f =
        deal(
            "F",
            manager2,
            "2000",
            currency,
            company2,
            List.of(),
            List.of(Map.of("name", "Service", "quantity", 1, "price", 2000)),
            null,
            null);
    move(f, "WON");
    dates(f, "2025-03-06", "2025-03-28");
    long g = deal("G", manager2, "100", "EUR", null, List.of(), List.of(), "2025-03-20", 50);
    dates(g, "2025-03-07", null);
    ready = true;
  }

  @Test
  void theListNamesEveryStandardReport() throws Exception {
    JsonNode list = getJson("/api/v1/reports");
    assertThat(list).hasSize(9);
    assertThat(list.get(0).get("code").asString()).isEqualTo("managers");
    assertThat(list.findValuesAsString("code"))
        .contains("won-deals", "overdue-deals", "expected-sales", "product-income");
  }

  @Test
  void managersDealVolumeCountsWorkedByCreationAndWonLostIncomeByClosing() throws Exception {
    JsonNode report = report(director, "managers", MARCH);
    assertThat(report.get("dateBasis").asString()).isEqualTo("CREATED_OR_CLOSED");
    assertThat(report.get("baseCurrency").asString()).isEqualTo("EUR");
    JsonNode rows = report.get("rows");
    assertThat(rows).hasSize(2);
    // manager 1: worked A, B, C; won A and D (created in Feb, closed in March); lost B
    JsonNode m1 = rows.get(0);
    assertThat(m1.get("id").asLong()).isEqualTo(manager1.id());
    assertThat(m1.get("worked").asLong()).isEqualTo(3);
    assertThat(m1.get("won").asLong()).isEqualTo(2);
    assertThat(m1.get("lost").asLong()).isEqualTo(1);
    assertThat(m1.get("wonShare").decimalValue()).isEqualByComparingTo("66.7");
    assertThat(m1.get("lostShare").decimalValue()).isEqualByComparingTo("33.3");
    assertThat(m1.get("income").decimalValue()).isEqualByComparingTo("1500.00");
    // manager 2: worked F, G; won F, 2000 at 0.5
    JsonNode m2 = rows.get(1);
    assertThat(m2.get("id").asLong()).isEqualTo(manager2.id());
    assertThat(m2.get("worked").asLong()).isEqualTo(2);
    assertThat(m2.get("won").asLong()).isEqualTo(1);
    assertThat(m2.get("income").decimalValue()).isEqualByComparingTo("1000.00");
    JsonNode totals = report.get("totals");
    assertThat(totals.get("worked").asLong()).isEqualTo(5);
    assertThat(totals.get("won").asLong()).isEqualTo(3);
    assertThat(totals.get("income").decimalValue()).isEqualByComparingTo("2500.00");
    assertThat(totals.get("wonShare").decimalValue()).isEqualByComparingTo("75.0");
    JsonNode bars = report.get("chart").get("bars");
    assertThat(bars.get(0).get("value").decimalValue()).isEqualByComparingTo("1500.00");
  }

  @Test
  void aManagerSeesOnlyHisOwnFiguresEvenOfDealsVisibleToAll() throws Exception {
    JsonNode own = report(manager1, "managers", MARCH);
    assertThat(own.get("rows")).hasSize(1);
    assertThat(own.get("rows").get(0).get("id").asLong()).isEqualTo(manager1.id());
    assertThat(own.get("totals").get("income").decimalValue()).isEqualByComparingTo("1500.00");
    // F belongs to manager 2 and is visible to all, yet never in manager 1's figures
    JsonNode won = report(manager1, "won-deals", MARCH);
    assertThat(won.get("rows").findValuesAsString("deal")).containsExactly("A", "D");
    JsonNode funnel = funnel(manager1, MARCH).get("pipelines").get(0);
    assertThat(funnel.get("stages").get(0).get("count").asLong()).isEqualTo(3);
    // asking for the colleague's deals gives nothing rather than widening the scope
    JsonNode colleague = report(manager1, "managers", MARCH + "&responsibleId=" + manager2.id());
    assertThat(colleague.get("rows")).isEmpty();
    // the director sees both managers
    assertThat(report(director, "won-deals", MARCH).get("rows").findValuesAsString("deal"))
        .containsExactly("F", "A", "D");
  }

  @Test
  void dealVolumeByCompanyAndByContact() throws Exception {
    JsonNode companies = report(director, "companies", MARCH).get("rows");
    assertThat(companies).hasSize(2);
    // C2: worked F (D was created in February); won F and D = 1000 + 500
    assertThat(companies.get(0).get("company").asString()).isEqualTo(c2);
    assertThat(companies.get(0).get("worked").asLong()).isEqualTo(1);
    assertThat(companies.get(0).get("won").asLong()).isEqualTo(2);
    assertThat(companies.get(0).get("income").decimalValue()).isEqualByComparingTo("1500.00");
    // C1: worked A and B, won A, lost B
    assertThat(companies.get(1).get("company").asString()).isEqualTo(c1);
    assertThat(companies.get(1).get("worked").asLong()).isEqualTo(2);
    assertThat(companies.get(1).get("wonShare").decimalValue()).isEqualByComparingTo("50.0");
    JsonNode contacts = report(director, "contacts", MARCH).get("rows");
    assertThat(contacts).hasSize(1);
    assertThat(contacts.get(0).get("contact").asString()).startsWith("Kim K");
    assertThat(contacts.get(0).get("income").decimalValue()).isEqualByComparingTo("1000.00");
  }

  @Test
  void companyProfitabilityAndWonDeals() throws Exception {
    JsonNode profit = report(director, "company-profitability", MARCH);
    JsonNode rows = profit.get("rows");
    assertThat(rows.get(0).get("company").asString()).isEqualTo(c2);
    assertThat(rows.get(0).get("income").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(rows.get(0).get("incomeShare").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(rows.get(0).get("averageDeal").decimalValue()).isEqualByComparingTo("750.00");
    assertThat(rows.get(1).get("company").asString()).isEqualTo(c1);
    assertThat(rows.get(1).get("incomeShare").decimalValue()).isEqualByComparingTo("40.0");
    assertThat(profit.get("totals").get("income").decimalValue()).isEqualByComparingTo("2500.00");

    JsonNode won = report(director, "won-deals", MARCH);
    JsonNode a = won.get("rows").get(1);
    assertThat(a.get("deal").asString()).isEqualTo("A");
    assertThat(a.get("closedAt").asString()).isEqualTo("2025-03-20");
    assertThat(a.get("company").asString()).isEqualTo(c1);
    assertThat(a.get("products").asString()).isEqualTo("Widget");
    assertThat(won.get("rows").get(0).get("amount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(won.get("totals").get("deal").asLong()).isEqualTo(3);
    assertThat(won.get("totals").get("amount").decimalValue()).isEqualByComparingTo("2500.00");
  }

  @Test
  void overdueAndExpectedSalesUseTheExpectedCloseDate() throws Exception {
    JsonNode overdue = report(director, "overdue-deals", MARCH);
    assertThat(overdue.get("rows")).hasSize(2);
    JsonNode first = overdue.get("rows").get(0);
    assertThat(first.get("deals").asLong()).isEqualTo(1);
    assertThat(overdue.get("totals").get("amount").decimalValue()).isEqualByComparingTo("400.00");
    JsonNode c = first.get("id").asLong() == manager1.id() ? first : overdue.get("rows").get(1);
    assertThat(c.get("oldestDue").asString()).isEqualTo("2025-03-10");
    assertThat(c.get("daysOverdue").asLong())
        .isEqualTo(LocalDate.now().toEpochDay() - LocalDate.of(2025, 3, 10).toEpochDay());
    // nothing is due in April
    assertThat(report(director, "overdue-deals", "from=2025-04-01&to=2025-04-30").get("rows"))
        .isEmpty();

    // C 300 at 40 % (the stage it moved to), G 100 at 50 %
    JsonNode expected = report(director, "expected-sales", MARCH);
    assertThat(expected.get("rows").get(0).get("weighted").decimalValue())
        .isEqualByComparingTo("120.00");
    assertThat(expected.get("rows").get(1).get("weighted").decimalValue())
        .isEqualByComparingTo("50.00");
    assertThat(expected.get("totals").get("amount").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(expected.get("totals").get("weighted").decimalValue())
        .isEqualByComparingTo("170.00");
    JsonNode byType = report(director, "expected-sales", MARCH + "&groupBy=type");
    assertThat(byType.get("columns").get(0).get("key").asString()).isEqualTo("type");
    assertThat(byType.get("totals").get("deals").asLong()).isEqualTo(2);
  }

  @Test
  void openDealsByStageAndProductIncome() throws Exception {
    JsonNode open = report(director, "open-deals-by-stage", "");
    assertThat(open.get("dateBasis").asString()).isEqualTo("NONE");
    JsonNode rows = open.get("rows");
    assertThat(rows.findValuesAsString("stage")).containsExactly("New", "Offer", "Negotiation");
    assertThat(rows.get(0).get("deals").asLong()).isEqualTo(1);
    assertThat(rows.get(0).get("share").decimalValue()).isEqualByComparingTo("50.0");
    assertThat(rows.get(1).get("amount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(rows.get(2).get("deals").asLong()).isZero();
    assertThat(report(manager2, "open-deals-by-stage", "").get("totals").get("deals").asLong())
        .isEqualTo(1);
    // without a pipeline: every pipeline with open deals of the caller, ours among them
    JsonNode all =
        read(
            mvc.perform(get("/api/v1/reports/open-deals-by-stage").with(as(manager1)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(all.get("totals").get("deals").asLong()).isEqualTo(1);
    assertThat(all.get("rows").findValuesAsString("pipeline")).contains(pipelineName);

    JsonNode products = report(director, "product-income", MARCH).get("rows");
    assertThat(products.findValuesAsString("product"))
        .containsExactlyInAnyOrder("Widget", "Service");
    for (JsonNode row : products) {
      assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("1000.00");
    }
    JsonNode widget =
        products.get(0).get("product").asString().equals("Widget")
            ? products.get(0)
            : products.get(1);
    assertThat(widget.get("quantity").decimalValue()).isEqualByComparingTo("2");
  }

  @Test
  void theFunnelWithoutAPipelineShowsEveryPipelineWithDealsInThePeriod() throws Exception {
    JsonNode funnel =
        read(
            mvc.perform(get("/api/v1/reports/funnel?" + MARCH).with(as(manager2)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(funnel.get("pipelines").findValuesAsString("pipelineName"))
        .containsExactly(pipelineName);
    assertThat(funnel.get("pipelines").get(0).get("stages").get(0).get("count").asLong())
        .isEqualTo(2);
  }

  @Test
  void theFunnelCountsADealInEveryStageItPassed() throws Exception {
    JsonNode funnel = funnel(director, MARCH);
    assertThat(funnel.get("pipelines")).hasSize(1);
    JsonNode p = funnel.get("pipelines").get(0);
    JsonNode stagesNode = p.get("stages");
    assertThat(stagesNode.findValuesAsString("name"))
        .containsExactly("New", "Offer", "Negotiation");
    // created in March: A, B, C, F, G (D and E were created before)
    assertThat(stagesNode.get(0).get("count").asLong()).isEqualTo(5);
    assertThat(stagesNode.get(0).get("amount").decimalValue()).isEqualByComparingTo("2600.00");
    assertThat(stagesNode.get(0).get("conversion").isNull()).isTrue();
    // Offer: A, B, C and F (won deals passed every stage)
    assertThat(stagesNode.get(1).get("count").asLong()).isEqualTo(4);
    assertThat(stagesNode.get(1).get("conversion").decimalValue()).isEqualByComparingTo("80.0");
    // Negotiation: A, B, F
    assertThat(stagesNode.get(2).get("count").asLong()).isEqualTo(3);
    assertThat(stagesNode.get(2).get("amount").decimalValue()).isEqualByComparingTo("2200.00");
    assertThat(stagesNode.get(2).get("conversion").decimalValue()).isEqualByComparingTo("75.0");
    assertThat(p.get("won").get("count").asLong()).isEqualTo(2);
    assertThat(p.get("won").get("amount").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(p.get("won").get("percentOfEntered").decimalValue()).isEqualByComparingTo("40.0");
    assertThat(p.get("lost").get("count").asLong()).isEqualTo(1);
    assertThat(p.get("lost").get("amount").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(p.get("lostReasons")).hasSize(1);
    assertThat(p.get("lostReasons").get(0).get("stageName").asString()).isEqualTo("Negotiation");
    assertThat(p.get("lostReasons").get(0).get("count").asLong()).isEqualTo(1);
  }

  @Test
  void csvHasTheSameRowsAndScopeWithTotals() throws Exception {
    String csv =
        mvc.perform(
                get("/api/v1/reports/managers.csv?" + MARCH + "&pipelineId=" + pipeline)
                    .with(as(director)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("manager,worked,won,lost,wonShare,lostShare,income");
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).endsWith(",3,2,1,66.7,33.3,1500.00");
    assertThat(lines[3]).isEqualTo("TOTAL,5,3,1,75.0,25.0,2500.00");
    String own =
        mvc.perform(
                get("/api/v1/reports/managers?" + MARCH + "&pipelineId=" + pipeline)
                    .accept("text/csv")
                    .with(as(manager2)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(own.split("\r\n")).hasSize(3);
    assertThat(own).contains(",2,1,0,100.0,0.0,1000.00").doesNotContain("1500.00");
  }

  @Test
  void badParametersAreRefusedNamingThem() throws Exception {
    mvc.perform(get("/api/v1/reports/managers?from=2025-03-31&to=2025-03-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"))
        .andExpect(jsonPath("$.errors[0].message").value("must not be before from (2025-03-31)"));
    mvc.perform(get("/api/v1/reports/funnel?from=March"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(get("/api/v1/reports/managers.csv?pipelineId=abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("pipelineId"));
    mvc.perform(get("/api/v1/reports/managers?departmentId=999999999"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("departmentId"));
    mvc.perform(get("/api/v1/reports/expected-sales?groupBy=colour"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("groupBy"));
    mvc.perform(get("/api/v1/reports/no-such-report")).andExpect(status().isNotFound());
  }

  @Test
  void theDepartmentFilterTakesItsSubDepartments() throws Exception {
    long parent = createDepartment("Region", null);
    long child = createDepartment("Region child", parent);
    jdbc.sql("UPDATE crm_user SET department_id = ? WHERE id = ?")
        .params(child, manager2.id())
        .update();
    JsonNode rows = report(director, "managers", MARCH + "&departmentId=" + parent).get("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("id").asLong()).isEqualTo(manager2.id());
  }

  @Test
  void aRoleWithoutReportReadIsRefused() throws Exception {
    String role = "NOREP" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "No reports"));
    send(
            put("/api/v1/roles/" + role + "/permissions"),
            List.of(Map.of("entity", "DEAL", "action", "READ", "scope", "ALL")))
        .andExpect(status().isOk());
    TestUser noReports = signInUser(null, role);
    mvc.perform(get("/api/v1/reports").with(as(noReports))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/reports/funnel").with(as(noReports)))
        .andExpect(status().isForbidden());
  }

  // ---- helpers

  private JsonNode report(TestUser user, String code, String query) throws Exception {
    String separator = query.isEmpty() ? "" : "&";
    return read(
        mvc.perform(
                get("/api/v1/reports/" + code + "?" + query + separator + "pipelineId=" + pipeline)
                    .with(as(user)))
            .andExpect(status().isOk())
            .andReturn());
  }

  private JsonNode funnel(TestUser user, String query) throws Exception {
    return read(
        mvc.perform(
                get("/api/v1/reports/funnel?" + query + "&pipelineId=" + pipeline).with(as(user)))
            .andExpect(status().isOk())
            .andReturn());
  }

  private long deal(
      String title,
      TestUser responsible,
      String amount,
      String currencyCode,
      Long companyId,
      List<Long> contacts,
      List<Map<String, Object>> rows,
      String expectedClose,
      Integer probability)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("pipelineId", pipeline);
    body.put("amount", amount);
    body.put("currency", currencyCode);
    body.put("responsibleId", responsible.id());
    body.put("companyId", companyId);
    body.put("contactIds", contacts);
    body.put("rows", rows);
    body.put("expectedCloseDate", expectedClose);
    body.put("probability", probability);
    return create("/api/v1/deals", body).get("id").asLong();
  }

  private void move(long deal, String... stageCodes) throws Exception {
    for (String code : stageCodes) {
      send(put("/api/v1/deals/" + deal + "/stage"), Map.of("stageId", stages.get(code)))
          .andExpect(status().isOk());
    }
  }

  /** Puts the deal's creation (and closing) into the past, as if it had happened then. */
  private void dates(long deal, String created, String closed) {
    jdbc.sql("UPDATE crm_deal SET created_at = ?, closed_at = ? WHERE id = ?")
        .params(timestamp(created), closed == null ? null : timestamp(closed), deal)
        .update();
  }

  private static Timestamp timestamp(String day) {
    return Timestamp.valueOf(LocalDateTime.parse(day + "T10:00:00"));
  }

  private static synchronized String currencyCode() {
    return "R" + (char) ('A' + codes / 26 % 26) + (char) ('A' + codes++ % 26);
  }

  private static int codes = (int) (System.nanoTime() % 600);
}

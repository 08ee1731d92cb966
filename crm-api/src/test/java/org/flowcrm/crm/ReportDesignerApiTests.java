package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.report.Report;
import org.flowcrm.crm.report.ReportParameters;
import org.flowcrm.crm.report.ReportService;
import org.flowcrm.crm.reportdesigner.DesignedReport;
import org.flowcrm.crm.reportdesigner.DesignerLimits;
import org.flowcrm.crm.reportdesigner.ReportDefinition;
import org.flowcrm.crm.reportdesigner.ReportDesignerService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The report designer on a pipeline of its own with a known set of deals. Amounts are in EUR, the
 * base currency, except one deal in a currency worth half a euro.
 *
 * <pre>
 * manager 1 (department D): A 1000 EUR  stage NEW,   region North, created 2025-03-03
 *                           B  400 EUR  stage NEW,   region South, created 2025-03-10
 *                           C  600 R..  stage OFFER, region North, created 2025-04-02 (= 300 EUR)
 * manager 2 (department D): E 2000 EUR  stage NEW,   region North, created 2025-04-15
 *                           F  100 EUR  stage OFFER, (no region),  created 2025-04-20
 * </pre>
 */
class ReportDesignerApiTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired DesignerLimits limits;
  @Autowired ReportService reports;
  @Autowired ReportDesignerService designer;
  @Autowired SystemUser systemUser;

  private static boolean ready;
  private static TestUser manager1;
  private static TestUser manager2;
  private static TestUser director;
  private static String pipelineName;
  private static String region;
  private static String m1;
  private static String m2;

  @BeforeEach
  void deals() throws Exception {
    if (ready) {
      return;
    }
    long department = createDepartment("Designer", null);
    manager1 = signInUser(department, "MANAGER");
    manager2 = signInUser(department, "MANAGER");
    director = signInUser(null, "DIRECTOR");
    m1 = getJson("/api/v1/users/" + manager1.id()).get("displayName").asString();
    m2 = getJson("/api/v1/users/" + manager2.id()).get("displayName").asString();
    String currency = "D" + (char) ('A' + (int) (System.nanoTime() % 26)) + "X";
    if (jdbc.sql("SELECT COUNT(*) FROM crm_currency WHERE code = ?")
            .param(currency)
            .query(Long.class)
            .single()
        == 0) {
      create("/api/v1/currencies", Map.of("code", currency, "name", "Half", "rate", "0.5"));
    }
    pipelineName = "Designer pipeline " + unique();
    long pipeline =
        create(
                "/api/v1/pipelines",
                Map.of(
                    "name",
                    pipelineName,
                    "stages",
                    List.of(
                        Map.of("code", "NEW", "name", "New", "probability", 10),
                        Map.of("code", "OFFER", "name", "Offer", "probability", 40),
                        Map.of("code", "WON", "name", "Won", "semantic", "WON"),
                        Map.of("code", "LOST", "name", "Lost", "semantic", "LOST"))))
            .get("id")
            .asLong();
    Map<String, Long> stages = new HashMap<>();
    for (JsonNode stage : getJson("/api/v1/pipelines/" + pipeline).get("stages")) {
      stages.put(stage.get("code").asString(), stage.get("id").asLong());
    }
    region = "region" + unique();
    create(
        "/api/v1/custom-fields",
        Map.of("entity", "DEAL", "code", region, "label", "Region", "type", "STRING"));
    deal(pipeline, stages, "A", manager1, "1000", "EUR", "NEW", "North", "2025-03-03");
    deal(pipeline, stages, "B", manager1, "400", "EUR", "NEW", "South", "2025-03-10");
    deal(pipeline, stages, "C", manager1, "600", currency, "OFFER", "North", "2025-04-02");
    deal(pipeline, stages, "E", manager2, "2000", "EUR", "NEW", "North", "2025-04-15");
    deal(pipeline, stages, "F", manager2, "100", "EUR", "OFFER", null, "2025-04-20");
    ready = true;
  }

  @Test
  void theCatalogueListsEntitiesFieldsTypesAndOperators() throws Exception {
    JsonNode catalogue = getJson("/api/v1/report-designer/catalogue");
    assertThat(catalogue.findValuesAsString("code"))
        .contains(
            "deals",
            "deal-product-rows",
            "leads",
            "contacts",
            "companies",
            "activities",
            "tasks",
            "invoices");
    JsonNode deals = catalogue.get(0);
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    deals.get("fields").forEach(f -> fields.put(f.get("code").asString(), f));
    assertThat(fields).containsKeys("companyName", "responsible", "stage", "pipeline");
    assertThat(fields.get("amountBase").get("type").asString()).isEqualTo("MONEY");
    assertThat(fields.get("amountBase").get("aggregates").toString()).contains("SUM", "AVG");
    assertThat(fields.get("createdAt").get("dateGroupings").toString()).contains("QUARTER");
    assertThat(fields.get("title").get("operators").toString()).contains("CONTAINS");
    JsonNode custom = fields.get("custom." + region);
    assertThat(custom.get("label").asString()).isEqualTo("Region");
    assertThat(custom.get("type").asString()).isEqualTo("TEXT");
    assertThat(custom.has("sql")).isFalse();
  }

  @Test
  void dealsByStageAndResponsibleWithCountAndSumOfAmount() throws Exception {
    JsonNode report =
        preview(
            director,
            definition(
                List.of(count(), sum("amountBase")),
                List.of(inPipeline()),
                List.of(group("stage", null), group("responsible", null)),
                "BAR"));
    assertThat(report.get("columns").findValuesAsString("key"))
        .containsExactly("stage", "responsible", "count", "sum.amountBase");
    List<String> lines = lines(report, "stage", "responsible", "count", "sum.amountBase");
    // grouped by stage, then responsible, each in name order (New < Offer; m1 created first)
    assertThat(lines)
        .containsExactlyInAnyOrder(
            "New|" + m1 + "|2|1400",
            "New|" + m2 + "|1|2000",
            "Offer|" + m1 + "|1|300",
            "Offer|" + m2 + "|1|100");
    assertThat(lines.get(0)).startsWith("New|");
    assertThat(lines.get(3)).startsWith("Offer|");
    assertThat(report.get("totals").get("count").asLong()).isEqualTo(5);
    assertThat(report.get("totals").get("sum.amountBase").decimalValue())
        .isEqualByComparingTo("3800.00");
    assertThat(report.get("truncated").asBoolean()).isFalse();
    JsonNode bars = report.get("chart").get("bars");
    assertThat(bars.get(0).get("label").asString()).isEqualTo("New · " + m2);
    assertThat(bars.get(0).get("value").decimalValue()).isEqualByComparingTo("2000.00");
  }

  @Test
  void aDateGroupsByMonthAndAverageMinMaxWork() throws Exception {
    JsonNode report =
        preview(
            director,
            definition(
                List.of(
                    count(),
                    new Col("amountBase", "AVG"),
                    new Col("amountBase", "MIN"),
                    new Col("amountBase", "MAX")),
                List.of(inPipeline()),
                List.of(group("createdAt", "MONTH")),
                "LINE"));
    assertThat(lines(report, "createdAt.month", "count", "avg.amountBase", "max.amountBase"))
        .containsExactly("2025-03|2|700|1000", "2025-04|3|800|2000");
    assertThat(report.get("rows").get(1).get("min.amountBase").decimalValue())
        .isEqualByComparingTo("100.00");
  }

  @Test
  void aCustomFieldIsAColumnAGroupAndAFilter() throws Exception {
    String field = "custom." + region;
    JsonNode grouped =
        preview(
            director,
            definition(
                List.of(count(), sum("amountBase")),
                List.of(inPipeline()),
                List.of(group(field, null)),
                "PIE"));
    assertThat(lines(grouped, field, "count", "sum.amountBase"))
        .containsExactly("null|1|100", "North|3|3300", "South|1|400");
    JsonNode north =
        preview(
            director,
            definition(
                List.of(new Col("title", null), new Col(field, null)),
                List.of(inPipeline(), filter(field, "EQ", "North")),
                List.of(),
                "TABLE"));
    assertThat(north.get("rows").findValuesAsString("title"))
        .containsExactlyInAnyOrder("A", "C", "E");
    JsonNode empty =
        preview(
            director,
            definition(
                List.of(new Col("title", null)),
                List.of(inPipeline(), filter(field, "IS_EMPTY")),
                List.of(),
                "TABLE"));
    assertThat(empty.get("rows").findValuesAsString("title")).containsExactly("F");
  }

  @Test
  void filtersAreTypedAndCombine() throws Exception {
    JsonNode report =
        preview(
            director,
            definition(
                List.of(new Col("title", null), new Col("amountBase", null)),
                List.of(
                    inPipeline(),
                    filter("amount", "BETWEEN", 400, "1000"),
                    filter("createdAt", "LE", "2025-04-02"),
                    filter("stage", "IN", "New", "Offer"),
                    filter("title", "NE", "B")),
                List.of(),
                "TABLE"));
    // A (1000, Mar 3) and C (600, Apr 2: the whole last day counts); B excluded by title
    assertThat(report.get("rows").findValuesAsString("title")).containsExactly("A", "C");
    assertThat(report.get("totals").get("amountBase").decimalValue())
        .isEqualByComparingTo("1300.00");
  }

  @Test
  void aManagerSeesOnlyHisOwnScopeAndAnEntityHeMayNotReadIsRefused() throws Exception {
    JsonNode own =
        preview(
            manager1,
            definition(
                List.of(count(), sum("amountBase")),
                List.of(inPipeline()),
                List.of(group("responsible", null)),
                "BAR"));
    assertThat(lines(own, "responsible", "count", "sum.amountBase"))
        .containsExactly(m1 + "|3|1700");
    // the deals are visible to all, yet a colleague's never count in his figures
    JsonNode colleague =
        preview(
            manager1,
            definition(
                List.of(new Col("title", null)),
                List.of(inPipeline(), filter("responsible", "EQ", m2)),
                List.of(),
                "TABLE"));
    assertThat(colleague.get("rows")).isEmpty();

    String role = "NOLEAD" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "Deals only"));
    send(
            put("/api/v1/roles/" + role + "/permissions"),
            List.of(
                Map.of("entity", "DEAL", "action", "READ", "scope", "ALL"),
                Map.of("entity", "REPORT", "action", "READ", "scope", "ALL")))
        .andExpect(status().isOk());
    TestUser dealsOnly = signInUser(null, role);
    Map<String, Object> leads = new HashMap<>();
    leads.put("entity", "leads");
    leads.put("columns", List.of(Map.of("field", "title")));
    mvc.perform(
            post("/api/v1/report-definitions/preview")
                .with(as(dealsOnly))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(leads)))
        .andExpect(status().isForbidden());
    assertThat(
            preview(
                    dealsOnly,
                    definition(List.of(count()), List.of(inPipeline()), List.of(), "TABLE"))
                .get("rows")
                .get(0)
                .get("count")
                .asLong())
        .isEqualTo(5);
  }

  @Test
  void injectionInValuesIsHarmlessAndInNamesIsRefused() throws Exception {
    JsonNode harmless =
        preview(
            director,
            definition(
                List.of(new Col("title", null)),
                List.of(inPipeline(), filter("title", "EQ", "x' OR '1'='1")),
                List.of(),
                "TABLE"));
    assertThat(harmless.get("rows")).isEmpty();
    JsonNode contains =
        preview(
            director,
            definition(
                List.of(new Col("title", null)),
                List.of(inPipeline(), filter("title", "CONTAINS", "%")),
                List.of(),
                "TABLE"));
    assertThat(contains.get("rows")).isEmpty();

    refused(
        definition(
            List.of(new Col("title; DROP TABLE crm_deal; --", null)),
            List.of(),
            List.of(),
            "TABLE"),
        "columns[0].field",
        "unknown field \"title; DROP TABLE crm_deal; --\" for deals");
    refused(
        definition(
            List.of(new Col("title", null), new Col("amount", null), new Col("foo", null)),
            List.of(),
            List.of(),
            "TABLE"),
        "columns[2].field",
        "unknown field \"foo\" for deals");
    refused(
        definition(List.of(new Col("amount", "SUM(1)); --")), List.of(), List.of(), "BAR"),
        "columns[0].aggregate",
        null);
    refused(
        definition(
            List.of(count()),
            List.of(),
            List.of(group("createdAt", "MONTH') FROM crm_user --")),
            "BAR"),
        "groupBy[0].dateGrouping",
        null);
    Map<String, Object> sorted =
        definition(List.of(new Col("title", null)), List.of(), List.of(), "TABLE");
    sorted.put("sort", List.of(Map.of("column", "c0; DELETE FROM crm_deal", "direction", "ASC")));
    refused(sorted, "sort[0].column", null);
    Map<String, Object> entity = definition(List.of(count()), List.of(), List.of(), "TABLE");
    entity.put("entity", "crm_user u --");
    refused(entity, "entity", null);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_deal").query(Long.class).single()).isPositive();
  }

  @Test
  void badDefinitionsAreRefusedNamingTheField() throws Exception {
    refused(
        definition(
            List.of(new Col("title", null)),
            List.of(filter("amount", "GT", "lots")),
            List.of(),
            "TABLE"),
        "filters[0].values[0]",
        "must be a number like 1250.50, not 'lots'");
    refused(
        definition(
            List.of(new Col("title", null)),
            List.of(filter("createdAt", "BETWEEN", "2025-01-01")),
            List.of(),
            "TABLE"),
        "filters[0].values",
        "BETWEEN takes 2 values, not 1");
    refused(
        definition(
            List.of(new Col("title", null)),
            List.of(filter("amount", "CONTAINS", "1")),
            List.of(),
            "TABLE"),
        "filters[0].operator",
        null);
    refused(
        definition(List.of(new Col("title", "SUM")), List.of(), List.of(), "BAR"),
        "columns[0].aggregate",
        "SUM needs a number field; \"title\" is TEXT");
    refused(
        definition(
            List.of(count()),
            List.of(),
            List.of(group("stage", null), group("responsible", null), group("pipeline", null)),
            "BAR"),
        "groupBy",
        "at most 2 levels, not 3");
    refused(
        definition(
            List.of(new Col("title", null)), List.of(), List.of(group("stage", null)), "BAR"),
        "columns[0].aggregate",
        null);
  }

  @Test
  void manyRowsAreCutAtTheLimitAndSaySo() throws Exception {
    int before = limits.rowLimit();
    limits.setRowLimit(2);
    try {
      JsonNode report =
          preview(
              director,
              definition(
                  List.of(new Col("title", null)), List.of(inPipeline()), List.of(), "TABLE"));
      assertThat(report.get("rows")).hasSize(2);
      assertThat(report.get("truncated").asBoolean()).isTrue();
      assertThat(report.get("rowLimit").asInt()).isEqualTo(2);
    } finally {
      limits.setRowLimit(before);
    }
  }

  @Test
  void aStatementOverTheTimeLimitIsStoppedWithAClearMessage() throws Exception {
    Duration before = limits.statementTimeout();
    limits.setStatementTimeout(Duration.ofMillis(300));
    // another session holds the deal table, so the report's SELECT waits past its limit
    try (Connection lock = dataSource.getConnection();
        Statement statement = lock.createStatement()) {
      statement.execute("LOCK TABLES crm_deal WRITE");
      try {
        long started = System.nanoTime();
        mvc.perform(
                post("/api/v1/report-definitions/preview")
                    .with(as(director))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        toJson(
                            definition(
                                List.of(count()), List.of(inPipeline()), List.of(), "TABLE"))))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("filters"))
            .andExpect(
                jsonPath("$.errors[0].message")
                    .value(
                        "the report ran longer than the limit of 0.3 s and was stopped; narrow it"
                            + " with filters or fewer groups"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      } finally {
        statement.execute("UNLOCK TABLES");
      }
    } finally {
      limits.setStatementTimeout(before);
    }
  }

  @Test
  void savedDefinitionsAreSharedWithRolesAndReadersSeeTheirOwnScope() throws Exception {
    Map<String, Object> body =
        definition(
            List.of(count(), sum("amountBase")),
            List.of(inPipeline()),
            List.of(group("responsible", null)),
            "BAR");
    body.put("name", "Team volume " + unique());
    body.put("sharedWithRoles", List.of("MANAGER"));
    JsonNode saved = createAs(director, body);
    long id = saved.get("id").asLong();
    assertThat(saved.get("mine").asBoolean()).isTrue();
    assertThat(saved.get("definition").get("sharedWithRoles").get(0).asString())
        .isEqualTo("MANAGER");

    // manager 2 has the role: he lists, opens and runs it, and sees only his own deals
    JsonNode list =
        read(mvc.perform(get("/api/v1/report-definitions").with(as(manager2))).andReturn());
    JsonNode listed = null;
    for (JsonNode d : list) {
      if (d.get("id").asLong() == id) {
        listed = d;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("mine").asBoolean()).isFalse();
    JsonNode run =
        read(
            mvc.perform(post("/api/v1/report-definitions/" + id + "/run").with(as(manager2)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(lines(run, "responsible", "count", "sum.amountBase"))
        .containsExactly(m2 + "|2|2100");
    JsonNode all =
        read(
            mvc.perform(post("/api/v1/report-definitions/" + id + "/run").with(as(director)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(all.get("rows")).hasSize(2);
    // only the owner changes or deletes it
    mvc.perform(
            put("/api/v1/report-definitions/" + id)
                .with(as(manager2))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(body)))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/report-definitions/" + id).with(as(manager2)))
        .andExpect(status().isForbidden());

    // unshared, it is gone for him (404, as for an id that does not exist)
    body.put("sharedWithRoles", List.of());
    mvc.perform(
            put("/api/v1/report-definitions/" + id)
                .with(as(director))
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(body)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(get("/api/v1/report-definitions/" + id).with(as(manager2)))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/v1/report-definitions/" + id + "/run").with(as(manager2)))
        .andExpect(status().isNotFound());

    // a role that does not exist is named
    body.put("sharedWithRoles", List.of("NO_SUCH_ROLE"));
    mvc.perform(
            put("/api/v1/report-definitions/" + id)
                .with(as(director))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(body)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sharedWithRoles[0]"));

    String csv =
        mvc.perform(get("/api/v1/report-definitions/" + id + "/run.csv").with(as(director)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv.split("\r\n")[0]).isEqualTo("responsible,count,sum.amountBase");
    assertThat(csv).contains(m1 + ",3,1700.00").contains(m2 + ",2,2100.00");

    mvc.perform(delete("/api/v1/report-definitions/" + id).with(as(director)))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/report-definitions/" + id).with(as(director)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aStandardReportIsCopiedAsAStartingPoint() throws Exception {
    JsonNode copy =
        read(
            mvc.perform(
                    post("/api/v1/report-definitions/copy-of/open-deals-by-stage")
                        .with(as(director)))
                .andExpect(status().isCreated())
                .andReturn());
    assertThat(copy.get("name").asString()).startsWith("Open deals by stage");
    assertThat(copy.get("entity").asString()).isEqualTo("deals");
    JsonNode definition = copy.get("definition");
    assertThat(definition.get("groupBy").findValuesAsString("field"))
        .containsExactly("pipeline", "stage");
    JsonNode run =
        read(
            mvc.perform(
                    post("/api/v1/report-definitions/" + copy.get("id").asLong() + "/run")
                        .with(as(director)))
                .andExpect(status().isOk())
                .andReturn());
    List<String> ours = new ArrayList<>();
    for (String line : lines(run, "pipeline", "stage", "count", "sum.amountBase")) {
      if (line.startsWith(pipelineName + "|")) {
        ours.add(line);
      }
    }
    // the same figures as the standard report's for this pipeline
    assertThat(ours).containsExactly(pipelineName + "|New|3|3400", pipelineName + "|Offer|2|400");
    mvc.perform(post("/api/v1/report-definitions/copy-of/contacts").with(as(director)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    mvc.perform(post("/api/v1/report-definitions/copy-of/no-such-report").with(as(director)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theDesignerCopyOfAStandardReportGivesTheReportsFiguresForItsPeriod() {
    LocalDate from = LocalDate.of(2025, 3, 1);
    LocalDate to = LocalDate.of(2025, 4, 30);
    Long pipeline =
        jdbc.sql("SELECT id FROM crm_pipeline WHERE name = ?")
            .param(pipelineName)
            .query(Long.class)
            .single();
    ReportParameters period = new ReportParameters(from, to, pipeline, null, null, null);

    // managers' deal volume: deals worked (created in the period) per manager
    Report managers = systemUser.runAs(() -> reports.run("managers", period));
    DesignedReport managersCopy =
        systemUser.runAs(
            () ->
                designer.preview(
                    inOurPipeline(
                        designer.draftOfStandard("managers", from, to, LocalDate.of(2026, 1, 1)))));
    Map<String, Long> worked = new HashMap<>();
    managers.rows().forEach(r -> worked.put((String) r.get("manager"), (Long) r.get("worked")));
    Map<String, Long> counted = new HashMap<>();
    managersCopy
        .rows()
        .forEach(
            r -> counted.put((String) r.get("responsible"), ((Number) r.get("count")).longValue()));
    assertThat(worked).containsEntry(m1, 3L).containsEntry(m2, 2L);
    assertThat(counted).isEqualTo(worked);
    assertThat(((Number) managersCopy.totals().get("count")).longValue())
        .isEqualTo(managers.totals().get("worked"));

    // open deals by stage: count and amount per stage, and their totals
    Report open = systemUser.runAs(() -> reports.run("open-deals-by-stage", period));
    DesignedReport openCopy =
        systemUser.runAs(
            () ->
                designer.preview(
                    inOurPipeline(
                        designer.draftOfStandard(
                            "open-deals-by-stage", from, to, LocalDate.of(2026, 1, 1)))));
    List<String> standardLines = new ArrayList<>();
    open.rows().stream()
        .filter(r -> ((Long) r.get("deals")) > 0)
        .forEach(
            r -> standardLines.add(r.get("stage") + "|" + r.get("deals") + "|" + r.get("amount")));
    List<String> copyLines = new ArrayList<>();
    openCopy
        .rows()
        .forEach(
            r ->
                copyLines.add(
                    r.get("stage") + "|" + r.get("count") + "|" + r.get("sum.amountBase")));
    assertThat(standardLines).containsExactly("New|3|3400.00", "Offer|2|400.00");
    assertThat(copyLines).containsExactlyInAnyOrderElementsOf(standardLines);
    assertThat(new java.math.BigDecimal(openCopy.totals().get("sum.amountBase").toString()))
        .isEqualByComparingTo((java.math.BigDecimal) open.totals().get("amount"));
  }

  /** The draft limited to this class's pipeline, which is what the standard report is run for. */
  private static ReportDefinition inOurPipeline(ReportDefinition draft) {
    List<ReportDefinition.Filter> filters = new ArrayList<>(draft.filters());
    filters.add(new ReportDefinition.Filter("pipeline", "EQ", List.of(pipelineName)));
    return new ReportDefinition(
        draft.name(),
        draft.entity(),
        draft.columns(),
        filters,
        draft.groupBy(),
        draft.sort(),
        draft.chart(),
        draft.chartValue(),
        List.of());
  }

  // ---- helpers

  private record Col(String field, String aggregate) {}

  private static Col count() {
    return new Col(null, "COUNT");
  }

  private static Col sum(String field) {
    return new Col(field, "SUM");
  }

  private static Map<String, Object> group(String field, String dateGrouping) {
    Map<String, Object> group = new HashMap<>();
    group.put("field", field);
    group.put("dateGrouping", dateGrouping);
    return group;
  }

  private static Map<String, Object> filter(String field, String operator, Object... values) {
    return Map.of("field", field, "operator", operator, "values", List.of(values));
  }

  private static Map<String, Object> inPipeline() {
    return filter("pipeline", "EQ", pipelineName);
  }

  private static Map<String, Object> definition(
      List<Col> columns,
      List<Map<String, Object>> filters,
      List<Map<String, Object>> groupBy,
      String chart) {
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("entity", "deals");
    List<Map<String, Object>> cols = new ArrayList<>();
    for (Col c : columns) {
      Map<String, Object> col = new HashMap<>();
      col.put("field", c.field());
      col.put("aggregate", c.aggregate());
      cols.add(col);
    }
    definition.put("columns", cols);
    definition.put("filters", filters);
    definition.put("groupBy", groupBy);
    definition.put("chart", chart);
    return definition;
  }

  private JsonNode preview(TestUser user, Map<String, Object> definition) throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/report-definitions/preview")
                    .with(as(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(definition)))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(200);
    return read(result);
  }

  private JsonNode createAs(TestUser user, Map<String, Object> definition) throws Exception {
    return read(
        mvc.perform(
                post("/api/v1/report-definitions")
                    .with(as(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(definition)))
            .andExpect(status().isCreated())
            .andReturn());
  }

  private void refused(Map<String, Object> definition, String field, String message)
      throws Exception {
    var result =
        mvc.perform(
                post("/api/v1/report-definitions/preview")
                    .with(as(director))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(definition)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value(field));
    if (message != null) {
      result.andExpect(jsonPath("$.errors[0].message").value(message));
    }
  }

  /** Each row as its values in {@code keys} order joined with |, in the report's row order. */
  private static List<String> lines(JsonNode report, String... keys) {
    List<String> lines = new ArrayList<>();
    for (JsonNode row : report.get("rows")) {
      List<String> values = new ArrayList<>();
      for (String key : keys) {
        JsonNode value = row.get(key);
        // numbers as written without trailing zeros, however the JSON reader typed them
        values.add(
            value == null || value.isNull()
                ? "null"
                : value.isNumber()
                    ? value.decimalValue().stripTrailingZeros().toPlainString()
                    : value.asString());
      }
      lines.add(String.join("|", values));
    }
    return lines;
  }

  private void deal(
      long pipeline,
      Map<String, Long> stages,
      String title,
      TestUser responsible,
      String amount,
      String currency,
      String stage,
      String regionValue,
      String created)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("pipelineId", pipeline);
    body.put("amount", amount);
    body.put("currency", currency);
    body.put("responsibleId", responsible.id());
    if (regionValue != null) {
      body.put("customFields", Map.of(region, regionValue));
    }
    long id = create("/api/v1/deals", body).get("id").asLong();
    if (!stage.equals("NEW")) {
      send(put("/api/v1/deals/" + id + "/stage"), Map.of("stageId", stages.get(stage)))
          .andExpect(status().isOk());
    }
    jdbc.sql("UPDATE crm_deal SET created_at = ? WHERE id = ?")
        .params(Timestamp.valueOf(LocalDateTime.parse(created + "T10:00:00")), id)
        .update();
  }
}

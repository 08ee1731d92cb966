package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowcrm.crm.demo.DemoDataSeeder;
import org.flowcrm.crm.demo.DemoSummary;
import org.flowcrm.mariadb.EmbeddedMariaDb;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The demo-data switch on: its own application context on its own empty database (the tests'
 * embedded server runs once per JVM, shared with the other API tests, so this class gets a database
 * of its own on it), which the seeder fills at start-up. Asserts what a user sees of the demo
 * company through the REST API.
 */
@TestPropertySource(properties = "flowcrm.demo-data=true")
class DemoDataTests extends ApiTest {

  /** The documented default of {@code flowcrm.demo-data.password}. */
  private static final String DEMO_PASSWORD = "demo";

  private static final String DATABASE = "flowcrm_demo_test";

  @Autowired private DemoDataSeeder seeder;

  /** A fresh, empty database for this class on the tests' embedded server. */
  @DynamicPropertySource
  static void emptyDatabase(DynamicPropertyRegistry properties) throws SQLException {
    EmbeddedMariaDb server =
        EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("flowcrm_crm_test"));
    String serverUrl = "jdbc:mariadb://127.0.0.1:" + server.port() + "/";
    try (Connection connection =
            DriverManager.getConnection(serverUrl, server.username(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    properties.add("spring.datasource.url", () -> serverUrl + DATABASE);
    properties.add("spring.datasource.username", server::username);
    properties.add("spring.datasource.password", server::password);
  }

  @Test
  void dealsCoverEveryStageOfTheDefaultPipeline() throws Exception {
    long pipelineId = defaultPipelineId();
    Map<String, Long> perStage = new TreeMap<>();
    for (JsonNode total : getJson("/api/v1/deals/totals?pipelineId=" + pipelineId)) {
      perStage.put(total.get("stageCode").asText(), total.get("deals").asLong());
      assertThat(total.get("amountInBaseCurrency").decimalValue()).isPositive();
    }
    assertThat(perStage)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "NEW", 3L,
                "FIRST_CALL", 3L,
                "OFFER", 3L,
                "NEGOTIATION", 3L,
                "INVOICE", 3L,
                "PAYMENT", 3L,
                "DELIVERY", 3L,
                "WON", 6L,
                "LOST", 5L));
  }

  @Test
  void lostDealsSayWhyAndWonDealsWalkedThroughTheStages() throws Exception {
    List<JsonNode> all = items("/api/v1/deals?limit=200", null);
    assertThat(all).hasSize(32);
    JsonNode lost = all.stream().filter(d -> "LOST".equals(stageCode(d))).findFirst().orElseThrow();
    JsonNode comments = getJson("/api/v1/deals/" + lost.get("id").asLong() + "/comments");
    assertThat(comments.get(0).get("text").asText()).startsWith("Lost: ");
    JsonNode won = all.stream().filter(d -> "WON".equals(stageCode(d))).findFirst().orElseThrow();
    assertThat(getJson("/api/v1/deals/" + won.get("id").asLong() + "/stage-history").size())
        .isGreaterThanOrEqualTo(7);
    assertThat(won.get("rows").size()).isPositive();
  }

  @Test
  void leadsAreInEveryStatusAndStartedNoProcess() throws Exception {
    Map<String, Integer> perStatus = new TreeMap<>();
    for (String status : List.of("NEW", "IN_PROCESSING", "CONVERTED", "JUNK")) {
      List<JsonNode> found = items("/api/v1/leads?limit=200&status=" + status, null);
      perStatus.put(status, found.size());
      assertThat(found)
          .allSatisfy(lead -> assertThat(lead.get("source").asText()).isEqualTo("IMPORT"));
    }
    assertThat(perStatus)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("NEW", 10, "IN_PROCESSING", 8, "CONVERTED", 6, "JUNK", 4));
    List<JsonNode> converted = items("/api/v1/leads?limit=200&status=CONVERTED", null);
    assertThat(converted)
        .allSatisfy(l -> assertThat(l.get("convertedContactId").isNull()).isFalse());
  }

  @Test
  void everyDefaultRoleHasDemoUsersAndCouriersHaveTheirOwnRole() throws Exception {
    Map<String, Integer> perRole = new TreeMap<>();
    for (JsonNode user : getJson("/api/v1/users")) {
      for (JsonNode role :
          getJson("/api/v1/users/" + user.get("id").asLong() + "/roles").get("roles")) {
        perRole.merge(role.asText(), 1, Integer::sum);
      }
    }
    assertThat(perRole)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ADMINISTRATOR", 1,
                "DIRECTOR", 1,
                "HEAD_OF_DEPARTMENT", 2,
                "MANAGER", 3,
                "COURIERS", 2));
    List<String> departments = new ArrayList<>();
    getJson("/api/v1/departments").forEach(d -> departments.add(d.get("name").asText()));
    assertThat(departments)
        .containsExactlyInAnyOrder("Sales", "Sales North", "Sales South", "Delivery");
    assertThat(items("/api/v1/products?limit=200", null)).hasSize(14);
    assertThat(items("/api/v1/companies?limit=200", null)).hasSize(20);
  }

  @Test
  void aDemoManagerSignsInWithTheDemoPasswordAndSeesOnlyHisOwnLeads() throws Exception {
    RequestPostProcessor manager = signedInAs("manager1", DEMO_PASSWORD);
    JsonNode me =
        read(mvc.perform(get("/api/v1/me").with(manager)).andExpect(status().isOk()).andReturn());
    assertThat(me.get("login").asText()).isEqualTo("manager1");
    assertThat(me.get("roles").get(0).asText()).isEqualTo("MANAGER");
    long managerId = me.get("id").asLong();

    List<JsonNode> his = items("/api/v1/leads?limit=200", manager);
    assertThat(his).hasSize(6);
    assertThat(his)
        .allSatisfy(l -> assertThat(l.get("responsibleId").asLong()).isEqualTo(managerId));
    List<JsonNode> all = items("/api/v1/leads?limit=200", null);
    assertThat(all).hasSize(28);
    JsonNode colleagues =
        all.stream()
            .filter(l -> l.get("responsibleId").asLong() != managerId)
            .findFirst()
            .orElseThrow();
    mvc.perform(get("/api/v1/leads/" + colleagues.get("id").asLong()).with(manager))
        .andExpect(status().isNotFound());

    mvc.perform(get("/api/v1/me").with(signedInAs("manager2", "not-the-demo-password")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aSecondRunAddsNothing() throws Exception {
    int leads = items("/api/v1/leads?limit=200", null).size();
    int deals = items("/api/v1/deals?limit=200", null).size();
    int users = getJson("/api/v1/users").size();

    DemoSummary again = seeder.seed();

    assertThat(again.users() + again.leads() + again.deals() + again.products()).isZero();
    assertThat(items("/api/v1/leads?limit=200", null)).hasSize(leads);
    assertThat(items("/api/v1/deals?limit=200", null)).hasSize(deals);
    assertThat(getJson("/api/v1/users").size()).isEqualTo(users);
  }

  private long defaultPipelineId() throws Exception {
    for (JsonNode pipeline : getJson("/api/v1/pipelines")) {
      if (pipeline.get("defaultPipeline").asBoolean()) {
        return pipeline.get("id").asLong();
      }
    }
    throw new AssertionError("no default pipeline");
  }

  private static String stageCode(JsonNode deal) {
    return deal.get("stageCode").asText();
  }

  /** Signs a request in as {@code login} instead of the tests' default administrator. */
  private static RequestPostProcessor signedInAs(String login, String password) {
    return request -> {
      request.removeHeader("Authorization");
      return httpBasic(login, password).postProcessRequest(request);
    };
  }

  /** The items of a list page, as the administrator or as {@code user}. */
  private List<JsonNode> items(String url, RequestPostProcessor user) throws Exception {
    var request = get(url);
    if (user != null) {
      request.with(user);
    }
    JsonNode page = read(mvc.perform(request).andExpect(status().isOk()).andReturn());
    assertThat(page.get("nextCursor").isNull()).isTrue();
    List<JsonNode> found = new ArrayList<>();
    page.get("items").forEach(found::add);
    return found;
  }
}

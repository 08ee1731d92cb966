package org.flowcrm.workers.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.flowcrm.WorkersTestApplication;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.mariadb.EmbeddedMariaDb;
import org.flowcrm.processes.ProcessIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deals whose start of deal execution was lost get their process from the catch-up, exactly once,
 * through the real client and engine. The regular starter is switched off, which is what a crash
 * between the deal's commit and the start looks like afterwards. One deal's instance was created
 * but never recorded (a crash between creating and recording): the catch-up records that instance
 * instead of starting a twin. Deal execution is a stand-in that runs no job before its first user
 * task, so no worker records an instance on its own; the application has a database (and so an
 * engine) of its own.
 */
@SpringBootTest(
    classes = WorkersTestApplication.class,
    properties = {
      "flowcrm.processes.start-deal-execution=false",
      "flowcrm.processes.start-lead-processing=false",
      "flowcrm.processes.catch-up.enabled=false", // the test runs the passes itself
      "flowcrm.processes.catch-up.after=PT10S"
    })
@DirtiesContext
class DealProcessCatchUpIT {

  @Autowired DealProcessCatchUp catchUp;
  @Autowired DealService deals;
  @Autowired LeadService leads;
  @Autowired CamundaClient client;
  @Autowired UserDetailsService users;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    EmbeddedMariaDb server =
        EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("flowcrm_workers_test"));
    String base = "jdbc:mariadb://127.0.0.1:" + server.port() + "/";
    String database = "flowcrm_deal_catch_up_" + (System.nanoTime() % 1_000_000);
    try (Connection c = DriverManager.getConnection(base, server.username(), server.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + database + "`");
    }
    registry.add("spring.datasource.url", () -> base + database);
    registry.add("spring.datasource.username", server::username);
    registry.add("spring.datasource.password", server::password);
  }

  @BeforeEach
  void signInAndDeploy() {
    UserDetails admin = users.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn-test/deal-execution-waiting.bpmn")
        .send()
        .join();
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void lostDealsGetTheirProcessOnceAndAnUnrecordedInstanceGetsNoTwin() throws Exception {
    DealView lost = deals.create(DealCommand.titled("Lost start"));
    DealView unrecorded = deals.create(DealCommand.titled("Created, not recorded"));
    long orphan = createInstance(unrecorded.id());
    DealView imported = deals.createImported(DealCommand.titled("Imported"));
    long leadId = leads.create(lead()).id();
    DealView converted = deals.createFromLead(DealCommand.titled("Converted"), leadId);
    Thread.sleep(10_500); // older than catch-up.after
    DealView fresh = deals.create(DealCommand.titled("Just created"));

    // two application instances run their pass at the same moment: each lost deal once
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(catchUp::catchUp);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(catchUp::catchUp);
    assertThat(first.get() + second.get()).isEqualTo(2);

    assertThat(deals.get(lost.id()).process()).isNotNull();
    assertThat(deals.get(lost.id()).process().processId()).isEqualTo(ProcessIds.DEAL_EXECUTION);
    assertThat(deals.get(unrecorded.id()).process().instanceKey())
        .as("the instance created before the crash, not a twin")
        .isEqualTo(orphan);
    for (DealView none : new DealView[] {imported, converted, fresh}) {
      assertThat(deals.get(none.id()).process()).as(none.title()).isNull();
    }
    assertThat(instancesOf(lost.id())).isEqualTo(1);
    assertThat(instancesOf(unrecorded.id())).isEqualTo(1);
    assertThat(running()).isEqualTo(2);

    // later passes start neither again; the fresh deal is caught once it is old enough
    long lostInstance = deals.get(lost.id()).process().instanceKey();
    Thread.sleep(10_500);
    assertThat(catchUp.catchUp()).isEqualTo(1);
    assertThat(catchUp.catchUp()).isZero();
    assertThat(deals.get(fresh.id()).process()).isNotNull();
    assertThat(deals.get(lost.id()).process().instanceKey()).isEqualTo(lostInstance);
    assertThat(running()).isEqualTo(3);
  }

  /** What the starter did before "the crash": the instance exists, the deal does not know it. */
  private long createInstance(long dealId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ProcessIds.DEAL_EXECUTION)
        .latestVersion()
        .variables(Map.of("dealId", dealId))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Running deal-execution instances whose own {@code dealId} is the deal. */
  private long instancesOf(long dealId) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.name("dealId").value(Long.toString(dealId)))
        .send()
        .join()
        .items()
        .stream()
        .filter(v -> v.getProcessInstanceKey().equals(v.getScopeKey()))
        .count();
  }

  /** Running instances of deal execution in this test's engine (its database is its own). */
  private long running() {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            f ->
                f.processDefinitionId(ProcessIds.DEAL_EXECUTION).state(ProcessInstanceState.ACTIVE))
        .send()
        .join()
        .items()
        .size();
  }

  private static LeadCommand lead() {
    return new LeadCommand(
        "Source lead",
        "Anna",
        "Berg",
        null,
        null,
        null,
        LeadSource.PHONE,
        null,
        null,
        null,
        null,
        null);
  }
}

package org.flowcrm.workers.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flowcrm.WorkersTestApplication;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.mariadb.EmbeddedMariaDb;
import org.flowcrm.processes.ProcessIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Leads whose start of lead processing was lost get their process from the catch-up, once, and only
 * those that need one. The regular starter is switched off here, which is what an engine
 * unreachable for longer than its retries looks like afterwards: committed leads without a process.
 * The application runs on a database of its own, so the leads of other tests (all with their
 * processes) are not in the way.
 */
@SpringBootTest(
    classes = WorkersTestApplication.class,
    properties = {
      "flowcrm.processes.start-lead-processing=false",
      "flowcrm.processes.catch-up.enabled=false", // the test runs the passes itself
      "flowcrm.processes.catch-up.after=PT10S"
    })
// closed after the class, not at JVM exit: two applications shutting down at exit outlast the fork
@DirtiesContext
class LeadProcessCatchUpIT {

  @Autowired LeadProcessCatchUp catchUp;
  @Autowired LeadService leads;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserDetailsService users;
  @Autowired SystemUser systemUser;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
    EmbeddedMariaDb server =
        EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("flowcrm_workers_test"));
    String base = "jdbc:mariadb://127.0.0.1:" + server.port() + "/";
    String database = "flowcrm_catch_up_" + (System.nanoTime() % 1_000_000);
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
        .addResourceFromClasspath(ProcessIds.resource(ProcessIds.LEAD_PROCESSING))
        .send()
        .join();
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aLostLeadGetsItsProcessOnceAndImportedJunkAndFreshLeadsNone() throws Exception {
    LeadView lost = leads.create(lead("Lost start", LeadSource.WEB_FORM));
    LeadView imported = leads.create(lead("Imported", LeadSource.IMPORT));
    LeadView junk = leads.create(lead("Spam", LeadSource.EMAIL));
    leads.changeStatus(junk.id(), "JUNK", null);
    Thread.sleep(10_500); // older than catch-up.after
    LeadView fresh = leads.create(lead("Just created", LeadSource.PHONE));

    // two application instances run their pass at the same moment: one start
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(catchUp::catchUp);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(catchUp::catchUp);
    assertThat(first.get() + second.get()).isEqualTo(1);

    assertThat(leads.get(lost.id()).process()).isNotNull();
    assertThat(leads.get(lost.id()).process().processId()).isEqualTo(ProcessIds.LEAD_PROCESSING);
    for (LeadView none : List.of(imported, junk, fresh)) {
      assertThat(leads.get(none.id()).process()).as(none.title()).isNull();
    }
    assertThat(instances()).isEqualTo(1);

    // later passes never start the lost lead again; the fresh lead is caught once it is old enough
    long firstInstance = leads.get(lost.id()).process().instanceKey();
    Thread.sleep(10_500);
    catchUp.catchUp();
    assertThat(catchUp.catchUp()).isZero();
    assertThat(leads.get(fresh.id()).process()).isNotNull();
    assertThat(leads.get(lost.id()).process().instanceKey()).isEqualTo(firstInstance);
    assertThat(instances()).isEqualTo(2);
    // the instance really drives the lead: the assign worker ran for it
    assertThat(awaitResponsible(lost.id())).isNotNull();
  }

  /** Instances of lead processing in this test's engine (its database is its own). */
  private long instances() {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(ProcessIds.LEAD_PROCESSING))
        .send()
        .join()
        .items()
        .size();
  }

  private Long awaitResponsible(long leadId) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Long responsible = leads.get(leadId).responsibleId();
      if (responsible != null) {
        return responsible;
      }
      Thread.sleep(100);
    }
    return null;
  }

  private static LeadCommand lead(String title, LeadSource source) {
    return new LeadCommand(
        title, "Anna", "Berg", null, null, null, source, null, null, null, null, null);
  }
}

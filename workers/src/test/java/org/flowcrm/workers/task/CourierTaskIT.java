package org.flowcrm.workers.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.WorkersTestApplication;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.shared.ProductRow;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The courier-delivery model (the real one) through the real client, engine and workers: "Create
 * courier task" hands the deal's delivery wishes, the deadline and the invoice to the courier's
 * "Deliver order" user task, and writes them into the CRM task.
 */
@SpringBootTest(classes = WorkersTestApplication.class)
class CourierTaskIT {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @Autowired CamundaClient client;
  @Autowired DealService deals;
  @Autowired InvoiceService invoices;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserDetailsService users;

  @BeforeEach
  void signInAndDeploy() {
    UserDetails admin = users.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    patiently(
        () ->
            client
                .newDeployResourceCommand()
                .addResourceFromClasspath(ProcessIds.resource(ProcessIds.COURIER_DELIVERY))
                .send()
                .join());
  }

  /**
   * A call to the engine, tried again when it times out: on the shared CI machine a request
   * sometimes waits longer than the client's 10 s (deploying twice is a no-op, and the test reads
   * only the instance whose key it got).
   */
  private static <T> T patiently(java.util.function.Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (io.camunda.client.api.command.ClientException e) {
        if (attempt == 3 || !(e.getCause() instanceof java.net.SocketTimeoutException)) {
          throw e;
        }
      }
    }
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void theCourierTaskCarriesTheDeliveryWishesDeadlineAndInvoice() throws Exception {
    DeliveryWishes wishes =
        new DeliveryWishes(
            "ul. Kwiatowa 5, 30-001 Kraków",
            LocalDate.of(2027, 2, 11),
            "16:00-19:00",
            "Gate code 1234");
    DealView deal =
        deals.createImported(
            new DealCommand(
                    "Courier wishes " + Instant.now(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    LocalDate.of(2027, 3, 1),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(
                        new ProductRow(
                            null,
                            "Armchair",
                            java.math.BigDecimal.ONE,
                            new java.math.BigDecimal("450.00"),
                            null,
                            null)))
                .withDelivery(wishes));
    InvoiceView invoice = invoices.createFromDeal(deal.id());

    long instance =
        patiently(
            () ->
                client
                    .newCreateInstanceCommand()
                    .bpmnProcessId(ProcessIds.COURIER_DELIVERY)
                    .latestVersion()
                    .variables(Map.of("dealId", deal.id(), "manager", "admin", "maxAttempts", 2))
                    .send()
                    .join()
                    .getProcessInstanceKey());

    awaitTask(instance);
    // the variables of the task's instance's own scope: what the task sees from there (the
    // embedded engine has no search of a user task's variables)
    Map<String, String> seen =
        patiently(
                () ->
                    client
                        .newVariableSearchRequest()
                        .filter(f -> f.processInstanceKey(instance).scopeKey(instance))
                        .send()
                        .join()
                        .items())
            .stream()
            .collect(Collectors.toMap(Variable::getName, Variable::getValue, (a, b) -> a));
    JsonMapper json = JsonMapper.builder().build();
    JsonNode wished = json.readTree(seen.get("deliveryWishes"));
    assertThat(wished.get("address").asString()).isEqualTo("ul. Kwiatowa 5, 30-001 Kraków");
    assertThat(wished.get("date").asString()).isEqualTo("2027-02-11");
    assertThat(wished.get("timeWindow").asString()).isEqualTo("16:00-19:00");
    assertThat(wished.get("note").asString()).isEqualTo("Gate code 1234");
    assertThat(json.readTree(seen.get("deliveryDeadline")).asString())
        .as("the wished day, not the expected close date")
        .isEqualTo("2027-02-11");
    JsonNode documents = json.readTree(seen.get("documents"));
    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).get("number").asString()).isEqualTo(invoice.number());
    assertThat(documents.get(0).get("id").asLong()).isEqualTo(invoice.id());

    // the CRM task of the step says the same to a courier reading the task list
    Map<String, Object> task =
        jdbc.queryForMap(
            "SELECT description, deadline FROM crm_task"
                + " WHERE process_instance_key = ? AND process_element_id = ?",
            instance,
            "create-courier-task");
    assertThat((String) task.get("description"))
        .contains("Delivery address: ul. Kwiatowa 5, 30-001 Kraków")
        .contains("Time window: 16:00-19:00")
        .contains("Delivery note: Gate code 1234")
        .contains("Invoice: " + invoice.number());
    assertThat(task.get("deadline").toString()).startsWith("2027-02-1");
  }

  private UserTask awaitTask(long instance) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      List<UserTask> open =
          patiently(
              () ->
                  client
                      .newUserTaskSearchRequest()
                      .filter(f -> f.processInstanceKey(instance).elementId("deliver-order"))
                      .send()
                      .join()
                      .items());
      if (!open.isEmpty()) {
        return open.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("No 'Deliver order' task within " + WAIT);
  }
}

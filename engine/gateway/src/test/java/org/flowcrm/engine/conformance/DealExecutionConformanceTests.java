package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CRM's deal-execution model (copied from processes/ into the test resources) with
 * courier-delivery as its call activity and deal-lost-handling as its event sub-process: deployed
 * and driven through the real client as the CRM's workers and managers would drive it.
 */
class DealExecutionConformanceTests {

  private static int deals = 1000;
  private final EngineFixture fixture = EngineFixture.get();

  private static byte[] resource(String name) {
    try (InputStream in =
        DealExecutionConformanceTests.class.getResourceAsStream("/bpmn/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deploy(CamundaClient client) {
    client
        .newDeployResourceCommand()
        .addResourceBytes(resource("deal-execution.bpmn"), "deal-execution.bpmn")
        .addResourceBytes(resource("courier-delivery.bpmn"), "courier-delivery.bpmn")
        .send()
        .join();
  }

  /** Activates the one job of a type, checks whose it is, completes it; returns its variables. */
  private static Map<String, Object> completeJob(
      CamundaClient client, String type, long instance, Map<String, Object> result) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(10)
            .timeout(Duration.ofMinutes(5))
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("jobs of type %s", type).hasSize(1);
    ActivatedJob job = jobs.get(0);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    client.newCompleteCommand(job).variables(result).send().join();
    return job.getVariablesAsMap();
  }

  private static void enterStage(CamundaClient client, long instance, String status) {
    Map<String, Object> variables = completeJob(client, "crm.change-status", instance, Map.of());
    assertThat(variables).containsEntry("status", status).containsEntry("entityType", "DEAL");
  }

  private static UserTask openTask(CamundaClient client, long instance, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
                    .send()
                    .join()
                    .items(),
            tasks -> tasks.size() == 1)
        .stream()
        .peek(t -> assertThat(t.getElementId()).isEqualTo(elementId))
        .findFirst()
        .orElseThrow();
  }

  private static void completeTask(
      CamundaClient client, long instance, String elementId, Map<String, Object> variables) {
    UserTask task = openTask(client, instance, elementId);
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(variables).send().join();
  }

  private void awaitState(long processInstanceKey, String state) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(fixture.state(processInstanceKey)).isEqualTo(state));
  }

  private static synchronized int nextDeal() {
    return ++deals;
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aDealRunsFromCreationThroughCourierDeliveryToWon(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    deploy(client);
    int dealId = nextDeal();
    String invoiceNumber = "INV-" + dealId;
    long deal =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("deal-execution")
            .latestVersion()
            .variables(Map.of("dealId", dealId, "invoiceNumber", invoiceNumber))
            .send()
            .join()
            .getProcessInstanceKey();

    completeJob(client, "crm.assign-responsible", deal, Map.of("responsibleUser", "mia"));
    enterStage(client, deal, "FIRST_CALL");
    assertThat(openTask(client, deal, "first-call").getAssignee()).isEqualTo("mia");
    completeTask(client, deal, "first-call", Map.of());
    enterStage(client, deal, "OFFER");
    completeJob(client, "crm.create-entity", deal, Map.of("quoteId", 5));
    assertThat(completeJob(client, "crm.send-mail", deal, Map.of()))
        .containsEntry("template", "deal.quote")
        .containsEntry("documentId", 5);
    enterStage(client, deal, "NEGOTIATION");
    completeTask(client, deal, "negotiation", Map.of("negotiationOutcome", "agreed"));
    enterStage(client, deal, "INVOICE");
    completeJob(client, "crm.create-entity", deal, Map.of("invoiceId", 9));
    completeJob(client, "crm.send-mail", deal, Map.of());
    enterStage(client, deal, "PAYMENT");
    client
        .newPublishMessageCommand()
        .messageName("invoice-paid")
        .correlationKey(invoiceNumber)
        .send()
        .join();
    enterStage(client, deal, "DELIVERY");

    // the called courier-delivery process
    List<ActivatedJob> courierTask =
        client
            .newActivateJobsCommand()
            .jobType("crm.create-task")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(courierTask).hasSize(1);
    long courier = courierTask.get(0).getProcessInstanceKey();
    assertThat(courier).isNotEqualTo(deal);
    assertThat(courierTask.get(0).getBpmnProcessId()).isEqualTo("courier-delivery");
    if (protocol == Protocol.REST) {
      // REST carries the top of the call chain (gRPC's ActivatedJob has no such field)
      assertThat(courierTask.get(0).getRootProcessInstanceKey()).isEqualTo(deal);
    }
    assertThat(courierTask.get(0).getVariablesAsMap())
        .containsEntry("dealId", dealId)
        .containsEntry("manager", "mia")
        .containsEntry("maxAttempts", 3)
        .containsEntry("candidateGroup", "couriers")
        .doesNotContainKey("quoteId"); // propagateAllParentVariables="false"
    assertThat(
            client
                .newProcessInstanceGetRequest(courier)
                .send()
                .join()
                .getParentProcessInstanceKey())
        .isEqualTo(deal);
    client.newCompleteCommand(courierTask.get(0)).send().join();
    UserTask deliver = openTask(client, courier, "deliver-order");
    assertThat(deliver.getCandidateGroups()).containsExactly("couriers");
    completeTask(
        client,
        courier,
        "deliver-order",
        Map.of("deliveryResult", "delivered", "deliveryNote", "left with the porter"));
    assertThat(completeJob(client, "crm.notify", courier, Map.of()))
        .containsEntry("recipient", "mia")
        .containsEntry("notification", "delivery.delivered");
    awaitState(courier, "COMPLETED");

    // back in the deal: the outputs of the call activity decide
    enterStage(client, deal, "WON");
    awaitState(deal, "COMPLETED");
    assertThat(fixture.instance(deal).orElseThrow().variables())
        .containsEntry("deliveryResult", "delivered")
        .containsEntry("deliveryNote", "left with the porter")
        .doesNotContainKey("attempt"); // propagateAllChildVariables="false"
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aDealLostAtAnyStageIsClosedByTheEventSubProcess(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    deploy(client);
    int dealId = nextDeal();
    long deal =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("deal-execution")
            .latestVersion()
            .variables(Map.of("dealId", dealId, "responsibleUser", "mia"))
            .send()
            .join()
            .getProcessInstanceKey();
    completeJob(client, "crm.assign-responsible", deal, Map.of());
    enterStage(client, deal, "FIRST_CALL");
    UserTask firstCall = openTask(client, deal, "first-call");

    client
        .newPublishMessageCommand()
        .messageName("deal-lost")
        .correlationKey(String.valueOf(dealId))
        .variables(Map.of("lostReason", "went with a competitor"))
        .send()
        .join();

    Map<String, Object> close = completeJob(client, "crm.change-status", deal, Map.of());
    assertThat(close)
        .containsEntry("status", "LOST")
        .containsEntry("reason", "went with a competitor");
    awaitState(deal, "COMPLETED");
    assertThat(client.newUserTaskGetRequest(firstCall.getUserTaskKey()).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
  }
}

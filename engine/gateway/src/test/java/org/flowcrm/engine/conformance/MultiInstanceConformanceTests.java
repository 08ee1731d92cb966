package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Multi-instance activities as docs.camunda.io describes them (bpmn/multi-instance): input and
 * output collections and elements, loopCounter, sequential and parallel, completion condition,
 * through the real client over both protocols.
 */
class MultiInstanceConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();

  private static String id(String name, Protocol protocol) {
    return name + "-" + protocol.name().toLowerCase() + "-" + ids.incrementAndGet();
  }

  private static void deploy(CamundaClient client, BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  private static long start(CamundaClient client, String processId, Map<String, Object> vars) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> activate(CamundaClient client, String type, int expected) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              jobs.addAll(
                  client
                      .newActivateJobsCommand()
                      .jobType(type)
                      .maxJobsToActivate(10)
                      .timeout(Duration.ofMinutes(5))
                      .requestTimeout(Duration.ofSeconds(1))
                      .send()
                      .join()
                      .getJobs());
              return jobs.size() >= expected;
            });
    assertThat(jobs).as("jobs of type %s", type).hasSize(expected);
    return jobs;
  }

  private static List<ActivatedJob> activatableNow(CamundaClient client, String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .requestTimeout(Duration.ofMillis(-1))
        .send()
        .join()
        .getJobs();
  }

  private void awaitState(long processInstanceKey, String state) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(fixture.state(processInstanceKey)).isEqualTo(state));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void parallelInstancesGetTheirItemAndCollectResultsInItemOrder(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("mi-parallel", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "price",
                t ->
                    t.zeebeJobType(processId + "-price")
                        .zeebeInputExpression("item + \"!\"", "shout")
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")
                                    .zeebeOutputCollection("prices")
                                    .zeebeOutputElementExpression("price")))
            .serviceTask("after", t -> t.zeebeJobType(processId + "-after"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("items", List.of("a", "bb", "ccc")));

    List<ActivatedJob> jobs = activate(client, processId + "-price", 3);
    jobs.sort(
        Comparator.comparing(j -> ((Number) j.getVariablesAsMap().get("loopCounter")).intValue()));
    assertThat(jobs.get(0).getVariablesAsMap())
        .containsEntry("item", "a")
        .containsEntry("loopCounter", 1)
        .containsEntry("shout", "a!");
    assertThat(jobs.get(2).getVariablesAsMap())
        .containsEntry("item", "ccc")
        .containsEntry("loopCounter", 3);
    // completed in reverse order: the collection still follows the items
    for (int i = 2; i >= 0; i--) {
      String item = (String) jobs.get(i).getVariablesAsMap().get("item");
      client
          .newCompleteCommand(jobs.get(i))
          .variables(Map.of("price", item.length() * 10))
          .send()
          .join();
    }

    ActivatedJob after = activate(client, processId + "-after", 1).get(0);
    assertThat(after.getVariablesAsMap())
        .containsEntry("prices", List.of(10, 20, 30))
        .doesNotContainKeys("item", "loopCounter", "price");
    client.newCompleteCommand(after).send().join();
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void sequentialUserTasksComeOneAfterTheOther(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("mi-sequential", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.zeebeUserTask()
                        .zeebeAssigneeExpression("approver")
                        .multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("approvers")
                                    .zeebeInputElement("approver")))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("approvers", List.of("ann", "bob")));

    for (String expected : List.of("ann", "bob")) {
      List<UserTask> open =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      client
                          .newUserTaskSearchRequest()
                          .filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
                          .send()
                          .join()
                          .items(),
                  tasks -> !tasks.isEmpty());
      assertThat(open).hasSize(1);
      assertThat(open.get(0).getAssignee()).isEqualTo(expected);
      client.newCompleteUserTaskCommand(open.get(0).getUserTaskKey()).send().join();
    }
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theCompletionConditionEndsTheActivityAndCancelsTheRest(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("mi-condition", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "quote",
                s ->
                    s.multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("suppliers")
                                    .zeebeInputElement("supplier")
                                    .completionCondition("=numberOfCompletedInstances >= 2"))
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("ask", t -> t.zeebeJobType(processId + "-ask"))
                        .endEvent())
            .serviceTask("after", t -> t.zeebeJobType(processId + "-after"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("suppliers", List.of("x", "y", "z")));

    List<ActivatedJob> asks = activate(client, processId + "-ask", 3);
    client.newCompleteCommand(asks.get(0)).send().join();
    client.newCompleteCommand(asks.get(1)).send().join();

    activate(client, processId + "-after", 1);
    protocol.assertRejected(
        () -> client.newCompleteCommand(asks.get(2)).send().join(), 404, Status.Code.NOT_FOUND);
    assertThat(activatableNow(client, processId + "-ask")).isEmpty();
    assertThat(fixture.state(instance)).isEqualTo("ACTIVE");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anEmptyCollectionPassesAndANonListIsAnIncident(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("mi-empty", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "each",
                t ->
                    t.zeebeJobType(processId + "-each")
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("items")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("result")))
            .serviceTask("after", t -> t.zeebeJobType(processId + "-after"))
            .endEvent()
            .done();
    deploy(client, model);

    start(client, processId, Map.of("items", List.of()));
    assertThat(activate(client, processId + "-after", 1).get(0).getVariablesAsMap())
        .containsEntry("results", List.of());

    long broken = start(client, processId, Map.of("items", "not a list"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.incidents(broken).isEmpty());
    Incident incident = fixture.incidents(broken).get(0);
    assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.getElementId()).isEqualTo("each");
    assertThat(incident.getErrorMessage()).contains("'items'").contains("ARRAY");
    client.newSetVariablesCommand(broken).variables(Map.of("items", List.of(1))).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob each = activate(client, processId + "-each", 1).get(0);
    client.newCompleteCommand(each).variables(Map.of("result", "one")).send().join();
    assertThat(activate(client, processId + "-after", 1).get(0).getVariablesAsMap())
        .containsEntry("results", List.of("one"));
  }
}

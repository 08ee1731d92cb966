package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Call activities as docs.camunda.io describes them (bpmn/call-activities): the latest version of
 * the called process, variables in and out, cancellation, incidents and boundary events, through
 * the real client over both protocols.
 */
class CallActivityConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();

  private static String id(String name, Protocol protocol) {
    return name + "-" + protocol.name().toLowerCase() + "-" + ids.incrementAndGet();
  }

  private static void deploy(CamundaClient client, BpmnModelInstance... models) {
    var command = client.newDeployResourceCommand().addProcessModel(models[0], "p0.bpmn");
    for (int i = 1; i < models.length; i++) {
      command = command.addProcessModel(models[i], "p" + i + ".bpmn");
    }
    command.send().join();
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

  private static ActivatedJob activateOne(CamundaClient client, String type) {
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
    assertThat(jobs).as("activatable jobs of type %s", type).hasSize(1);
    return jobs.get(0);
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

  private static ProcessInstance get(CamundaClient client, long key) {
    return client.newProcessInstanceGetRequest(key).send().join();
  }

  /** A child with one service task of type {@code <childId>-work}. */
  private static BpmnModelInstance child(String childId) {
    return Bpmn.createExecutableProcess(childId)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(childId + "-work"))
        .endEvent()
        .done();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void childGetsTheParentsVariablesAndReturnsItsOwn(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller", protocol);
    String childId = id("called", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity(
                "call", c -> c.zeebeProcessId(childId).zeebeInputExpression("order.id", "orderId"))
            .serviceTask("after", t -> t.zeebeJobType(parentId + "-after"))
            .endEvent()
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of("order", Map.of("id", 7), "customer", "ann"));

    ActivatedJob work = activateOne(client, childId + "-work");
    long childKey = work.getProcessInstanceKey();
    assertThat(childKey).isNotEqualTo(parentKey);
    assertThat(work.getBpmnProcessId()).isEqualTo(childId);
    // all variables visible at the call activity, its input mappings included
    assertThat(work.getVariablesAsMap())
        .containsEntry("customer", "ann")
        .containsEntry("orderId", 7)
        .containsKey("order");
    ProcessInstance childInstance = get(client, childKey);
    assertThat(childInstance.getParentProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(childInstance.getRootProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(childInstance.getParentElementInstanceKey()).isNotNull();
    assertThat(get(client, parentKey).getParentProcessInstanceKey()).isNull();

    client.newCompleteCommand(work).variables(Map.of("result", "ok")).send().join();

    ActivatedJob after = activateOne(client, parentId + "-after");
    assertThat(after.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(after.getVariablesAsMap()).containsEntry("result", "ok");
    awaitState(childKey, "COMPLETED");
    assertThat(get(client, childKey).getParentProcessInstanceKey()).isEqualTo(parentKey);
    client.newCompleteCommand(after).send().join();
    awaitState(parentKey, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void withoutPropagationOnlyMappingsCrossAndTheProcessIdMayBeAnExpression(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-mapped", protocol);
    String childId = id("called-mapped", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity(
                "call",
                c ->
                    c.zeebeProcessIdExpression("childId")
                        .zeebePropagateAllParentVariables(false)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeInputExpression("amount * 2", "amount")
                        .zeebeOutputExpression("result", "outcome"))
            .serviceTask("after", t -> t.zeebeJobType(parentId + "-after"))
            .endEvent()
            .done();
    deploy(client, parent, child(childId));
    start(client, parentId, Map.of("childId", childId, "amount", 5, "secret", "x"));

    ActivatedJob work = activateOne(client, childId + "-work");
    assertThat(work.getVariablesAsMap())
        .containsEntry("amount", 10)
        .doesNotContainKeys("secret", "childId");
    client.newCompleteCommand(work).variables(Map.of("result", "done", "extra", 1)).send().join();

    ActivatedJob after = activateOne(client, parentId + "-after");
    assertThat(after.getVariablesAsMap())
        .containsEntry("outcome", "done")
        .containsEntry("amount", 5)
        .doesNotContainKeys("result", "extra");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void cancellingTheParentCancelsTheChildWhichCannotBeCancelledAlone(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-cancel", protocol);
    String childId = id("called-cancel", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of());
    ActivatedJob work = activateOne(client, childId + "-work");
    long childKey = work.getProcessInstanceKey();

    String message =
        protocol.assertRejected(
            () -> client.newCancelInstanceCommand(childKey).send().join(),
            409,
            Status.Code.FAILED_PRECONDITION);
    assertThat(message).contains("Cancel the root process instance '" + parentKey + "'");

    client.newCancelInstanceCommand(parentKey).send().join();
    awaitState(parentKey, "TERMINATED");
    awaitState(childKey, "TERMINATED");
    protocol.assertRejected(
        () -> client.newCompleteCommand(work).send().join(), 404, Status.Code.NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aMissingCalledProcessIsAnIncidentThatResolvesOnceItIsDeployed(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-missing", protocol);
    String childId = id("not-yet-deployed", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done();
    deploy(client, parent);
    long parentKey = start(client, parentId, Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.incidents(parentKey).isEmpty());
    Incident incident = fixture.incidents(parentKey).get(0);
    assertThat(incident.getErrorType().name()).isEqualTo("CALLED_ELEMENT_ERROR");
    assertThat(incident.getElementId()).isEqualTo("call");
    assertThat(incident.getErrorMessage())
        .isEqualTo(
            "Expected process with BPMN process id '"
                + childId
                + "' to be deployed, but not found.");

    deploy(client, child(childId));
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob work = activateOne(client, childId + "-work");
    client.newCompleteCommand(work).send().join();
    awaitState(parentKey, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anIncidentInTheChildStaysInTheChild(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-incident", protocol);
    String childId = id("called-incident", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of());
    ActivatedJob work = activateOne(client, childId + "-work");

    client.newFailCommand(work).retries(0).errorMessage("printer on fire").send().join();

    long childKey = work.getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.incidents(childKey).isEmpty());
    assertThat(fixture.incidents(childKey).get(0).getErrorMessage()).isEqualTo("printer on fire");
    assertThat(fixture.incidents(parentKey)).isEmpty();
    assertThat(fixture.state(parentKey)).isEqualTo("ACTIVE");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anErrorNotCaughtInTheChildIsCaughtOnTheCallActivity(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-error", protocol);
    String childId = id("called-error", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("failed", b -> b.error("DELIVERY_FAILED"))
            .serviceTask("handle", t -> t.zeebeJobType(parentId + "-handle"))
            .endEvent("handled")
            .moveToActivity("call")
            .endEvent("done")
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of());
    ActivatedJob work = activateOne(client, childId + "-work");

    client.newThrowErrorCommand(work).errorCode("DELIVERY_FAILED").send().join();

    ActivatedJob handle = activateOne(client, parentId + "-handle");
    assertThat(handle.getProcessInstanceKey()).isEqualTo(parentKey);
    awaitState(work.getProcessInstanceKey(), "TERMINATED");
    client.newCompleteCommand(handle).send().join();
    awaitState(parentKey, "COMPLETED");
    assertThat(fixture.incidents(work.getProcessInstanceKey())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anInterruptingTimerOnTheCallActivityTerminatesTheChild(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-timer", protocol);
    String childId = id("called-timer", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("too-slow", b -> b.timerWithDuration("PT1S"))
            .serviceTask("escalate", t -> t.zeebeJobType(parentId + "-escalate"))
            .endEvent("escalated")
            .moveToActivity("call")
            .endEvent("done")
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of());
    ActivatedJob work = activateOne(client, childId + "-work");

    ActivatedJob escalate = activateOne(client, parentId + "-escalate");
    assertThat(escalate.getProcessInstanceKey()).isEqualTo(parentKey);
    awaitState(work.getProcessInstanceKey(), "TERMINATED");
    client.newCompleteCommand(escalate).send().join();
    awaitState(parentKey, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aNonInterruptingMessageOnTheCallActivityLeavesTheChildRunning(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-message", protocol);
    String childId = id("called-message", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent(
                "asked",
                b ->
                    b.cancelActivity(false)
                        .message(
                            m ->
                                m.name(parentId + "-status")
                                    .zeebeCorrelationKeyExpression("orderId")))
            .serviceTask("answer", t -> t.zeebeJobType(parentId + "-answer"))
            .endEvent("answered")
            .moveToActivity("call")
            .serviceTask("after", t -> t.zeebeJobType(parentId + "-after"))
            .endEvent("done")
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of("orderId", "o-1"));
    ActivatedJob work = activateOne(client, childId + "-work");

    client
        .newPublishMessageCommand()
        .messageName(parentId + "-status")
        .correlationKey("o-1")
        .variables(Map.of("askedBy", "customer"))
        .send()
        .join();

    ActivatedJob answer = activateOne(client, parentId + "-answer");
    assertThat(answer.getVariablesAsMap()).containsEntry("askedBy", "customer");
    client.newCompleteCommand(answer).send().join();
    assertThat(fixture.state(work.getProcessInstanceKey())).isEqualTo("ACTIVE");
    client.newCompleteCommand(work).send().join();
    client.newCompleteCommand(activateOne(client, parentId + "-after")).send().join();
    awaitState(parentKey, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void parentAndChildSurviveARestart(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("caller-restart", protocol);
    String childId = id("called-restart", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .serviceTask("after", t -> t.zeebeJobType(parentId + "-after"))
            .endEvent()
            .done();
    deploy(client, parent, child(childId));
    long parentKey = start(client, parentId, Map.of("n", 1));
    // taken with a short timeout by a worker that then "crashes" with the engine
    List<ActivatedJob> taken =
        client
            .newActivateJobsCommand()
            .jobType(childId + "-work")
            .maxJobsToActivate(1)
            .timeout(Duration.ofSeconds(1))
            .send()
            .join()
            .getJobs();
    assertThat(taken).hasSize(1);
    long childKey = taken.get(0).getProcessInstanceKey();

    fixture.restart();

    assertThat(get(client, childKey).getParentProcessInstanceKey()).isEqualTo(parentKey);
    ActivatedJob again = reactivate(client, childId + "-work");
    assertThat(again.getProcessInstanceKey()).isEqualTo(childKey);
    client.newCompleteCommand(again).variables(Map.of("m", 2)).send().join();
    ActivatedJob after = activateOne(client, parentId + "-after");
    assertThat(after.getVariablesAsMap()).containsEntry("n", 1).containsEntry("m", 2);
  }

  /** The job again, once its activation timed out. */
  private ActivatedJob reactivate(CamundaClient client, String type) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> activatableNow(client, type), jobs -> jobs.size() == 1)
        .get(0);
  }
}

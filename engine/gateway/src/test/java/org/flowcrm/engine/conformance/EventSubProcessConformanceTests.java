package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Event sub-processes as docs.camunda.io describes them (bpmn/event-subprocesses): timer, message
 * and error start events, interrupting and not, in the process and in an embedded sub-process,
 * through the real client over both protocols.
 */
class EventSubProcessConformanceTests {

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

  private void awaitState(long processInstanceKey, String state) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(fixture.state(processInstanceKey)).isEqualTo(state));
  }

  private List<String> activeElements(long processInstanceKey) {
    List<String> ids = new ArrayList<>();
    fixture
        .instance(processInstanceKey)
        .orElseThrow()
        .elementInstances()
        .forEach(e -> ids.add(e.elementId()));
    return ids;
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anInterruptingMessageEventSubProcessTerminatesTheRestAndTakesOver(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("esp-message", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "cancellation",
                e ->
                    e.startEvent("cancel-requested")
                        .interrupting(true)
                        .message(
                            m ->
                                m.name(processId + "-cancel")
                                    .zeebeCorrelationKeyExpression("orderId"))
                        .serviceTask("refund", t -> t.zeebeJobType(processId + "-refund"))
                        .endEvent("cancelled"))
            .startEvent()
            .serviceTask("ship", t -> t.zeebeJobType(processId + "-ship"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("orderId", "o-7"));
    ActivatedJob ship = activateOne(client, processId + "-ship");

    client
        .newPublishMessageCommand()
        .messageName(processId + "-cancel")
        .correlationKey("o-7")
        .variables(Map.of("reason", "changed mind"))
        .send()
        .join();

    ActivatedJob refund = activateOne(client, processId + "-refund");
    assertThat(refund.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(refund.getVariablesAsMap()).containsEntry("reason", "changed mind");
    assertThat(activeElements(instance)).contains("cancellation", "refund").doesNotContain("ship");
    protocol.assertRejected(
        () -> client.newCompleteCommand(ship).send().join(), 404, io.grpc.Status.Code.NOT_FOUND);
    client.newCompleteCommand(refund).send().join();
    awaitState(instance, "COMPLETED");
    assertThat(fixture.instance(instance).orElseThrow().variables())
        .containsEntry("reason", "changed mind");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aNonInterruptingTimerCycleRunsBesideTheProcessAndRepeats(Protocol protocol)
      throws InterruptedException {
    CamundaClient client = fixture.client(protocol);
    String processId = id("esp-cycle", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "reminders",
                e ->
                    e.startEvent("remind")
                        .interrupting(false)
                        .timerWithCycle("R2/PT1S")
                        .serviceTask("send-reminder", t -> t.zeebeJobType(processId + "-remind"))
                        .endEvent("reminded"))
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(processId + "-work"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of());
    ActivatedJob work = activateOne(client, processId + "-work");

    List<Long> reminders = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              client
                  .newActivateJobsCommand()
                  .jobType(processId + "-remind")
                  .maxJobsToActivate(10)
                  .requestTimeout(Duration.ofMillis(500))
                  .send()
                  .join()
                  .getJobs()
                  .forEach(
                      job -> {
                        reminders.add(job.getKey());
                        client.newCompleteCommand(job).send().join();
                      });
              return reminders.size() >= 2;
            });
    // R2: exactly two, and the main path was never interrupted
    Thread.sleep(1500);
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(processId + "-remind")
                .maxJobsToActivate(10)
                .requestTimeout(Duration.ofMillis(-1))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    assertThat(reminders).hasSize(2);
    client.newCompleteCommand(work).send().join();
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anErrorThrownByAJobInASubProcessIsCaughtByTheProcessErrorEventSubProcess(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("esp-error", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "failure-handling",
                e ->
                    e.startEvent("failed")
                        .error("PAYMENT_DECLINED")
                        .serviceTask("notify", t -> t.zeebeJobType(processId + "-notify"))
                        .endEvent("notified"))
            .startEvent()
            .subProcess(
                "checkout",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("charge", t -> t.zeebeJobType(processId + "-charge"))
                        .endEvent())
            .serviceTask("ship", t -> t.zeebeJobType(processId + "-ship"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of());
    ActivatedJob charge = activateOne(client, processId + "-charge");

    client
        .newThrowErrorCommand(charge)
        .errorCode("PAYMENT_DECLINED")
        .errorMessage("card expired")
        .send()
        .join();

    ActivatedJob notify = activateOne(client, processId + "-notify");
    assertThat(activeElements(instance)).doesNotContain("checkout", "charge");
    client.newCompleteCommand(notify).send().join();
    awaitState(instance, "COMPLETED");
    assertThat(fixture.incidents(instance)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aSubProcessEventSubProcessCatchesAnErrorEndEventAndTheProcessGoesOn(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("esp-inner-error", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "check",
                s ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "on-reject",
                            e ->
                                e.startEvent("rejected")
                                    .error("REJECTED")
                                    .serviceTask(
                                        "record", t -> t.zeebeJobType(processId + "-record"))
                                    .endEvent("recorded"))
                        .startEvent()
                        .endEvent("reject", end -> end.error("REJECTED")))
            .serviceTask("after", t -> t.zeebeJobType(processId + "-after"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of());

    ActivatedJob record = activateOne(client, processId + "-record");
    assertThat(activeElements(instance)).contains("check", "on-reject");
    client.newCompleteCommand(record).send().join();
    ActivatedJob after = activateOne(client, processId + "-after");
    client.newCompleteCommand(after).send().join();
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anInterruptingTimerInASubProcessEndsOnlyThatSubProcess(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("esp-inner-timer", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "approval",
                s ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "timeout",
                            e ->
                                e.startEvent("expired")
                                    .interrupting(true)
                                    .timerWithDurationExpression("approvalTime")
                                    .endEvent("gave-up"))
                        .startEvent()
                        .serviceTask("approve", t -> t.zeebeJobType(processId + "-approve"))
                        .endEvent())
            .serviceTask("after", t -> t.zeebeJobType(processId + "-after"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("approvalTime", "PT1S"));
    ActivatedJob approve = activateOne(client, processId + "-approve");
    long started = System.currentTimeMillis();

    ActivatedJob after = activateOne(client, processId + "-after");
    assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(500);
    protocol.assertRejected(
        () -> client.newCompleteCommand(approve).send().join(), 404, io.grpc.Status.Code.NOT_FOUND);
    client.newCompleteCommand(after).send().join();
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void anErrorThrownInACalledProcessIsCaughtByTheCallersErrorEventSubProcess(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String parentId = id("esp-caller", protocol);
    String childId = id("esp-called", protocol);
    BpmnModelInstance parent =
        Bpmn.createExecutableProcess(parentId)
            .eventSubProcess(
                "any-error",
                e ->
                    e.startEvent("caught")
                        .error()
                        .serviceTask("clean-up", t -> t.zeebeJobType(parentId + "-clean-up"))
                        .endEvent("cleaned"))
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done();
    BpmnModelInstance child =
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(childId + "-work"))
            .endEvent()
            .done();
    deploy(client, parent, child);
    long parentKey = start(client, parentId, Map.of());
    ActivatedJob work = activateOne(client, childId + "-work");

    client.newThrowErrorCommand(work).errorCode("ANYTHING").send().join();

    client.newCompleteCommand(activateOne(client, parentId + "-clean-up")).send().join();
    awaitState(parentKey, "COMPLETED");
    awaitState(work.getProcessInstanceKey(), "TERMINATED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void eventSubProcessSubscriptionsSurviveARestart(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("esp-restart", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "stop",
                e ->
                    e.startEvent("stop-requested")
                        .message(
                            m -> m.name(processId + "-stop").zeebeCorrelationKeyExpression("id"))
                        .endEvent("stopped"))
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(processId + "-work"))
            .endEvent()
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("id", "r-1"));

    fixture.restart();

    client
        .newCorrelateMessageCommand()
        .messageName(processId + "-stop")
        .correlationKey("r-1")
        .send()
        .join();
    awaitState(instance, "COMPLETED");
  }
}

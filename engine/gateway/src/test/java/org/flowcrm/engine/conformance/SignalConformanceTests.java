package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
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
 * Signals as docs.camunda.io describes them (bpmn/signal-events): a broadcast starts processes at
 * signal start events and triggers signal catch and boundary events; nothing is buffered. Broadcast
 * over REST ({@code POST /v2/signals/broadcast}) and gRPC ({@code BroadcastSignal}).
 */
class SignalConformanceTests {

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

  private static long start(CamundaClient client, String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> activate(CamundaClient client, String type, Duration wait) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .requestTimeout(wait)
        .send()
        .join()
        .getJobs();
  }

  private static void broadcast(CamundaClient client, String signal, Map<String, Object> vars) {
    long key =
        client
            .newBroadcastSignalCommand()
            .signalName(signal)
            .variables(vars)
            .send()
            .join()
            .getKey();
    assertThat(key).isGreaterThan(1L << 51);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aBroadcastStartsProcessesAndTriggersWaitingCatchEventsButIsNotBuffered(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String signal = id("go", protocol);
    String starter = id("signal-start", protocol);
    String waiter = id("signal-catch", protocol);
    deploy(
        client,
        Bpmn.createExecutableProcess(starter)
            .startEvent("on-go")
            .signal(signal)
            .serviceTask("run", t -> t.zeebeJobType(starter + "-run"))
            .endEvent()
            .done(),
        Bpmn.createExecutableProcess(waiter)
            .startEvent()
            .serviceTask("prepare", t -> t.zeebeJobType(waiter + "-prepare"))
            .intermediateCatchEvent("wait-for-go", e -> e.signal(signal))
            .serviceTask("after", t -> t.zeebeJobType(waiter + "-after"))
            .endEvent()
            .done());
    long waiting = start(client, waiter);

    // broadcast while the instance is not yet at the catch event: not buffered for it
    broadcast(client, signal, Map.of("wave", 1));
    List<ActivatedJob> started = activate(client, starter + "-run", Duration.ofSeconds(5));
    assertThat(started).hasSize(1);
    assertThat(started.get(0).getVariablesAsMap()).containsEntry("wave", 1);
    ActivatedJob prepare = activate(client, waiter + "-prepare", Duration.ofSeconds(5)).get(0);
    client.newCompleteCommand(prepare).send().join();
    assertThat(activate(client, waiter + "-after", Duration.ofMillis(500))).isEmpty();

    broadcast(client, signal, Map.of("wave", 2));
    List<ActivatedJob> after = activate(client, waiter + "-after", Duration.ofSeconds(5));
    assertThat(after).hasSize(1);
    assertThat(after.get(0).getProcessInstanceKey()).isEqualTo(waiting);
    assertThat(after.get(0).getVariablesAsMap()).containsEntry("wave", 2);
    assertThat(activate(client, starter + "-run", Duration.ofSeconds(5))).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void signalBoundaryEventsInterruptOrRunBeside(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String stop = id("stop", protocol);
    String note = id("note", protocol);
    String processId = id("signal-boundary", protocol);
    deploy(
        client,
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(processId + "-work"))
            .boundaryEvent("noted", b -> b.cancelActivity(false).signal(note))
            .serviceTask("log", t -> t.zeebeJobType(processId + "-log"))
            .endEvent("logged")
            .moveToActivity("work")
            .boundaryEvent("stopped", b -> b.signal(stop))
            .serviceTask("clean-up", t -> t.zeebeJobType(processId + "-clean-up"))
            .endEvent("cleaned")
            .moveToActivity("work")
            .endEvent("worked")
            .done());
    long instance = start(client, processId);
    ActivatedJob work = activate(client, processId + "-work", Duration.ofSeconds(5)).get(0);

    broadcast(client, note, Map.of());
    client
        .newCompleteCommand(activate(client, processId + "-log", Duration.ofSeconds(5)).get(0))
        .send()
        .join();
    broadcast(client, stop, Map.of());
    ActivatedJob cleanUp = activate(client, processId + "-clean-up", Duration.ofSeconds(5)).get(0);
    protocol.assertRejected(
        () -> client.newCompleteCommand(work).send().join(), 404, Status.Code.NOT_FOUND);
    client.newCompleteCommand(cleanUp).send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fixture.state(instance)).isEqualTo("COMPLETED"));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aSignalStartsANonInterruptingEventSubProcess(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String signal = id("audit", protocol);
    String processId = id("signal-event-sub-process", protocol);
    deploy(
        client,
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "on-audit",
                e ->
                    e.startEvent("audit-requested")
                        .interrupting(false)
                        .signal(signal)
                        .serviceTask("report", t -> t.zeebeJobType(processId + "-report"))
                        .endEvent("reported"))
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(processId + "-work"))
            .endEvent()
            .done());
    long instance = start(client, processId);
    ActivatedJob work = activate(client, processId + "-work", Duration.ofSeconds(5)).get(0);

    broadcast(client, signal, Map.of("auditor", "eve"));

    ActivatedJob report = activate(client, processId + "-report", Duration.ofSeconds(5)).get(0);
    assertThat(report.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(report.getVariablesAsMap()).containsEntry("auditor", "eve");
    client.newCompleteCommand(report).send().join();
    client.newCompleteCommand(work).send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fixture.state(instance)).isEqualTo("COMPLETED"));
  }
}

package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event-based gateway as docs.camunda.io describes it (bpmn/event-based-gateways): the first of
 * its message and timer events wins and the others are cancelled, through the real client over both
 * protocols.
 */
class EventBasedGatewayConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();

  private static String id(String name, Protocol protocol) {
    return name + "-" + protocol.name().toLowerCase() + "-" + ids.incrementAndGet();
  }

  /** Waits for payment (message) or gives up after {@code timeout} (timer). */
  private static BpmnModelInstance model(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .eventBasedGateway("which-first")
        .intermediateCatchEvent(
            "paid",
            e ->
                e.message(m -> m.name(processId + "-paid").zeebeCorrelationKeyExpression("orderId"))
                    .zeebeOutputExpression("amount", "paidAmount"))
        .serviceTask("ship", t -> t.zeebeJobType(processId + "-ship"))
        .endEvent("shipped")
        .moveToLastGateway()
        .intermediateCatchEvent("expired", e -> e.timerWithDurationExpression("timeout"))
        .serviceTask("cancel", t -> t.zeebeJobType(processId + "-cancel"))
        .endEvent("cancelled")
        .done();
  }

  private static long start(CamundaClient client, String processId, Map<String, Object> vars) {
    client.newDeployResourceCommand().addProcessModel(model(processId), "p.bpmn").send().join();
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(vars)
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

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theMessageArrivingFirstWinsAndTheTimerIsCancelled(Protocol protocol) throws Exception {
    CamundaClient client = fixture.client(protocol);
    String processId = id("event-gateway-message", protocol);
    long instance = start(client, processId, Map.of("orderId", "o-1", "timeout", "PT1S"));

    client
        .newPublishMessageCommand()
        .messageName(processId + "-paid")
        .correlationKey("o-1")
        .variables(Map.of("amount", 120))
        .send()
        .join();

    List<ActivatedJob> ship = activate(client, processId + "-ship", Duration.ofSeconds(5));
    assertThat(ship).hasSize(1);
    assertThat(ship.get(0).getVariablesAsMap()).containsEntry("paidAmount", 120);
    // past the timer's due time: it was cancelled with the gateway
    Thread.sleep(1500);
    assertThat(activate(client, processId + "-cancel", Duration.ofMillis(-1))).isEmpty();
    client.newCompleteCommand(ship.get(0)).send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fixture.state(instance)).isEqualTo("COMPLETED"));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void theTimerFiringFirstWinsAndTheMessageNoLongerCorrelates(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("event-gateway-timer", protocol);
    long instance = start(client, processId, Map.of("orderId", "o-2", "timeout", "PT1S"));
    long started = System.currentTimeMillis();

    List<ActivatedJob> cancel = activate(client, processId + "-cancel", Duration.ofSeconds(10));
    assertThat(cancel).hasSize(1);
    assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(500);
    // correlation is REST-only in the client, whatever protocol it prefers
    Protocol.REST.assertRejected(
        () ->
            client
                .newCorrelateMessageCommand()
                .messageName(processId + "-paid")
                .correlationKey("o-2")
                .send()
                .join(),
        404,
        io.grpc.Status.Code.NOT_FOUND);
    assertThat(activate(client, processId + "-ship", Duration.ofMillis(-1))).isEmpty();
    client.newCompleteCommand(cancel.get(0)).send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(fixture.state(instance)).isEqualTo("COMPLETED"));
  }
}

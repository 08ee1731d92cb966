package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.activeElements;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.onlyIncident;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.MessageCorrelated;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.store.InMemoryEngineStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageTests {

  private final EngineTestSupport.TestClock clock = new EngineTestSupport.TestClock();
  private final InMemoryEngineStore store = new InMemoryEngineStore();
  private ProcessEngine engine = newEngine();

  private ProcessEngine newEngine() {
    return EngineFactory.onStore(
        new EngineSettings(EngineSettings.DEFAULT_MAX_PAYLOAD_BYTES, clock), store);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void deployPayment() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("payment")
            .startEvent()
            .intermediateCatchEvent(
                "paid",
                e ->
                    e.message(m -> m.name("invoice-paid").zeebeCorrelationKeyExpression("invoice")))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
  }

  @Test
  void aCatchEventWaitsForItsMessageAndTakesItsVariables() {
    deployPayment();
    long a = start(engine, "payment", Map.of("invoice", "A-1"));
    long b = start(engine, "payment", Map.of("invoice", 42));
    engine.publishMessage("invoice-paid", "other", Duration.ZERO, null, Map.of());
    engine.publishMessage("invoice-paid", "A-1", Duration.ZERO, null, Map.of("amount", 10));
    assertThat(activeElements(engine, a)).containsExactly("after");
    assertThat(instance(engine, a).variables()).containsEntry("amount", 10L);
    assertThat(activeElements(engine, b)).containsExactly("paid");
    MessageCorrelated correlated =
        engine.correlateMessage("invoice-paid", "42", Map.of("amount", 5));
    assertThat(correlated.processInstanceKey()).isEqualTo(b);
    assertThat(activeElements(engine, b)).containsExactly("after");
    assertThatThrownBy(() -> engine.correlateMessage("invoice-paid", "42", Map.of()))
        .isInstanceOfSatisfying(
            EngineException.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND));
  }

  @Test
  void aMessageCorrelatesOncePerProcessId() {
    deployPayment();
    long a = start(engine, "payment", Map.of("invoice", "X"));
    long b = start(engine, "payment", Map.of("invoice", "X"));
    engine.publishMessage("invoice-paid", "X", Duration.ZERO, null, Map.of());
    assertThat(activeElements(engine, a)).containsExactly("after");
    assertThat(activeElements(engine, b)).containsExactly("paid");
  }

  @Test
  void bufferedMessagesCorrelateLaterUntilTheirTimeToLiveEnds() {
    deployPayment();
    engine.publishMessage("invoice-paid", "B", Duration.ofMinutes(10), "m-1", Map.of("n", 1));
    engine.publishMessage("invoice-paid", "B", Duration.ofMinutes(10), "m-2", Map.of("n", 2));
    assertThatThrownBy(
            () ->
                engine.publishMessage("invoice-paid", "B", Duration.ofMinutes(10), "m-1", Map.of()))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.ALREADY_EXISTS));
    long first = start(engine, "payment", Map.of("invoice", "B"));
    assertThat(activeElements(engine, first)).containsExactly("after");
    assertThat(instance(engine, first).variables()).containsEntry("n", 1L);
    // the same message never correlates twice to one process id; the second one is still there
    long second = start(engine, "payment", Map.of("invoice", "B"));
    assertThat(instance(engine, second).variables()).containsEntry("n", 2L);
    long third = start(engine, "payment", Map.of("invoice", "B"));
    assertThat(activeElements(engine, third)).containsExactly("paid");

    engine.publishMessage("invoice-paid", "C", Duration.ofMinutes(10), null, Map.of());
    clock.advance(Duration.ofMinutes(11));
    engine.publishMessage("noop", "", Duration.ZERO, null, Map.of()); // a batch after expiry
    long late = start(engine, "payment", Map.of("invoice", "C"));
    assertThat(activeElements(engine, late)).containsExactly("paid");
  }

  @Test
  void aBufferedMessageSurvivesARestart() {
    deployPayment();
    engine.publishMessage("invoice-paid", "R", Duration.ofHours(1), null, Map.of("ok", true));
    engine.close();
    engine = newEngine();
    long key = start(engine, "payment", Map.of("invoice", "R"));
    assertThat(instance(engine, key).variables()).containsEntry("ok", true);
  }

  @Test
  void receiveTasksAndMessageBoundaryEvents() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("deal")
            .startEvent()
            .receiveTask(
                "wait", r -> r.message(m -> m.name("go").zeebeCorrelationKeyExpression("id")))
            .userTask("negotiate", t -> t.zeebeUserTask())
            .endEvent("done")
            .moveToActivity("negotiate")
            .boundaryEvent(
                "note",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name("note").zeebeCorrelationKeyExpression("id")))
            .serviceTask("log", t -> t.zeebeJobType("log"))
            .endEvent()
            .moveToActivity("negotiate")
            .boundaryEvent(
                "lost", b -> b.message(m -> m.name("lost").zeebeCorrelationKeyExpression("id")))
            .endEvent("closed")
            .done());
    long key = start(engine, "deal", Map.of("id", "D1"));
    assertThat(activeElements(engine, key)).containsExactly("wait");
    engine.publishMessage("go", "D1", Duration.ZERO, null, Map.of());
    assertThat(activeElements(engine, key)).containsExactly("negotiate");
    engine.publishMessage("note", "D1", Duration.ZERO, null, Map.of("text", "a"));
    engine.publishMessage("note", "D1", Duration.ZERO, null, Map.of("text", "b"));
    var logs = activate(engine, "log", 10);
    assertThat(logs).hasSize(2);
    assertThat(activeElements(engine, key)).containsExactly("log", "log", "negotiate");
    logs.forEach(j -> engine.completeJob(j.key(), Map.of()));
    assertThat(activeElements(engine, key)).containsExactly("negotiate");
    engine.publishMessage("lost", "D1", Duration.ZERO, null, Map.of("reason", "price"));
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
    assertThat(instance(engine, key).variables()).containsEntry("reason", "price");
  }

  @Test
  void messageStartEventsStartOneInstancePerActiveKey() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("inbound")
            .startEvent("received")
            .message("lead-received")
            .serviceTask("handle", t -> t.zeebeJobType("handle"))
            .endEvent()
            .done());
    engine.publishMessage("lead-received", "L1", Duration.ofHours(1), null, Map.of("n", 1));
    engine.publishMessage("lead-received", "L1", Duration.ofHours(1), null, Map.of("n", 2));
    engine.publishMessage("lead-received", "", Duration.ZERO, null, Map.of("n", 3));
    var jobs = activate(engine, "handle", 10);
    assertThat(jobs).extracting(j -> j.variables().get("n")).containsExactlyInAnyOrder(1L, 3L);
    // when the instance for L1 ends, the buffered message starts the next one
    engine.completeJob(
        jobs.stream().filter(j -> j.variables().get("n").equals(1L)).findFirst().get().key(),
        Map.of());
    assertThat(activateOne(engine, "handle").variables()).containsEntry("n", 2L);
  }

  @Test
  void aCorrelationKeyThatCannotBeEvaluatedIsAnIncident() {
    deployPayment();
    long key = start(engine, "payment", Map.of());
    assertThat(onlyIncident(engine, key).errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
  }
}

package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.activeElements;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.onlyIncident;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.UserTask;
import org.flowcrm.engine.api.UserTaskQuery;
import org.flowcrm.engine.store.InMemoryEngineStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerTests {

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

  /** Gives the processing thread (idle at most 100 ms) time to look at the clock. */
  private static void settle() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Activates and completes every activatable job of a type (so none comes back on timeout). */
  private int takeAll(String type) {
    List<ActivatedJob> jobs = activate(engine, type, 100);
    jobs.forEach(j -> engine.completeJob(j.key(), Map.of()));
    return jobs.size();
  }

  private void awaitElements(long key, String... ids) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(activeElements(engine, key)).containsExactly(ids));
  }

  @Test
  void anIntermediateTimerFiresAtItsDurationNeverEarlier() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("wait")
            .startEvent()
            .intermediateCatchEvent(
                "pause", e -> e.timerWithDuration("PT10M").zeebeOutputExpression("1", "waited"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    long key = start(engine, "wait", Map.of());
    assertThat(activeElements(engine, key)).containsExactly("pause");
    clock.advance(Duration.ofMinutes(10).minusMillis(1));
    settle();
    assertThat(activeElements(engine, key)).containsExactly("pause");
    clock.advance(Duration.ofMillis(1));
    awaitElements(key, "after");
    assertThat(instance(engine, key).variables()).containsEntry("waited", 1L);
  }

  @Test
  void dateAndFeelTimers() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("feel")
            .startEvent()
            .intermediateCatchEvent("byDate", e -> e.timerWithDateExpression("until"))
            .intermediateCatchEvent("byDuration", e -> e.timerWithDurationExpression("wait"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    long key = start(engine, "feel", Map.of("until", "2026-01-01T01:00:00Z", "wait", "PT30M"));
    clock.advance(Duration.ofMinutes(59));
    settle();
    assertThat(activeElements(engine, key)).containsExactly("byDate");
    clock.advance(Duration.ofMinutes(1));
    awaitElements(key, "byDuration");
    clock.advance(Duration.ofMinutes(30));
    awaitElements(key, "after");

    long bad = start(engine, "feel", Map.of("until", "whenever", "wait", "PT1M"));
    assertThat(onlyIncident(engine, bad).errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
  }

  @Test
  void anInterruptingBoundaryTimerCancelsTheTask() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("sla")
            .startEvent()
            .userTask("approve", t -> t.zeebeUserTask())
            .endEvent("approved")
            .moveToActivity("approve")
            .boundaryEvent("late", b -> b.timerWithDuration("P1D"))
            .serviceTask("escalate", t -> t.zeebeJobType("escalate"))
            .endEvent()
            .done());
    long key = start(engine, "sla", Map.of());
    long task = engine.searchUserTasks(UserTaskQuery.all()).items().get(0).key();
    clock.advance(Duration.ofHours(23));
    settle();
    assertThat(activeElements(engine, key)).containsExactly("approve");
    clock.advance(Duration.ofHours(1));
    awaitElements(key, "escalate");
    assertThat(engine.userTask(task).orElseThrow().state()).isEqualTo(UserTask.CANCELED);

    // completed in time: the timer is gone with the task
    long onTime = start(engine, "sla", Map.of());
    long second =
        engine
            .searchUserTasks(
                UserTaskQuery.all().withState(UserTask.CREATED).withProcessInstanceKey(onTime))
            .items()
            .get(0)
            .key();
    engine.completeUserTask(second, Map.of(), null);
    clock.advance(Duration.ofDays(2));
    settle();
    assertThat(instance(engine, onTime).state()).isEqualTo("COMPLETED");
    assertThat(activate(engine, "escalate", 10)).hasSize(1); // only the first instance's
  }

  @Test
  void aNonInterruptingCycleRepeatsUpToItsCountBesideTheTask() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("remind")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("work"))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithCycle("R3/PT1H"))
            .serviceTask("notify", t -> t.zeebeJobType("notify"))
            .endEvent()
            .done());
    long key = start(engine, "remind", Map.of());
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(1));
      await().atMost(Duration.ofSeconds(5)).until(() -> takeAll("notify") == 1);
    }
    for (int i = 0; i < 2; i++) {
      clock.advance(Duration.ofHours(1));
      settle();
      assertThat(takeAll("notify")).isZero();
    }
    assertThat(activeElements(engine, key)).containsExactly("work");
    engine.completeJob(activateOne(engine, "work").key(), Map.of());
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
  }

  @Test
  void aNonInterruptingDateTimerFiresOnceAndTheTaskGoesOn() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("nid")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("work"))
            .endEvent()
            .moveToActivity("work")
            .boundaryEvent(
                "heads-up", b -> b.cancelActivity(false).timerWithDate("2026-01-01T02:00:00Z"))
            .serviceTask("notify", t -> t.zeebeJobType("notify"))
            .endEvent()
            .done());
    long key = start(engine, "nid", Map.of());
    clock.advance(Duration.ofHours(3));
    await().atMost(Duration.ofSeconds(5)).until(() -> takeAll("notify") == 1);
    clock.advance(Duration.ofHours(3));
    settle();
    assertThat(takeAll("notify")).isZero();
    assertThat(activeElements(engine, key)).contains("work");
  }

  @Test
  void cancellingTheInstanceRemovesItsTimers() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("c")
            .startEvent()
            .intermediateCatchEvent("pause", e -> e.timerWithDuration("PT1M"))
            .endEvent()
            .done());
    long key = start(engine, "c", Map.of());
    engine.cancelProcessInstance(key);
    clock.advance(Duration.ofMinutes(5));
    settle();
    assertThat(instance(engine, key).state()).isEqualTo("TERMINATED");
  }

  private static BpmnModelInstance cycleStart(String cycle) {
    return Bpmn.createExecutableProcess("daily")
        .startEvent("tick")
        .timerWithCycle(cycle)
        .serviceTask("report", t -> t.zeebeJobType("report"))
        .endEvent()
        .done();
  }

  @Test
  void timerStartEventsStartInstancesAndAreRescheduledOnRedeploy() {
    deploy(engine, cycleStart("R2/PT1H"));
    assertThatThrownBy(
            () ->
                engine.createProcessInstance(
                    new CreateProcessInstance(0, "daily", -1, Map.of(), null)))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_STATE));
    clock.advance(Duration.ofMinutes(59));
    settle();
    assertThat(takeAll("report")).isZero();
    clock.advance(Duration.ofMinutes(1));
    await().atMost(Duration.ofSeconds(5)).until(() -> takeAll("report") == 1);
    // redeploying a changed version cancels the old timer and schedules the new one from now
    clock.advance(Duration.ofMinutes(30));
    deploy(engine, cycleStart("R1/PT2H"));
    clock.advance(Duration.ofMinutes(100));
    settle();
    assertThat(takeAll("report")).isZero();
    clock.advance(Duration.ofMinutes(20));
    await().atMost(Duration.ofSeconds(5)).until(() -> takeAll("report") == 1);
    clock.advance(Duration.ofHours(10));
    settle();
    assertThat(takeAll("report")).isZero();
  }

  @Test
  void aDateStartTimerFiresOnceAfterARestartWhenItCameDueMeanwhile() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("once")
            .startEvent("at")
            .timerWithDate("2026-01-01T06:00:00Z")
            .serviceTask("report", t -> t.zeebeJobType("report"))
            .endEvent()
            .done());
    engine.close();
    clock.advance(Duration.ofHours(12));
    engine = newEngine();
    await().atMost(Duration.ofSeconds(5)).until(() -> takeAll("report") == 1);
    settle();
    assertThat(takeAll("report")).isZero();
  }

  @Test
  void anInstanceTimerDueWhileStoppedFiresOnceAfterTheRestart() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("w")
            .startEvent()
            .intermediateCatchEvent("pause", e -> e.timerWithDuration("PT1H"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    long key = start(engine, "w", Map.of());
    engine.close();
    clock.advance(Duration.ofHours(5));
    engine = newEngine();
    awaitElements(key, "after");
    assertThat(activate(engine, "after", 10)).hasSize(1);
  }

  @Test
  void unsupportedTimerKindsAreRefusedAtDeploy() {
    assertThatThrownBy(
            () ->
                deploy(
                    engine,
                    Bpmn.createExecutableProcess("x")
                        .startEvent()
                        .serviceTask("work", t -> t.zeebeJobType("work"))
                        .endEvent()
                        .moveToActivity("work")
                        .boundaryEvent("again", b -> b.timerWithCycle("R3/PT1H"))
                        .endEvent()
                        .done()))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("again").contains("cycle");
            });
    assertThatThrownBy(
            () ->
                deploy(
                    engine,
                    Bpmn.createExecutableProcess("y")
                        .startEvent()
                        .intermediateCatchEvent("pause", e -> e.timerWithDuration("soon"))
                        .endEvent()
                        .done()))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.getMessage()).contains("pause").contains("duration"));
  }
}

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
import java.util.Map;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScopeAndErrorTests {

  private final ProcessEngine engine = EngineFactory.inMemory(EngineSettings.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void embeddedSubProcessRunsItsContentAndCompletes() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("outer")
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType("inner"))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    long key = start(engine, "outer", Map.of());
    assertThat(activeElements(engine, key)).containsExactly("inner", "sub");

    engine.completeJob(activateOne(engine, "inner").key(), Map.of("x", 1));
    assertThat(activeElements(engine, key)).containsExactly("after");
    engine.completeJob(activateOne(engine, "after").key(), Map.of());
    assertThat(instance(engine, key).variables()).containsEntry("x", 1L);
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
  }

  @Test
  void scriptTaskStoresItsResult() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("script")
            .startEvent()
            .scriptTask("sum", t -> t.zeebeExpression("a + b").zeebeResultVariable("total"))
            .scriptTask(
                "greet",
                t -> t.zeebeExpression("{greeting: \"hi \" + name}").zeebeResultVariable("out"))
            .endEvent()
            .done());
    long key = start(engine, "script", Map.of("a", 2, "b", 3.5, "name", "Ada"));

    assertThat(instance(engine, key).variables())
        .containsEntry("total", 5.5)
        .containsEntry("out", Map.of("greeting", "hi Ada"));
  }

  @Test
  void terminateEndEventEndsTheWholeInstance() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("terminate")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType("slow"))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("fast", t -> t.zeebeJobType("fast"))
            .endEvent("kill", e -> e.terminate())
            .done());
    long key = start(engine, "terminate", Map.of());
    var slow = activateOne(engine, "slow");

    engine.completeJob(activateOne(engine, "fast").key(), Map.of());

    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
    assertThatThrownBy(() -> engine.completeJob(slow.key(), Map.of()))
        .isInstanceOfSatisfying(
            EngineException.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND));
  }

  @Test
  void terminateEndEventInASubProcessEndsOnlyTheSubProcess() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType("slow"))
            .endEvent()
            .moveToNode("fork")
            .endEvent("kill", e -> e.terminate())
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of());

    assertThat(activeElements(engine, key)).containsExactly("after");
    assertThat(activate(engine, "slow", 1)).isEmpty();
  }

  @Test
  void errorThrownByAWorkerIsCaughtByTheBoundaryEventWithItsCode() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("errors")
            .startEvent()
            .serviceTask("charge", t -> t.zeebeJobType("charge"))
            .boundaryEvent("any", b -> b.error())
            .serviceTask("generic", t -> t.zeebeJobType("generic"))
            .endEvent()
            .moveToActivity("charge")
            .boundaryEvent(
                "declined", b -> b.error("DECLINED").zeebeOutputExpression("reason", "why"))
            .serviceTask("handleDecline", t -> t.zeebeJobType("handleDecline"))
            .endEvent()
            .moveToActivity("charge")
            .endEvent()
            .done());
    long key = start(engine, "errors", Map.of());

    engine.throwError(
        activateOne(engine, "charge").key(),
        "DECLINED",
        "card declined",
        Map.of("reason", "limit", "code", 51));

    var next = activateOne(engine, "handleDecline");
    // error variables stay local to the boundary event; only its output mappings reach the instance
    assertThat(next.variables()).containsEntry("why", "limit").doesNotContainKeys("reason", "code");
    assertThat(activate(engine, "generic", 1)).isEmpty();
    assertThat(instance(engine, key).variables()).containsOnlyKeys("why");
  }

  @Test
  void catchAllBoundaryEventCatchesOtherCodes() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("errors")
            .startEvent()
            .serviceTask("charge", t -> t.zeebeJobType("charge"))
            .boundaryEvent("any", b -> b.error())
            .serviceTask("generic", t -> t.zeebeJobType("generic"))
            .endEvent()
            .moveToActivity("charge")
            .boundaryEvent("declined", b -> b.error("DECLINED"))
            .endEvent()
            .moveToActivity("charge")
            .endEvent()
            .done());
    start(engine, "errors", Map.of());

    engine.throwError(activateOne(engine, "charge").key(), "TIMEOUT", null, Map.of());

    assertThat(activate(engine, "generic", 1)).hasSize(1);
  }

  @Test
  void errorEndEventInASubProcessIsCaughtByTheSubProcessBoundary() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("pending", t -> t.zeebeJobType("pending"))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("check", t -> t.zeebeJobType("check"))
            .endEvent("fail", e -> e.error("REJECTED"))
            .subProcessDone()
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("rejected", b -> b.error("REJECTED"))
            .serviceTask("compensate", t -> t.zeebeJobType("compensate"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of());
    var pending = activateOne(engine, "pending");

    engine.completeJob(activateOne(engine, "check").key(), Map.of());

    assertThat(activeElements(engine, key)).containsExactly("compensate");
    assertThatThrownBy(() -> engine.completeJob(pending.key(), Map.of()))
        .isInstanceOf(EngineException.class);
  }

  @Test
  void uncaughtErrorFromAWorkerIsAnIncidentAndResolvingItRetriesTheJob() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of());
    var job = activateOne(engine, "t");

    engine.throwError(job.key(), "NOPE", "nobody catches this", Map.of());

    Incident incident = onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.jobKey()).isEqualTo(job.key());
    assertThat(incident.errorMessage()).contains("'NOPE'").contains("not caught");
    assertThatThrownBy(() -> engine.completeJob(job.key(), Map.of()))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_STATE));

    engine.resolveIncident(incident.key());
    var again = activateOne(engine, "t");
    assertThat(again.key()).isEqualTo(job.key());
    engine.completeJob(again.key(), Map.of());
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
  }

  @Test
  void uncaughtErrorEndEventIsAnIncident() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .endEvent("boom", e -> e.error("BOOM"))
            .done());
    long key = start(engine, "p", Map.of());

    Incident incident = onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.elementId()).isEqualTo("boom");
  }

  @Test
  void cancelTerminatesTheInstanceAndItsJobs() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("t"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of());

    engine.cancelProcessInstance(key);

    assertThat(instance(engine, key).state()).isEqualTo("TERMINATED");
    assertThat(activate(engine, "t", 1)).isEmpty();
    assertThatThrownBy(() -> engine.cancelProcessInstance(key))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Expected to cancel a process instance with key '"
                          + key
                          + "', but no such process was found");
            });
  }

  @Test
  void errorFromAWorkerInsideASubProcessIsCaughtByTheSubProcessBoundary() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType("inner"))
            .endEvent()
            .subProcessDone()
            .serviceTask("normal", t -> t.zeebeJobType("normal"))
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("caught", b -> b.error("E1"))
            .serviceTask("handle", t -> t.zeebeJobType("handle"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of());

    engine.throwError(activateOne(engine, "inner").key(), "E1", "inner failed", Map.of());

    assertThat(activeElements(engine, key)).containsExactly("handle");
  }

  @Test
  void passThroughElementsAndStartEventOutputMappingsWork() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent("start")
            .zeebeOutputExpression("input * 2", "doubled")
            .task("undefined")
            .manualTask("manual")
            .intermediateThrowEvent(
                "milestone", e -> e.zeebeOutputExpression("\"reached\"", "status"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of("input", 21));

    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
    assertThat(instance(engine, key).variables())
        .containsEntry("doubled", 42L)
        .containsEntry("status", "reached");
  }
}

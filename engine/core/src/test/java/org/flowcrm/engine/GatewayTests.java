package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.activeElements;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.onlyIncident;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayTests {

  private final ProcessEngine engine = EngineFactory.inMemory(EngineSettings.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  private static BpmnModelInstance exclusive(boolean withDefault) {
    var builder =
        Bpmn.createExecutableProcess("route")
            .startEvent()
            .exclusiveGateway("split")
            .conditionExpression("amount > 100")
            .serviceTask("big", t -> t.zeebeJobType("big"))
            .endEvent()
            .moveToLastGateway()
            .conditionExpression("amount > 10")
            .serviceTask("medium", t -> t.zeebeJobType("medium"))
            .endEvent();
    if (withDefault) {
      return builder
          .moveToLastExclusiveGateway()
          .defaultFlow()
          .serviceTask("small", t -> t.zeebeJobType("small"))
          .endEvent()
          .done();
    }
    return builder.done();
  }

  @Test
  void exclusiveGatewayTakesTheFirstTrueConditionOrTheDefault() {
    deploy(engine, exclusive(true));
    start(engine, "route", Map.of("amount", 500));
    start(engine, "route", Map.of("amount", 50));
    start(engine, "route", Map.of("amount", 5));

    assertThat(activate(engine, "big", 10)).hasSize(1);
    assertThat(activate(engine, "medium", 10)).hasSize(1);
    assertThat(activate(engine, "small", 10)).hasSize(1);
  }

  @Test
  void noTrueConditionAndNoDefaultIsAConditionErrorIncident() {
    deploy(engine, exclusive(false));
    long key = start(engine, "route", Map.of("amount", 5));

    Incident incident = onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.elementId()).isEqualTo("split");

    // fixing the data and resolving the incident re-evaluates the gateway
    engine.setVariables(key, Map.of("amount", 50), false);
    engine.resolveIncident(incident.key());
    assertThat(engine.incidents(key)).isEmpty();
    assertThat(activate(engine, "medium", 1)).hasSize(1);
  }

  @Test
  void aConditionThatCannotBeEvaluatedIsAnExtractValueIncident() {
    deploy(engine, exclusive(true));
    long key = start(engine, "route", Map.of());

    Incident incident = onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.errorMessage()).contains("amount > 100").contains("BOOLEAN");
    assertThat(activeElements(engine, key)).containsExactly("split");

    // resolving without fixing raises a new incident
    engine.resolveIncident(incident.key());
    Incident again = onlyIncident(engine, key);
    assertThat(again.key()).isNotEqualTo(incident.key());

    engine.setVariables(key, Map.of("amount", 1000), false);
    engine.resolveIncident(again.key());
    assertThat(activate(engine, "big", 1)).hasSize(1);
  }

  @Test
  void parallelGatewayForksAndJoinsOnce() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("parallel")
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType("a"))
            .parallelGateway("join")
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType("b"))
            .connectTo("join")
            .done());
    long key = start(engine, "parallel", Map.of());
    assertThat(activeElements(engine, key)).containsExactly("a", "b");

    engine.completeJob(activateOne(engine, "a").key(), Map.of("fromA", 1));
    assertThat(activate(engine, "after", 1)).isEmpty();
    engine.completeJob(activateOne(engine, "b").key(), Map.of("fromB", 2));

    var after = activateOne(engine, "after");
    assertThat(after.variables()).containsEntry("fromA", 1L).containsEntry("fromB", 2L);
    engine.completeJob(after.key(), Map.of());
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
    assertThat(activate(engine, "after", 5)).isEmpty();
  }

  private static BpmnModelInstance inclusive() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("inclusive")
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("list contains(channels, \"mail\")")
            .serviceTask("mail", t -> t.zeebeJobType("mail"))
            .inclusiveGateway("join")
            .serviceTask("done", t -> t.zeebeJobType("done"))
            .endEvent()
            .moveToNode("fork")
            .conditionExpression("list contains(channels, \"sms\")")
            .serviceTask("sms", t -> t.zeebeJobType("sms"))
            .connectTo("join")
            .moveToNode("fork")
            .sequenceFlowId("toLetter")
            .serviceTask("letter", t -> t.zeebeJobType("letter"))
            .connectTo("join")
            .done();
    io.camunda.zeebe.model.bpmn.instance.InclusiveGateway fork = model.getModelElementById("fork");
    fork.setDefault(model.getModelElementById("toLetter"));
    return model;
  }

  @Test
  void inclusiveGatewayTakesEveryTrueFlowAndJoinsTheTakenOnes() {
    deploy(engine, inclusive());
    long both = start(engine, "inclusive", Map.of("channels", java.util.List.of("mail", "sms")));
    assertThat(activeElements(engine, both)).containsExactly("mail", "sms");

    engine.completeJob(activateOne(engine, "mail").key(), Map.of());
    assertThat(activate(engine, "done", 1)).isEmpty();
    engine.completeJob(activateOne(engine, "sms").key(), Map.of());
    engine.completeJob(activateOne(engine, "done").key(), Map.of());
    assertThat(instance(engine, both).state()).isEqualTo("COMPLETED");
  }

  @Test
  void inclusiveJoinDoesNotWaitForFlowsThatWereNotTaken() {
    deploy(engine, inclusive());
    long one = start(engine, "inclusive", Map.of("channels", java.util.List.of("sms")));
    assertThat(activeElements(engine, one)).containsExactly("sms");
    engine.completeJob(activateOne(engine, "sms").key(), Map.of());
    engine.completeJob(activateOne(engine, "done").key(), Map.of());
    assertThat(instance(engine, one).state()).isEqualTo("COMPLETED");

    long none = start(engine, "inclusive", Map.of("channels", java.util.List.of()));
    assertThat(activeElements(engine, none)).containsExactly("letter");
  }

  @Test
  void inclusiveJoinWaitsForABranchThatCanStillArriveThroughABoundaryEvent() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("boundaryJoin")
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("true")
            .serviceTask("fast", t -> t.zeebeJobType("fast"))
            .inclusiveGateway("join")
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .moveToNode("fork")
            .conditionExpression("true")
            .serviceTask("risky", t -> t.zeebeJobType("risky"))
            .endEvent()
            .moveToActivity("risky")
            .boundaryEvent("failed", b -> b.error("E"))
            .connectTo("join")
            .done());
    long key = start(engine, "boundaryJoin", Map.of());

    engine.completeJob(activateOne(engine, "fast").key(), Map.of());
    // "risky" may still reach the join through its boundary event: the join waits
    assertThat(activate(engine, "after", 1)).isEmpty();

    engine.throwError(activateOne(engine, "risky").key(), "E", "", Map.of());
    assertThat(activate(engine, "after", 1)).hasSize(1);
    assertThat(activeElements(engine, key)).containsExactly("after");
  }

  @Test
  void theDefaultFlowIsOnlyTakenWhenNoConditionHolds() {
    deploy(engine, exclusive(true));
    long key = start(engine, "route", Map.of("amount", 20));
    assertThat(activeElements(engine, key)).containsExactly("medium");
  }
}

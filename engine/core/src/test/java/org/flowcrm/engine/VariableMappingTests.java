package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.onlyIncident;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VariableMappingTests {

  private final ProcessEngine engine = EngineFactory.inMemory(EngineSettings.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void inputMappingsCreateLocalVariablesThatTheJobSeesButTheInstanceDoesNot() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask(
                "t",
                t ->
                    t.zeebeJobType("t")
                        .zeebeInputExpression("customer.name", "name")
                        .zeebeInputExpression("\"static\"", "kind")
                        .zeebeInput("plain text", "label"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of("customer", Map.of("name", "Ada")));

    ActivatedJob job = activateOne(engine, "t");
    assertThat(job.variables())
        .containsEntry("name", "Ada")
        .containsEntry("kind", "static")
        .containsEntry("label", "plain text")
        .containsKey("customer");
    engine.completeJob(job.key(), Map.of());

    assertThat(instance(engine, key).variables()).containsOnlyKeys("customer");
  }

  @Test
  void withOutputMappingsOnlyTheirResultsReachTheInstance() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask(
                "t",
                t ->
                    t.zeebeJobType("t")
                        .zeebeOutputExpression("result.score * 10", "score")
                        .zeebeOutputExpression("result.grade", "rating.grade"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of("rating", Map.of("source", "crm")));

    engine.completeJob(
        activateOne(engine, "t").key(),
        Map.of("result", Map.of("score", 4, "grade", "B"), "noise", true));

    assertThat(instance(engine, key).variables())
        .containsEntry("score", 40L)
        .containsEntry("rating", Map.of("source", "crm", "grade", "B"))
        .doesNotContainKeys("result", "noise");
  }

  @Test
  void jobVariablesGoToTheNearestScopeThatHasThemElseToTheInstance() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.zeebeInputExpression("10", "counter")
                        .zeebeOutputExpression("counter", "subCounter"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType("inner"))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of("counter", 1));

    ActivatedJob inner = activateOne(engine, "inner");
    // the sub-process's local shadows the instance's variable
    assertThat(inner.variables()).containsEntry("counter", 10L);
    engine.completeJob(inner.key(), Map.of("counter", 11, "fresh", "x"));

    ActivatedJob after = activateOne(engine, "after");
    assertThat(after.variables())
        .containsEntry("counter", 1L)
        .containsEntry("subCounter", 11L)
        .containsEntry("fresh", "x");
  }

  @Test
  void setVariablesLocallyOrPropagated() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .subProcess("sub", s -> s.zeebeInputExpression("\"inner\"", "where"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType("inner"))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of("where", "outer"));
    ActivatedJob job = activateOne(engine, "inner");
    long subKey =
        instance(engine, key).elementInstances().stream()
            .filter(e -> e.elementId().equals("sub"))
            .findFirst()
            .orElseThrow()
            .key();

    long commandKey = engine.setVariables(subKey, Map.of("where", "changed", "added", 1), false);
    engine.setVariables(job.elementInstanceKey(), Map.of("onlyTask", true), true);

    assertThat(commandKey).isGreaterThan(1L << 51);
    var snapshot = instance(engine, key);
    assertThat(snapshot.variables()).containsEntry("where", "outer").containsEntry("added", 1L);
    assertThat(snapshot.elementInstances())
        .filteredOn(e -> e.elementId().equals("sub"))
        .singleElement()
        .satisfies(e -> assertThat(e.variables()).containsEntry("where", "changed"));
    assertThat(snapshot.elementInstances())
        .filteredOn(e -> e.elementId().equals("inner"))
        .singleElement()
        .satisfies(e -> assertThat(e.variables()).containsEntry("onlyTask", true));
  }

  @Test
  void aFailingInputMappingIsAnIncidentResolvedAfterFixingTheData() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask(
                "t",
                t ->
                    t.zeebeJobType("t").zeebeInputExpression("assert(amount, amount != null)", "a"))
            .endEvent()
            .done());
    long key = start(engine, "p", Map.of());
    var incident = onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");

    engine.setVariables(key, Map.of("amount", 3), false);
    engine.resolveIncident(incident.key());

    assertThat(activateOne(engine, "t").variables()).containsEntry("a", 3L);
  }
}

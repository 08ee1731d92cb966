package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.engine.EngineTestSupport.deploy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.Deployment;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeploymentTests {

  private final ProcessEngine engine = EngineFactory.inMemory(EngineSettings.defaults());

  @AfterEach
  void close() {
    engine.close();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DeploymentTests.class.getResourceAsStream("/bpmn/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void assertInvalid(String name, String xml, String... expectedFragments) {
    assertThatThrownBy(() -> deploy(engine, name, xml))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains(expectedFragments);
            });
  }

  @Test
  void deploysAProcessFromXmlAndStartsIt() throws IOException {
    Deployment deployment = deploy(engine, "lead.bpmn", resource("lead-qualification.bpmn"));

    assertThat(deployment.processes())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.bpmnProcessId()).isEqualTo("lead-qualification");
              assertThat(p.version()).isEqualTo(1);
              assertThat(p.resourceName()).isEqualTo("lead.bpmn");
              assertThat(p.processDefinitionKey()).isGreaterThan(1L << 51);
            });
    var created =
        engine.createProcessInstance(
            new CreateProcessInstance(
                deployment.processes().get(0).processDefinitionKey(),
                null,
                -1,
                Map.of("score", 80),
                null));
    assertThat(created.bpmnProcessId()).isEqualTo("lead-qualification");
    assertThat(EngineTestSupport.activateOne(engine, "qualify-lead").customHeaders())
        .containsEntry("owner", "sales");
  }

  @Test
  void anUnchangedResourceIsNotDeployedAgain() {
    var model = Bpmn.createExecutableProcess("same").startEvent().endEvent().done();
    Deployment first = deploy(engine, model);
    Deployment second = deploy(engine, model);
    Deployment changed =
        deploy(
            engine, Bpmn.createExecutableProcess("same").startEvent().task("x").endEvent().done());

    assertThat(second.processes().get(0).processDefinitionKey())
        .isEqualTo(first.processes().get(0).processDefinitionKey());
    assertThat(second.processes().get(0).version()).isEqualTo(1);
    assertThat(changed.processes().get(0).version()).isEqualTo(2);

    var byVersion =
        engine.createProcessInstance(new CreateProcessInstance(0, "same", 1, Map.of(), null));
    assertThat(byVersion.version()).isEqualTo(1);
    var latest =
        engine.createProcessInstance(new CreateProcessInstance(0, "same", -1, Map.of(), null));
    assertThat(latest.version()).isEqualTo(2);
  }

  @Test
  void malformedXmlIsRefusedWithTheParsersReason() {
    assertInvalid("broken.bpmn", "<definitions><process id=\"x\">", "'broken.bpmn'");
  }

  @Test
  void unsupportedElementsAreRefusedNamingTheElement() {
    assertInvalid(
        "timer.bpmn",
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("timer")
                .startEvent()
                .intermediateThrowEvent("escalate", e -> e.escalation("late"))
                .endEvent("announce", e -> e.signal("done"))
                .done()),
        "Element: escalate",
        "escalationEventDefinition",
        "Element: announce",
        "signalEventDefinition",
        "not supported");
    assertInvalid(
        "multi.bpmn",
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("multi")
                .startEvent()
                .receiveTask(
                    "each",
                    t ->
                        t.message(m -> m.name("m").zeebeCorrelationKeyExpression("k"))
                            .multiInstance(m -> m.zeebeInputCollectionExpression("items")))
                .endEvent()
                .done()),
        "Element: each",
        "Multi-instance is not supported on elements of type 'receiveTask'");
  }

  @Test
  void zeebeValidationErrorsAreReported() {
    assertInvalid(
        "notype.bpmn",
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("notype")
                .startEvent()
                .serviceTask("task")
                .endEvent()
                .done()),
        "Element: task",
        "zeebe:taskDefinition");
    assertInvalid(
        "badfeel.bpmn",
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("badfeel")
                .startEvent()
                .serviceTask("t", t -> t.zeebeJobTypeExpression("1 +"))
                .endEvent()
                .done()),
        "Element: t");
  }

  @Test
  void rejectsUnknownResourceTypesAndMissingProcesses() {
    assertThatThrownBy(
            () ->
                engine.deploy(
                    List.of(
                        new DeployResource("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))),
                    null))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_ARGUMENT));
    assertThatThrownBy(
            () ->
                engine.createProcessInstance(
                    new CreateProcessInstance(0, "missing", -1, Map.of(), null)))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Expected to find process definition with process ID 'missing', but none found");
            });
  }

  @Test
  void dmnBusinessRuleTasksAreRefusedAndEveryProblemIsNamedAtOnce() {
    assertInvalid(
        "dmn.bpmn",
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("dmn")
                .startEvent()
                .businessRuleTask(
                    "decide", t -> t.zeebeCalledDecisionId("d").zeebeResultVariable("r"))
                .endEvent()
                .done()),
        "decide",
        "DMN");
    assertInvalid(
        "several.bpmn",
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("several")
                .startEvent()
                .serviceTask("noType")
                .intermediateThrowEvent("announce", e -> e.signal("s"))
                .endEvent()
                .done()),
        "Element: noType",
        "Element: announce");
  }
}

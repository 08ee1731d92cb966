package org.flowcrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses and validates every BPMN model and checks it against this module's contract. */
class ProcessModelsTests {

  static List<String> processIds() {
    return ProcessIds.ALL;
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void parsesAndPassesZeebeValidation(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    Bpmn.validateModel(model);
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    List<String> problems = new ArrayList<>();
    results
        .getResults()
        .forEach(
            (element, list) ->
                list.forEach(
                    result ->
                        problems.add(
                            result.getType()
                                + " "
                                + ((BaseElement) element).getId()
                                + ": "
                                + result.getMessage())));
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void processIdEqualsFileNameAndTargetsCamunda89(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).extracting(Process::getId).containsExactly(processId);
    assertThat(processes.iterator().next().isExecutable()).isTrue();
    String xml = Resources.text(ProcessIds.resource(processId));
    assertThat(xml)
        .contains("xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"")
        .contains("modeler:executionPlatform=\"Camunda Cloud\"")
        .contains("modeler:executionPlatformVersion=\"8.9.0\"");
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void everyFlowNodeAndSequenceFlowHasDiagramInterchange(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    Set<String> shapes =
        model.getModelElementsByType(BpmnShape.class).stream()
            .map(shape -> shape.getBpmnElement().getId())
            .collect(Collectors.toSet());
    Set<String> edges =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .filter(edge -> edge.getWaypoints().size() >= 2)
            .map(edge -> edge.getBpmnElement().getId())
            .collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(FlowNode.class))
        .extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(shapes).contains(id));
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(edges).contains(id));
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void serviceTasksUseKnownJobTypesWithElementTemplates(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    Set<String> templated = Resources.elementTemplateJobTypes();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
      assertThat(definition).as("task definition of %s", task.getId()).isNotNull();
      assertThat(definition.getType()).as("job type of %s", task.getId()).isIn(JobTypes.ALL);
      assertThat(templated)
          .as("element template for %s", task.getId())
          .contains(definition.getType());
    }
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void userTasksAreCamundaUserTasksWithExistingForms(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class))
          .as("zeebe:userTask on %s", task.getId())
          .isNotNull();
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      assertThat(form).as("form of %s", task.getId()).isNotNull();
      assertThat(form.getFormId()).isNotBlank();
      assertThat(Resources.formIds()).contains(form.getFormId());
      ZeebeAssignmentDefinition assignment =
          task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
      assertThat(assignment).as("assignment of %s", task.getId()).isNotNull();
      assertThat(assignment.getAssignee() != null || assignment.getCandidateGroups() != null)
          .as("%s has an assignee or candidate groups", task.getId())
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void expressionsThatMustBeFeelAreFeelAndAllFeelParses(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      assertThat(condition.getTextContent().strip()).startsWith("=");
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      BaseElement expression =
          timer.getTimeDuration() != null
              ? timer.getTimeDuration()
              : timer.getTimeCycle() != null ? timer.getTimeCycle() : timer.getTimeDate();
      assertThat(expression).as("timer %s has an expression", timer.getId()).isNotNull();
    }
    for (ZeebeSubscription subscription : model.getModelElementsByType(ZeebeSubscription.class)) {
      assertThat(subscription.getCorrelationKey()).startsWith("=");
    }
    for (ZeebeAssignmentDefinition assignment :
        model.getModelElementsByType(ZeebeAssignmentDefinition.class)) {
      if (assignment.getAssignee() != null) {
        assertThat(assignment.getAssignee()).startsWith("=");
      }
    }
    List<Feel.Found> expressions =
        Feel.expressionsIn(Resources.text(ProcessIds.resource(processId)));
    assertThat(expressions).isNotEmpty();
    assertThat(expressions)
        .allSatisfy(
            found -> assertThat(Feel.parseError(found.expression())).as(found.where()).isNull());
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void callActivitiesTargetModelsOfThisModule(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
      assertThat(called.getProcessId()).isIn(ProcessIds.ALL);
      assertThat(Resources.exists(ProcessIds.resource(called.getProcessId()))).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void messagesAreKnownAndCorrelated(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    Set<String> known =
        Set.of(
            JobTypes.Messages.INVOICE_PAID,
            JobTypes.Messages.DEAL_LOST,
            JobTypes.Messages.DEAL_STAGE_MOVE);
    for (Message message : model.getModelElementsByType(Message.class)) {
      assertThat(message.getName()).isIn(known);
      ZeebeSubscription subscription =
          message
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(ZeebeSubscription.class)
              .singleResult();
      assertThat(subscription.getCorrelationKey()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("processIds")
  void gatewaysWithSeveralOutgoingFlowsAreConditionedAndTimersAreFeel(String processId) {
    BpmnModelInstance model = Resources.model(processId);
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() > 1) {
        assertThat(gateway.getDefault())
            .as("deciding gateway %s has a default flow", gateway.getId())
            .isNotNull();
        for (SequenceFlow flow : outgoing) {
          assertThat(flow.getConditionExpression() != null || flow.equals(gateway.getDefault()))
              .as(
                  "flow %s out of %s has a condition or is the default",
                  flow.getId(), gateway.getId())
              .isTrue();
        }
      }
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      assertThat(boundary.getOutgoing())
          .as("boundary %s leads somewhere", boundary.getId())
          .hasSize(1);
    }
  }
}

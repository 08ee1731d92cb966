package org.flowcrm.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.flowcrm.engine.feel.Expression;
import org.flowcrm.engine.feel.FeelEvaluator;

/**
 * Turns a BPMN resource into executable processes. Runs Zeebe's own design-time validators first
 * (so messages read like Zeebe's), then refuses every element and event definition this engine does
 * not execute, naming the element: a model either runs completely or is not deployed.
 */
public final class BpmnTransformer {

  private final FeelEvaluator feel;

  public BpmnTransformer(FeelEvaluator feel) {
    this.feel = feel;
  }

  /** A problem found in a resource: the element's id (may be null) and what is wrong. */
  public record Problem(String elementId, String message) {}

  /** The resource could not be deployed; {@link #problems()} says why. */
  public static final class InvalidModelException extends RuntimeException {
    private final List<Problem> problems;

    InvalidModelException(String message, List<Problem> problems) {
      super(message);
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  public List<ExecutableProcess> transform(byte[] resource) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      String reason = e.getMessage();
      Throwable cause = e.getCause();
      while (cause != null) {
        reason = cause.getMessage() != null ? cause.getMessage() : reason;
        cause = cause.getCause();
      }
      throw new InvalidModelException(
          "Failed to parse the BPMN resource: " + reason, List.of(new Problem(null, reason)));
    }
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<ModelElementInstance, List<ValidationResult>> entry :
        model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().entrySet()) {
      for (ValidationResult result : entry.getValue()) {
        if (result.getType() == ValidationResultType.ERROR) {
          problems.add(new Problem(idOf(entry.getKey()), result.getMessage()));
        }
      }
    }
    // our own checks run even when Zeebe's found problems, so one answer names every problem
    boolean zeebeProblems = !problems.isEmpty();
    List<ExecutableProcess> processes = new ArrayList<>();
    try {
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          processes.add(transformProcess(process, problems));
        }
      }
    } catch (RuntimeException e) {
      if (!zeebeProblems) {
        throw e;
      }
      // a model Zeebe already refused may be too broken to transform; its problems suffice
    }
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(null, "Must contain at least one executable process"));
    }
    if (!problems.isEmpty()) {
      List<Problem> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
      throw new InvalidModelException(describe(distinct), distinct);
    }
    return processes;
  }

  private static String describe(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    Map<String, List<String>> byElement = new LinkedHashMap<>();
    for (Problem p : problems) {
      byElement
          .computeIfAbsent(p.elementId() == null ? "" : p.elementId(), k -> new ArrayList<>())
          .add(p.message());
    }
    byElement.forEach(
        (id, messages) -> {
          text.append("- Element: ").append(id.isEmpty() ? "(resource)" : id).append('\n');
          messages.forEach(m -> text.append("    - ERROR: ").append(m).append('\n'));
        });
    return text.toString().stripTrailing();
  }

  private static String idOf(ModelElementInstance element) {
    if (element instanceof BaseElement base) {
      return base.getId();
    }
    String id = element.getAttributeValue("id");
    return id != null ? id : element.getElementType().getTypeName();
  }

  private ExecutableProcess transformProcess(Process process, List<Problem> problems) {
    Map<String, FlowNode> elements = new LinkedHashMap<>();
    FlowNode root = new FlowNode(process.getId(), ElementType.PROCESS, null);
    elements.put(root.id, root);
    List<io.camunda.zeebe.model.bpmn.instance.SequenceFlow> flows = new ArrayList<>();
    transformScope(root, process.getFlowElements(), elements, flows, problems);
    if (root.startEventId == null
        && root.timerStartEventIds.isEmpty()
        && root.messageStartEventIds.isEmpty()
        && root.signalStartEventIds.isEmpty()) {
      problems.add(
          new Problem(
              process.getId(),
              "Must have a none, timer, message or signal start event to be started by this"
                  + " engine"));
    }
    for (io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow : flows) {
      FlowNode source = elements.get(flow.getSource().getId());
      FlowNode target = elements.get(flow.getTarget().getId());
      if (source == null || target == null) {
        continue; // the unsupported end was reported already
      }
      Expression condition = null;
      ConditionExpression conditionExpression = flow.getConditionExpression();
      if (conditionExpression != null && !conditionExpression.getTextContent().isBlank()) {
        String text = conditionExpression.getTextContent().trim();
        if (source.type != ElementType.EXCLUSIVE_GATEWAY
            && source.type != ElementType.INCLUSIVE_GATEWAY) {
          problems.add(
              new Problem(
                  flow.getId(),
                  "Conditional sequence flows are only supported after an exclusive or inclusive"
                      + " gateway"));
        } else if (!text.startsWith("=")) {
          problems.add(
              new Problem(flow.getId(), "Condition must be a FEEL expression starting with '='"));
        } else {
          condition = parse(flow.getId(), () -> Expression.of(text, feel), problems);
        }
      }
      SequenceFlow executable = new SequenceFlow(flow.getId(), source.id, target.id, condition);
      source.outgoing.add(executable);
      target.incoming.add(executable);
    }
    for (FlowNode node : elements.values()) {
      if (node.type == ElementType.EXCLUSIVE_GATEWAY
          || node.type == ElementType.INCLUSIVE_GATEWAY) {
        for (SequenceFlow flow : node.outgoing) {
          boolean unconditional = flow.condition() == null && !flow.id().equals(node.defaultFlowId);
          if (unconditional && node.outgoing.size() > 1) {
            problems.add(
                new Problem(
                    flow.id(), "Must have a condition or be the default flow of its gateway"));
          }
        }
      }
    }
    for (FlowNode node : elements.values()) {
      if (node.type == ElementType.EVENT_BASED_GATEWAY) {
        for (SequenceFlow flow : node.outgoing) {
          FlowNode target = elements.get(flow.targetId());
          if (target.type != ElementType.INTERMEDIATE_CATCH_EVENT) {
            problems.add(
                new Problem(
                    node.id,
                    "An event-based gateway may only lead to intermediate message or timer catch"
                        + " events, not to '"
                        + target.id
                        + "'"));
          }
        }
      }
      if (node.type == ElementType.INCLUSIVE_GATEWAY && node.incoming.size() > 1) {
        computeReachability(node, elements);
      }
    }
    return new ExecutableProcess(process.getId(), elements);
  }

  /** For an inclusive join: which elements of its scope can still send a token to each flow. */
  private static void computeReachability(FlowNode join, Map<String, FlowNode> elements) {
    for (SequenceFlow flow : join.incoming) {
      Set<String> reaching = new LinkedHashSet<>();
      Deque<String> todo = new ArrayDeque<>();
      todo.add(flow.sourceId());
      while (!todo.isEmpty()) {
        String id = todo.poll();
        if (id.equals(join.id) || !reaching.add(id)) {
          continue;
        }
        FlowNode node = elements.get(id);
        if (node == null) {
          continue; // an unsupported element, reported already
        }
        for (SequenceFlow in : node.incoming) {
          todo.add(in.sourceId());
        }
        if (node.type == ElementType.BOUNDARY_EVENT) {
          todo.add(node.attachedToId);
        }
      }
      join.reachingIncoming.put(flow.id(), reaching);
    }
  }

  private void transformScope(
      FlowNode scope,
      Collection<FlowElement> children,
      Map<String, FlowNode> elements,
      List<io.camunda.zeebe.model.bpmn.instance.SequenceFlow> flows,
      List<Problem> problems) {
    List<BoundaryEvent> boundaries = new ArrayList<>();
    for (FlowElement element : children) {
      if (element instanceof io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow) {
        flows.add(flow);
        continue;
      }
      if (!(element instanceof io.camunda.zeebe.model.bpmn.instance.FlowNode)) {
        continue; // data objects and references carry no behaviour
      }
      FlowNode node = transformNode(scope, element, elements, flows, problems);
      if (node == null) {
        continue;
      }
      elements.put(node.id, node);
      if (element instanceof BoundaryEvent boundary) {
        boundaries.add(boundary);
      }
      if (element.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
        problems.add(new Problem(element.getId(), "Execution listeners are not supported"));
      }
      if (element instanceof Activity activity && activity.getLoopCharacteristics() != null) {
        readMultiInstance(node, activity, problems);
      }
    }
    for (BoundaryEvent boundary : boundaries) {
      FlowNode node = elements.get(boundary.getId());
      FlowNode attached = elements.get(boundary.getAttachedTo().getId());
      if (attached != null && node != null) {
        attached.boundaryEvents.add(node);
      }
    }
  }

  private FlowNode transformNode(
      FlowNode scope,
      FlowElement element,
      Map<String, FlowNode> elements,
      List<io.camunda.zeebe.model.bpmn.instance.SequenceFlow> flows,
      List<Problem> problems) {
    String id = element.getId();
    FlowNode node;
    if (element instanceof StartEvent start && scope.type == ElementType.EVENT_SUB_PROCESS) {
      node = transformEventSubProcessStart(scope, start, problems);
      if (node == null) {
        return null;
      }
    } else if (element instanceof StartEvent start
        && start.getEventDefinitions().size() == 1
        && start.getEventDefinitions().iterator().next() instanceof TimerEventDefinition timer
        && scope.type == ElementType.PROCESS) {
      node = new FlowNode(id, ElementType.START_EVENT, scope.id);
      readTimer(
          node,
          timer,
          EnumSet.of(FlowNode.TimerKind.DATE, FlowNode.TimerKind.CYCLE),
          PROCESS_TIMER_START,
          problems);
      scope.timerStartEventIds.add(id);
    } else if (element instanceof StartEvent start
        && start.getEventDefinitions().size() == 1
        && start.getEventDefinitions().iterator().next() instanceof MessageEventDefinition message
        && scope.type == ElementType.PROCESS) {
      node = new FlowNode(id, ElementType.START_EVENT, scope.id);
      readMessage(node, message.getMessage(), false, problems);
      if (node.messageName != null && !node.messageName.isStatic()) {
        problems.add(new Problem(id, "The message name of a start event must be static"));
      }
      scope.messageStartEventIds.add(id);
    } else if (element instanceof StartEvent start
        && start.getEventDefinitions().size() == 1
        && start.getEventDefinitions().iterator().next() instanceof SignalEventDefinition signal
        && scope.type == ElementType.PROCESS) {
      node = new FlowNode(id, ElementType.START_EVENT, scope.id);
      readSignal(node, signal, problems);
      if (node.signalName != null && !node.signalName.isStatic()) {
        problems.add(new Problem(id, "The signal name of a start event must be static"));
      }
      scope.signalStartEventIds.add(id);
    } else if (element instanceof StartEvent start) {
      if (!start.getEventDefinitions().isEmpty()) {
        return unsupported(id, start.getEventDefinitions(), "start events", problems);
      }
      node = new FlowNode(id, ElementType.START_EVENT, scope.id);
      if (scope.startEventId != null) {
        problems.add(new Problem(id, "Only one none start event per scope is supported"));
      }
      scope.startEventId = id;
    } else if (element instanceof EndEvent end) {
      node = new FlowNode(id, ElementType.END_EVENT, scope.id);
      Collection<EventDefinition> definitions = end.getEventDefinitions();
      if (definitions.size() > 1) {
        problems.add(new Problem(id, "Multiple event definitions are not supported"));
      } else if (definitions.size() == 1) {
        EventDefinition definition = definitions.iterator().next();
        if (definition instanceof TerminateEventDefinition) {
          node.endKind = FlowNode.EndKind.TERMINATE;
        } else if (definition instanceof ErrorEventDefinition error) {
          node.endKind = FlowNode.EndKind.ERROR;
          String code = error.getError() == null ? null : error.getError().getErrorCode();
          if (code == null || code.isBlank()) {
            problems.add(new Problem(id, "An error end event must reference an error code"));
          } else {
            node.errorCode = parse(id, () -> Expression.of(code, feel), problems);
          }
        } else {
          return unsupported(id, definitions, "end events", problems);
        }
      }
    } else if (element instanceof IntermediateThrowEvent event) {
      if (!event.getEventDefinitions().isEmpty()) {
        return unsupported(id, event.getEventDefinitions(), "intermediate throw events", problems);
      }
      node = new FlowNode(id, ElementType.INTERMEDIATE_THROW_EVENT, scope.id);
    } else if (element instanceof IntermediateCatchEvent event) {
      Collection<EventDefinition> definitions = event.getEventDefinitions();
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof MessageEventDefinition message) {
        node = new FlowNode(id, ElementType.INTERMEDIATE_CATCH_EVENT, scope.id);
        readMessage(node, message.getMessage(), true, problems);
        readMappings(node, element, problems);
        return node;
      }
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof SignalEventDefinition signal) {
        node = new FlowNode(id, ElementType.INTERMEDIATE_CATCH_EVENT, scope.id);
        readSignal(node, signal, problems);
        readMappings(node, element, problems);
        return node;
      }
      if (definitions.size() != 1
          || !(definitions.iterator().next() instanceof TimerEventDefinition timer)) {
        return unsupported(id, definitions, "intermediate catch events", problems);
      }
      node = new FlowNode(id, ElementType.INTERMEDIATE_CATCH_EVENT, scope.id);
      readTimer(
          node,
          timer,
          EnumSet.of(FlowNode.TimerKind.DURATION, FlowNode.TimerKind.DATE),
          "an intermediate timer catch event",
          problems);
    } else if (element instanceof BoundaryEvent boundary) {
      if (boundary.getAttachedTo() == null) {
        problems.add(new Problem(id, "A boundary event must be attached to an activity"));
        return null;
      }
      Collection<EventDefinition> definitions = boundary.getEventDefinitions();
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof TimerEventDefinition timer) {
        node = new FlowNode(id, ElementType.BOUNDARY_EVENT, scope.id);
        node.attachedToId = boundary.getAttachedTo().getId();
        node.interrupting = boundary.cancelActivity();
        readTimer(
            node,
            timer,
            node.interrupting
                ? EnumSet.of(FlowNode.TimerKind.DURATION, FlowNode.TimerKind.DATE)
                : EnumSet.allOf(FlowNode.TimerKind.class),
            node.interrupting
                ? "an interrupting boundary timer"
                : "a non-interrupting boundary timer",
            problems);
        readMappings(node, element, problems);
        if (!node.inputs.isEmpty()) {
          problems.add(new Problem(id, "Input mappings are not supported on this event"));
        }
        return node;
      }
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof SignalEventDefinition signal) {
        node = new FlowNode(id, ElementType.BOUNDARY_EVENT, scope.id);
        node.attachedToId = boundary.getAttachedTo().getId();
        node.interrupting = boundary.cancelActivity();
        readSignal(node, signal, problems);
        readMappings(node, element, problems);
        if (!node.inputs.isEmpty()) {
          problems.add(new Problem(id, "Input mappings are not supported on this event"));
        }
        return node;
      }
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof MessageEventDefinition message) {
        node = new FlowNode(id, ElementType.BOUNDARY_EVENT, scope.id);
        node.attachedToId = boundary.getAttachedTo().getId();
        node.interrupting = boundary.cancelActivity();
        readMessage(node, message.getMessage(), true, problems);
        readMappings(node, element, problems);
        if (!node.inputs.isEmpty()) {
          problems.add(new Problem(id, "Input mappings are not supported on this event"));
        }
        return node;
      }
      if (definitions.size() != 1
          || !(definitions.iterator().next() instanceof ErrorEventDefinition error)) {
        return unsupported(id, definitions, "boundary events", problems);
      }
      if (!boundary.cancelActivity()) {
        problems.add(new Problem(id, "Error boundary events must be interrupting"));
      }
      node = new FlowNode(id, ElementType.BOUNDARY_EVENT, scope.id);
      node.errorBoundary = true;
      node.attachedToId = boundary.getAttachedTo().getId();
      String code = error.getError() == null ? null : error.getError().getErrorCode();
      node.caughtErrorCode = code == null || code.isBlank() ? null : code;
      if (node.caughtErrorCode != null && node.caughtErrorCode.startsWith("=")) {
        problems.add(new Problem(id, "The caught error code must be static, not an expression"));
      }
    } else if (element instanceof CallActivity call) {
      node = transformCallActivity(scope, call, problems);
    } else if (element instanceof ServiceTask
        || element instanceof SendTask
        || element instanceof BusinessRuleTask
        || element instanceof ScriptTask) {
      node = transformTask(scope, (Activity) element, problems);
    } else if (element instanceof io.camunda.zeebe.model.bpmn.instance.UserTask task) {
      node = transformUserTask(scope, task, problems);
    } else if (element instanceof ReceiveTask receive) {
      node = new FlowNode(id, ElementType.RECEIVE_TASK, scope.id);
      readMessage(node, receive.getMessage(), true, problems);
    } else if (element instanceof ManualTask
        || "task".equals(element.getElementType().getTypeName())) {
      node = new FlowNode(id, ElementType.PASS_THROUGH_TASK, scope.id);
    } else if (element instanceof ExclusiveGateway gateway) {
      node = new FlowNode(id, ElementType.EXCLUSIVE_GATEWAY, scope.id);
      node.defaultFlowId = gateway.getDefault() == null ? null : gateway.getDefault().getId();
    } else if (element instanceof InclusiveGateway gateway) {
      node = new FlowNode(id, ElementType.INCLUSIVE_GATEWAY, scope.id);
      node.defaultFlowId = gateway.getDefault() == null ? null : gateway.getDefault().getId();
    } else if (element instanceof EventBasedGateway) {
      node = new FlowNode(id, ElementType.EVENT_BASED_GATEWAY, scope.id);
    } else if (element instanceof ParallelGateway) {
      node = new FlowNode(id, ElementType.PARALLEL_GATEWAY, scope.id);
    } else if (element instanceof SubProcess sub
        && "subProcess".equals(sub.getElementType().getTypeName())) {
      if (sub.triggeredByEvent()) {
        node = new FlowNode(id, ElementType.EVENT_SUB_PROCESS, scope.id);
        transformScope(node, sub.getFlowElements(), elements, flows, problems);
        if (node.startEventId == null) {
          problems.add(
              new Problem(
                  id, "An event sub-process must have one timer, message or error start event"));
        } else {
          scope.eventSubProcessStarts.add(elements.get(node.startEventId));
        }
        readMappings(node, element, problems);
        if (!node.inputs.isEmpty()) {
          problems.add(new Problem(id, "Input mappings are not supported on event sub-processes"));
        }
        return node;
      }
      node = new FlowNode(id, ElementType.SUB_PROCESS, scope.id);
      transformScope(node, sub.getFlowElements(), elements, flows, problems);
      if (node.startEventId == null) {
        problems.add(new Problem(id, "An embedded sub-process must have a none start event"));
      }
    } else {
      problems.add(
          new Problem(
              id,
              "Elements of type '"
                  + element.getElementType().getTypeName()
                  + "' are not supported by this engine"));
      return null;
    }
    if (node == null) {
      return null; // the reason is among the problems
    }
    // gateways have no mappings in Zeebe; start and catch events only output mappings
    if (!(element instanceof io.camunda.zeebe.model.bpmn.instance.Gateway)) {
      readMappings(node, element, problems);
      if (!node.inputs.isEmpty()
          && (element instanceof StartEvent || element instanceof BoundaryEvent)) {
        problems.add(new Problem(id, "Input mappings are not supported on this event"));
      }
    }
    return node;
  }

  /**
   * The start event of an event sub-process: exactly one timer, message or error definition; error
   * start events always interrupt (as in Zeebe).
   */
  private FlowNode transformEventSubProcessStart(
      FlowNode scope, StartEvent start, List<Problem> problems) {
    String id = start.getId();
    if (scope.startEventId != null) {
      problems.add(new Problem(id, "An event sub-process must have exactly one start event"));
      return null;
    }
    Collection<EventDefinition> definitions = start.getEventDefinitions();
    if (definitions.size() != 1) {
      problems.add(
          new Problem(
              id,
              "The start event of an event sub-process must have one timer, message or error"
                  + " event definition"));
      return null;
    }
    EventDefinition definition = definitions.iterator().next();
    FlowNode node = new FlowNode(id, ElementType.START_EVENT, scope.id);
    node.interrupting = start.isInterrupting();
    if (definition instanceof TimerEventDefinition timer) {
      readTimer(
          node,
          timer,
          node.interrupting
              ? EnumSet.of(FlowNode.TimerKind.DURATION, FlowNode.TimerKind.DATE)
              : EnumSet.allOf(FlowNode.TimerKind.class),
          node.interrupting
              ? "an interrupting event sub-process timer start event"
              : "a non-interrupting event sub-process timer start event",
          problems);
    } else if (definition instanceof MessageEventDefinition message) {
      readMessage(node, message.getMessage(), true, problems);
    } else if (definition instanceof SignalEventDefinition signal) {
      readSignal(node, signal, problems);
    } else if (definition instanceof ErrorEventDefinition error) {
      if (!node.interrupting) {
        problems.add(new Problem(id, "An error start event must be interrupting"));
      }
      node.errorBoundary = true;
      String code = error.getError() == null ? null : error.getError().getErrorCode();
      node.caughtErrorCode = code == null || code.isBlank() ? null : code;
      if (node.caughtErrorCode != null && node.caughtErrorCode.startsWith("=")) {
        problems.add(new Problem(id, "The caught error code must be static, not an expression"));
      }
    } else {
      return unsupported(id, definitions, "event sub-process start events", problems);
    }
    scope.startEventId = id;
    return node;
  }

  /** Element types that can be multi-instance here. */
  private static final Set<ElementType> MULTI_INSTANCE_TYPES =
      EnumSet.of(
          ElementType.JOB_TASK,
          ElementType.USER_TASK,
          ElementType.SCRIPT_TASK,
          ElementType.SUB_PROCESS,
          ElementType.CALL_ACTIVITY);

  /** Reads {@code zeebe:loopCharacteristics}; standard loops and cardinality are refused. */
  private void readMultiInstance(FlowNode node, Activity activity, List<Problem> problems) {
    String id = node.id;
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop)) {
      problems.add(
          new Problem(
              id,
              "Loop characteristics of type '"
                  + activity.getLoopCharacteristics().getElementType().getTypeName()
                  + "' are not supported (only multi-instance)"));
      return;
    }
    if (!MULTI_INSTANCE_TYPES.contains(node.type)) {
      problems.add(
          new Problem(
              id,
              "Multi-instance is not supported on elements of type '"
                  + activity.getElementType().getTypeName()
                  + "'"));
      return;
    }
    ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null
        || zeebe.getInputCollection() == null
        || zeebe.getInputCollection().isBlank()) {
      problems.add(
          new Problem(
              id,
              "A multi-instance activity must have a zeebe:loopCharacteristics"
                  + " inputCollection"));
      return;
    }
    Expression input = parse(id, () -> Expression.of(zeebe.getInputCollection(), feel), problems);
    Expression output = optional(id, zeebe.getOutputElement(), problems);
    Expression completion = null;
    if (loop.getCompletionCondition() != null
        && loop.getCompletionCondition().getTextContent() != null
        && !loop.getCompletionCondition().getTextContent().isBlank()) {
      String text = loop.getCompletionCondition().getTextContent().trim();
      completion =
          parse(
              id,
              () -> text.startsWith("=") ? Expression.of(text, feel) : Expression.feel(text, feel),
              problems);
    }
    String outputCollection = blankToNull(zeebe.getOutputCollection());
    if ((outputCollection == null) != (output == null)) {
      problems.add(
          new Problem(
              id, "outputCollection and outputElement must be defined together, or neither"));
    }
    if (input != null) {
      node.multiInstance =
          new MultiInstance(
              loop.isSequential(),
              input,
              blankToNull(zeebe.getInputElement()),
              outputCollection,
              output,
              completion);
    }
  }

  /** A call activity: the called process by id (static or FEEL), always its latest version. */
  private FlowNode transformCallActivity(
      FlowNode scope, CallActivity call, List<Problem> problems) {
    String id = call.getId();
    FlowNode node = new FlowNode(id, ElementType.CALL_ACTIVITY, scope.id);
    ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      problems.add(new Problem(id, "Must have a zeebe:calledElement with a processId"));
      return null;
    }
    node.calledProcessId =
        parse(id, () -> Expression.of(called.getProcessId().trim(), feel), problems);
    node.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
    node.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
    ZeebeBindingType binding = called.getBindingType();
    if (binding != null && binding != ZeebeBindingType.latest) {
      problems.add(
          new Problem(
              id,
              "The called element binding type '"
                  + binding
                  + "' is not supported by this engine (supported: latest)"));
    }
    return node;
  }

  private FlowNode transformTask(FlowNode scope, Activity task, List<Problem> problems) {
    String id = task.getId();
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    ZeebeScript script = task.getSingleExtensionElement(ZeebeScript.class);
    if (definition != null) {
      FlowNode node = new FlowNode(id, ElementType.JOB_TASK, scope.id);
      node.jobType = parse(id, () -> Expression.of(definition.getType(), feel), problems);
      String retries = definition.getRetries();
      node.jobRetries =
          parse(
              id,
              () -> Expression.of(retries == null || retries.isBlank() ? "3" : retries, feel),
              problems);
      if (node.jobRetries != null && node.jobRetries.isStatic()) {
        try {
          Integer.parseInt(node.jobRetries.source().trim());
        } catch (NumberFormatException e) {
          problems.add(new Problem(id, "Job retries must be a number: '" + retries + "'"));
        }
      }
      ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        for (ZeebeHeader header : headers.getHeaders()) {
          if (header.getKey() != null) {
            node.headers.put(header.getKey(), header.getValue() == null ? "" : header.getValue());
          }
        }
      }
      return node;
    }
    if (script != null && task instanceof ScriptTask) {
      FlowNode node = new FlowNode(id, ElementType.SCRIPT_TASK, scope.id);
      String expression = script.getExpression() == null ? "" : script.getExpression().trim();
      if (!expression.startsWith("=")) {
        problems.add(new Problem(id, "The script must be a FEEL expression starting with '='"));
      } else {
        node.script = parse(id, () -> Expression.of(expression, feel), problems);
      }
      node.resultVariable = script.getResultVariable();
      if (node.resultVariable == null || node.resultVariable.isBlank()) {
        problems.add(new Problem(id, "A script task must name its result variable"));
      }
      return node;
    }
    problems.add(
        new Problem(
            id,
            task instanceof BusinessRuleTask
                ? "Business rule tasks are supported only with a zeebe:taskDefinition (no DMN)"
                : "Must have a zeebe:taskDefinition"
                    + (task instanceof ScriptTask ? " or a zeebe:script" : "")));
    return null;
  }

  /** Job type of user tasks without {@code zeebe:userTask}, as Zeebe names it. */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  private FlowNode transformUserTask(
      FlowNode scope, io.camunda.zeebe.model.bpmn.instance.UserTask task, List<Problem> problems) {
    String id = task.getId();
    boolean modern = task.getSingleExtensionElement(ZeebeUserTask.class) != null;
    FlowNode node =
        new FlowNode(id, modern ? ElementType.USER_TASK : ElementType.JOB_TASK, scope.id);
    node.name = task.getName();
    if (task.getSingleExtensionElement(ZeebeTaskListeners.class) != null
        && !task.getSingleExtensionElement(ZeebeTaskListeners.class).getTaskListeners().isEmpty()) {
      problems.add(new Problem(id, "Task listeners are not supported"));
    }
    ZeebeAssignmentDefinition assignment =
        task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    if (assignment != null) {
      node.assignee = optional(id, assignment.getAssignee(), problems);
      node.candidateGroups = optional(id, assignment.getCandidateGroups(), problems);
      node.candidateUsers = optional(id, assignment.getCandidateUsers(), problems);
    }
    ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    if (schedule != null) {
      node.dueDate = optional(id, schedule.getDueDate(), problems);
      node.followUpDate = optional(id, schedule.getFollowUpDate(), problems);
    }
    ZeebePriorityDefinition priority =
        task.getSingleExtensionElement(ZeebePriorityDefinition.class);
    if (priority != null) {
      node.priority = optional(id, priority.getPriority(), problems);
      if (node.priority != null && node.priority.isStatic()) {
        try {
          int value = Integer.parseInt(node.priority.source().trim());
          if (value < 0 || value > 100) {
            problems.add(new Problem(id, "Priority must be between 0 and 100: " + value));
          }
        } catch (NumberFormatException e) {
          problems.add(
              new Problem(id, "Priority must be a number: '" + node.priority.source() + "'"));
        }
      }
    }
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null) {
      node.formKey = blankToNull(form.getFormKey());
      node.formId = blankToNull(form.getFormId());
      node.externalFormReference = optional(id, form.getExternalReference(), problems);
      if (modern && node.formKey != null) {
        problems.add(
            new Problem(
                id,
                "A zeebe:userTask links a form by formId or externalReference, not by formKey"));
      }
    }
    ZeebeTaskHeaders headers = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers != null) {
      for (ZeebeHeader header : headers.getHeaders()) {
        if (header.getKey() != null) {
          node.headers.put(header.getKey(), header.getValue() == null ? "" : header.getValue());
        }
      }
    }
    if (!modern) {
      node.jobBasedUserTask = true;
      node.jobType = Expression.of(USER_TASK_JOB_TYPE, feel);
      node.jobRetries = Expression.of("3", feel);
      if (node.formId != null || node.externalFormReference != null) {
        problems.add(
            new Problem(
                id,
                "A job-based user task (no zeebe:userTask) links a form only by formKey; add"
                    + " zeebe:userTask to use formId or externalReference"));
      }
    }
    return node;
  }

  private Expression optional(String id, String attribute, List<Problem> problems) {
    if (attribute == null || attribute.isBlank()) {
      return null;
    }
    return parse(id, () -> Expression.of(attribute, feel), problems);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Reads a message reference: its name and (for catch events) its correlation key. */
  private void readMessage(
      FlowNode node,
      io.camunda.zeebe.model.bpmn.instance.Message message,
      boolean needsKey,
      List<Problem> problems) {
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      problems.add(new Problem(node.id, "Must reference a message with a name"));
      return;
    }
    node.messageName = parse(node.id, () -> Expression.of(message.getName(), feel), problems);
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    String key = subscription == null ? null : subscription.getCorrelationKey();
    if (key != null && !key.isBlank()) {
      node.correlationKey = parse(node.id, () -> Expression.of(key, feel), problems);
    } else if (needsKey) {
      problems.add(
          new Problem(node.id, "Must have a correlation key (zeebe:subscription correlationKey)"));
    }
  }

  /** What a process's timer start event is called in messages; its timer is evaluated at deploy. */
  private static final String PROCESS_TIMER_START = "a timer start event";

  /** Reads a signal reference: its name (static or FEEL). */
  private void readSignal(FlowNode node, SignalEventDefinition definition, List<Problem> problems) {
    io.camunda.zeebe.model.bpmn.instance.Signal signal = definition.getSignal();
    if (signal == null || signal.getName() == null || signal.getName().isBlank()) {
      problems.add(new Problem(node.id, "Must reference a signal with a name"));
      return;
    }
    node.signalName = parse(node.id, () -> Expression.of(signal.getName(), feel), problems);
  }

  /** Reads a timer definition, refusing kinds the element cannot have and bad static values. */
  private void readTimer(
      FlowNode node,
      TimerEventDefinition timer,
      Set<FlowNode.TimerKind> allowed,
      String what,
      List<Problem> problems) {
    String text = null;
    if (timer.getTimeDuration() != null) {
      node.timerKind = FlowNode.TimerKind.DURATION;
      text = timer.getTimeDuration().getTextContent();
    } else if (timer.getTimeDate() != null) {
      node.timerKind = FlowNode.TimerKind.DATE;
      text = timer.getTimeDate().getTextContent();
    } else if (timer.getTimeCycle() != null) {
      node.timerKind = FlowNode.TimerKind.CYCLE;
      text = timer.getTimeCycle().getTextContent();
    }
    if (node.timerKind == null || text == null || text.isBlank()) {
      problems.add(new Problem(node.id, "A timer must have a duration, a date or a cycle"));
      return;
    }
    if (!allowed.contains(node.timerKind)) {
      problems.add(
          new Problem(
              node.id,
              "A timer "
                  + node.timerKind.name().toLowerCase(java.util.Locale.ROOT)
                  + " is not supported on "
                  + what
                  + " (supported: "
                  + allowed.stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).toList()
                  + ")"));
      return;
    }
    String source = text.trim();
    node.timer = parse(node.id, () -> Expression.of(source, feel), problems);
    if (node.timer != null && node.timer.isStatic()) {
      String error = Timers.check(node.timerKind, source);
      if (error != null) {
        problems.add(new Problem(node.id, error));
      }
    } else if (node.timer != null && PROCESS_TIMER_START.equals(what)) {
      // a start timer is evaluated at deploy, without variables: check it now
      FeelEvaluator.Result value = node.timer.evaluate(feel, Map.of());
      if (value.isFailure() || !(value.value() instanceof String evaluated)) {
        problems.add(
            new Problem(
                node.id,
                "Expected the timer expression '"
                    + node.timer.source()
                    + "' to evaluate to a string without variables, but "
                    + (value.isFailure() ? value.failure() : "it was " + value.value())));
      } else {
        String error = Timers.check(node.timerKind, evaluated);
        if (error != null) {
          problems.add(new Problem(node.id, error));
        }
      }
    }
  }

  private void readMappings(FlowNode node, FlowElement element, List<Problem> problems) {
    ZeebeIoMapping io = element.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    for (ZeebeInput input : io.getInputs()) {
      Mapping mapping = mapping(element.getId(), input.getSource(), input.getTarget(), problems);
      if (mapping != null) {
        node.inputs.add(mapping);
      }
    }
    for (ZeebeOutput output : io.getOutputs()) {
      Mapping mapping = mapping(element.getId(), output.getSource(), output.getTarget(), problems);
      if (mapping != null) {
        node.outputs.add(mapping);
      }
    }
    node.hasOutputMappings = !io.getOutputs().isEmpty();
  }

  private Mapping mapping(String id, String source, String target, List<Problem> problems) {
    if (target == null || target.isBlank()) {
      problems.add(new Problem(id, "A mapping must have a target"));
      return null;
    }
    Expression expression =
        parse(id, () -> Expression.of(source == null ? "=null" : source, feel), problems);
    return expression == null ? null : new Mapping(expression, target.trim());
  }

  private static Expression parse(String id, Supplier<Expression> parser, List<Problem> problems) {
    try {
      return parser.get();
    } catch (FeelEvaluator.InvalidExpressionException e) {
      problems.add(new Problem(id, "Invalid FEEL expression: " + e.getMessage()));
      return null;
    }
  }

  private static FlowNode unsupported(
      String id, Collection<EventDefinition> definitions, String what, List<Problem> problems) {
    Set<String> kinds = new HashSet<>();
    for (EventDefinition definition : definitions) {
      kinds.add(definition.getElementType().getTypeName());
    }
    problems.add(
        new Problem(
            id,
            "Event definition(s) " + kinds + " on " + what + " are not supported by this engine"));
    return null;
  }
}

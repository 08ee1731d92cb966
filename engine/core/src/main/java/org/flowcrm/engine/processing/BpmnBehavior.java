package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.engine.feel.Expression;
import org.flowcrm.engine.feel.FeelEvaluator;
import org.flowcrm.engine.model.ElementType;
import org.flowcrm.engine.model.ExecutableProcess;
import org.flowcrm.engine.model.FlowNode;
import org.flowcrm.engine.model.Mapping;
import org.flowcrm.engine.model.MultiInstance;
import org.flowcrm.engine.model.SequenceFlow;
import org.flowcrm.engine.model.Timers;
import org.flowcrm.engine.state.DeployedProcess;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Incident;
import org.flowcrm.engine.state.Job;
import org.flowcrm.engine.state.MessageSubscription;
import org.flowcrm.engine.state.ProcessInstance;
import org.flowcrm.engine.state.Timer;
import org.flowcrm.engine.state.UserTask;

/**
 * How BPMN elements behave: activation, completion, leaving through sequence flows, joins, errors,
 * termination and incidents. Runs on the processing thread only and records every changed instance
 * in the current {@link Batch}.
 */
final class BpmnBehavior {

  private final EngineState state;
  private final FeelEvaluator feel;
  private final java.time.Clock clock;
  private Batch batch;

  BpmnBehavior(EngineState state, FeelEvaluator feel, java.time.Clock clock) {
    this.state = state;
    this.feel = feel;
    this.clock = clock;
  }

  void useBatch(Batch batch) {
    this.batch = batch;
  }

  /** Why an element could not go on: becomes an incident. */
  private record Failure(Incident.ErrorType type, String message) {}

  // ------------------------------------------------------------------ instance lifecycle

  ProcessInstance start(DeployedProcess definition, Map<String, Object> variables) {
    return start(definition, variables, definition.executable().process().startEventId());
  }

  /** Starts an instance at the given start event (the none start event, or a timer's). */
  ProcessInstance start(
      DeployedProcess definition, Map<String, Object> variables, String startEventId) {
    return start(definition, variables, startEventId, null);
  }

  /** Starts an instance at a message start event; a non-empty key is remembered while active. */
  ProcessInstance start(
      DeployedProcess definition,
      Map<String, Object> variables,
      String startEventId,
      String correlationKey) {
    return start(definition, variables, startEventId, correlationKey, null, null);
  }

  /**
   * Starts an instance; a call activity passes itself as {@code callActivity} so the child knows
   * whom to report to, and the link exists before the child's first element runs (a child may
   * complete at once).
   */
  private ProcessInstance start(
      DeployedProcess definition,
      Map<String, Object> variables,
      String startEventId,
      String correlationKey,
      ProcessInstance parent,
      ElementInstance callActivity) {
    ProcessInstance instance = new ProcessInstance();
    instance.key = state.nextKey();
    instance.processDefinitionKey = definition.key();
    instance.bpmnProcessId = definition.bpmnProcessId();
    instance.version = definition.version();
    instance.tenantId = definition.tenantId();
    instance.startTime = clock.millis();
    if (parent != null) {
      instance.parentProcessInstanceKey = parent.key;
      instance.parentElementInstanceKey = callActivity.key;
      callActivity.calledInstanceKey = instance.key;
      batch.changed(parent);
    }
    state.addInstance(instance);
    if (correlationKey != null && !correlationKey.isEmpty()) {
      instance.startCorrelationKey = correlationKey;
      state.startedByMessage(instance);
    }
    ElementInstance root = new ElementInstance(instance.key, definition.bpmnProcessId(), -1);
    root.state = ElementInstance.State.ACTIVE;
    root.variables.putAll(variables);
    state.addElement(instance, root);
    batch.changed(instance);
    root.startEventId = startEventId;
    startRoot(instance, root);
    return instance;
  }

  /**
   * Opens the process's event sub-processes, then activates its start event; also what resolving an
   * incident on the process itself (an event sub-process that could not be opened) repeats.
   */
  private void startRoot(ProcessInstance instance, ElementInstance root) {
    ExecutableProcess process = process(instance);
    Failure failure = openEventSubProcesses(instance, root, process.process());
    if (failure != null) {
      raiseIncident(instance, root, failure, 0);
      return;
    }
    String startEventId = root.startEventId;
    root.startEventId = null;
    activate(instance, root, process.element(startEventId));
  }

  void cancel(ProcessInstance instance) {
    terminateChildren(instance, instance.root());
    finish(instance, "TERMINATED");
  }

  private void finish(ProcessInstance instance, String how) {
    Map<String, Object> variables = new LinkedHashMap<>(instance.root().variables);
    // normally nothing is left but the process itself; whatever is, ends with the instance
    for (ElementInstance left : List.copyOf(instance.elements.values())) {
      if (left.flowScopeKey != -1) {
        ended(instance, left, TERMINATED);
      }
    }
    state.removeInstance(instance);
    batch.changed.remove(instance.key);
    batch.finished.put(instance.key, new Batch.Finished(instance, how, variables, clock.millis()));
    if ("COMPLETED".equals(how) && instance.parentProcessInstanceKey != 0) {
      calledProcessCompleted(instance, variables);
    }
  }

  /**
   * A child started by a call activity completed: the call activity completes with the child's
   * variables, which its output mappings read; without output mappings all of them are merged,
   * unless {@code propagateAllChildVariables} is false (then none are).
   */
  private void calledProcessCompleted(ProcessInstance child, Map<String, Object> variables) {
    ProcessInstance parent = state.instance(child.parentProcessInstanceKey);
    if (parent == null) {
      return;
    }
    ElementInstance call = parent.elements.get(child.parentElementInstanceKey);
    if (call == null || call.calledInstanceKey != child.key) {
      return; // the call activity was terminated meanwhile
    }
    call.calledInstanceKey = 0;
    FlowNode node = process(parent).element(call.elementId);
    call.pendingVariables =
        node.propagateAllChildVariables() || node.hasOutputMappings()
            ? new LinkedHashMap<>(variables)
            : null;
    batch.changed(parent);
    complete(parent, call, node);
  }

  /**
   * A call activity starts the latest version of the called process with the variables visible here
   * (or, with {@code propagateAllParentVariables=false}, only its input mappings' results).
   */
  private void callProcess(ProcessInstance instance, ElementInstance element, FlowNode node) {
    Map<String, Object> visible = visibleVariables(instance, element);
    FeelEvaluator.Result id = node.calledProcessId().evaluate(feel, visible);
    if (id.isFailure() || !(id.value() instanceof String processId) || processId.isBlank()) {
      raiseIncident(
          instance,
          element,
          new Failure(
              Incident.ErrorType.EXTRACT_VALUE_ERROR,
              expectedType(node.calledProcessId(), "STRING", id)),
          0);
      return;
    }
    DeployedProcess called = state.latest(processId);
    if (called == null) {
      raiseIncident(
          instance,
          element,
          new Failure(
              Incident.ErrorType.CALLED_ELEMENT_ERROR,
              "Expected process with BPMN process id '"
                  + processId
                  + "' to be deployed, but not found."),
          0);
      return;
    }
    String startEventId = called.executable().process().startEventId();
    if (startEventId == null) {
      raiseIncident(
          instance,
          element,
          new Failure(
              Incident.ErrorType.CALLED_ELEMENT_ERROR,
              "Expected process with BPMN process id '"
                  + processId
                  + "' to have a none start event, but not found."),
          0);
      return;
    }
    Map<String, Object> variables =
        node.propagateAllParentVariables() ? visible : new LinkedHashMap<>(element.variables);
    element.state = ElementInstance.State.ACTIVE;
    batch.changed(instance);
    start(called, variables, startEventId, null, instance, element);
  }

  private boolean isRunning(ProcessInstance instance) {
    return state.instance(instance.key) == instance;
  }

  ExecutableProcess process(ProcessInstance instance) {
    return state.definition(instance.processDefinitionKey).executable();
  }

  // ------------------------------------------------------------------ variables

  /** All variables visible from a scope; inner scopes shadow outer ones. */
  Map<String, Object> visibleVariables(ProcessInstance instance, ElementInstance scope) {
    List<ElementInstance> chain = new ArrayList<>();
    for (ElementInstance s = scope; s != null; s = instance.elements.get(s.flowScopeKey)) {
      chain.add(s);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      variables.putAll(chain.get(i).variables);
    }
    return variables;
  }

  /**
   * Camunda's merge: each variable goes to the nearest scope (from {@code scope} up) that already
   * has it, otherwise to the process instance.
   */
  void mergeDocument(
      ProcessInstance instance, ElementInstance scope, Map<String, Object> document) {
    for (Map.Entry<String, Object> entry : document.entrySet()) {
      ElementInstance target = instance.root();
      for (ElementInstance s = scope; s != null; s = instance.elements.get(s.flowScopeKey)) {
        if (s.variables.containsKey(entry.getKey())) {
          target = s;
          break;
        }
      }
      target.variables.put(entry.getKey(), entry.getValue());
    }
    batch.changed(instance);
  }

  /**
   * Evaluates mappings one after the other (a later mapping sees the earlier results) into a
   * document; a dotted target such as {@code a.b} builds nested objects, merged into the existing
   * value of {@code a}.
   */
  private Object applyMappings(
      List<Mapping> mappings, Map<String, Object> context, Map<String, Object> result) {
    Map<String, Object> variables = new LinkedHashMap<>(context);
    for (Mapping mapping : mappings) {
      FeelEvaluator.Result value = mapping.source().evaluate(feel, variables);
      if (value.isFailure()) {
        return new Failure(
            Incident.ErrorType.EXTRACT_VALUE_ERROR,
            "Failed to evaluate expression '"
                + mapping.source().source()
                + "': "
                + value.failure());
      }
      String[] path = mapping.target().split("\\.");
      Object current = result.containsKey(path[0]) ? result.get(path[0]) : variables.get(path[0]);
      Object updated = assign(current, path, 1, value.value());
      result.put(path[0], updated);
      variables.put(path[0], updated);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Object assign(Object current, String[] path, int index, Object value) {
    if (index == path.length) {
      return value;
    }
    Map<String, Object> map =
        current instanceof Map<?, ?> existing
            ? new LinkedHashMap<>((Map<String, Object>) existing)
            : new LinkedHashMap<>();
    map.put(path[index], assign(map.get(path[index]), path, index + 1, value));
    return map;
  }

  // ------------------------------------------------------------------ activation

  private void activate(ProcessInstance instance, ElementInstance scope, FlowNode node) {
    ElementInstance element = new ElementInstance(state.nextKey(), node.id(), scope.key);
    state.addElement(instance, element);
    batch.changed(instance);
    runActivation(instance, element, node);
  }

  /** Activates an element; also what resolving an incident raised during activation repeats. */
  private void runActivation(ProcessInstance instance, ElementInstance element, FlowNode node) {
    element.state = ElementInstance.State.ACTIVATING;
    ElementInstance scope = instance.elements.get(element.flowScopeKey);
    // a multi-instance body has the boundary events; its inner instances the input mappings
    boolean body = isBody(element, node);
    if (!body && !node.inputs().isEmpty()) {
      Map<String, Object> innerLocals = innerLocals(element, node);
      Map<String, Object> context = visibleVariables(instance, scope);
      context.putAll(innerLocals);
      Object mapped = applyMappings(node.inputs(), context, new LinkedHashMap<>());
      if (mapped instanceof Failure failure) {
        raiseIncident(instance, element, failure, 0);
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> locals = (Map<String, Object>) mapped;
      element.variables.clear();
      element.variables.putAll(innerLocals);
      element.variables.putAll(locals);
    }
    if ((node.multiInstance() == null || body)
        && (node.hasTimerBoundaries() || node.hasMessageBoundaries())) {
      Failure failure = subscribeBoundaryTimers(instance, element, node);
      if (failure != null) {
        raiseIncident(instance, element, failure, 0);
        return;
      }
    }
    if (body) {
      activateBody(instance, element, node);
      return;
    }
    switch (node.type()) {
      case RECEIVE_TASK -> {
        Failure failure = subscribe(instance, element, node, visibleVariables(instance, element));
        if (failure != null) {
          raiseIncident(instance, element, failure, 0);
          return;
        }
        element.state = ElementInstance.State.ACTIVE;
      }
      case INTERMEDIATE_CATCH_EVENT -> {
        if (node.subscribes()) {
          Failure failure = subscribe(instance, element, node, visibleVariables(instance, element));
          if (failure != null) {
            raiseIncident(instance, element, failure, 0);
            return;
          }
          element.state = ElementInstance.State.ACTIVE;
          return;
        }
        Object schedule = schedule(node, visibleVariables(instance, element));
        if (schedule instanceof Failure failure) {
          raiseIncident(instance, element, failure, 0);
          return;
        }
        addTimer(instance, element, node, (Timers.Schedule) schedule);
        element.state = ElementInstance.State.ACTIVE;
      }
      case START_EVENT, INTERMEDIATE_THROW_EVENT, PASS_THROUGH_TASK, PARALLEL_GATEWAY -> {
        element.state = ElementInstance.State.ACTIVE;
        complete(instance, element, node);
      }
      case EXCLUSIVE_GATEWAY, INCLUSIVE_GATEWAY -> {
        Object chosen = chooseFlows(instance, element, node);
        if (chosen instanceof Failure failure) {
          raiseIncident(instance, element, failure, 0);
          return;
        }
        @SuppressWarnings("unchecked")
        List<String> flows = (List<String>) chosen;
        element.chosenFlows = flows;
        element.state = ElementInstance.State.ACTIVE;
        complete(instance, element, node);
      }
      case JOB_TASK -> createJob(instance, element, node);
      case USER_TASK -> createUserTask(instance, element, node);
      case SCRIPT_TASK -> {
        FeelEvaluator.Result result =
            node.script().evaluate(feel, visibleVariables(instance, element));
        if (result.isFailure()) {
          raiseIncident(
              instance,
              element,
              new Failure(
                  Incident.ErrorType.EXTRACT_VALUE_ERROR,
                  "Failed to evaluate expression '"
                      + node.script().source()
                      + "': "
                      + result.failure()),
              0);
          return;
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put(node.resultVariable(), result.value());
        element.pendingVariables = output;
        element.state = ElementInstance.State.ACTIVE;
        complete(instance, element, node);
      }
      case SUB_PROCESS -> {
        Failure failure = openEventSubProcesses(instance, element, node);
        if (failure != null) {
          raiseIncident(instance, element, failure, 0);
          return;
        }
        element.state = ElementInstance.State.ACTIVE;
        activate(instance, element, process(instance).element(node.startEventId()));
      }
      case CALL_ACTIVITY -> callProcess(instance, element, node);
      case EVENT_BASED_GATEWAY -> {
        List<FlowNode> events = new ArrayList<>();
        ExecutableProcess process = process(instance);
        for (SequenceFlow flow : node.outgoing()) {
          events.add(process.element(flow.targetId()));
        }
        unsubscribeTimers(instance, element);
        Failure failure = openTriggers(instance, element, events);
        if (failure != null) {
          raiseIncident(instance, element, failure, 0);
          return;
        }
        element.state = ElementInstance.State.ACTIVE;
      }
      case END_EVENT -> {
        element.state = ElementInstance.State.ACTIVE;
        switch (node.endKind()) {
          case NONE -> complete(instance, element, node);
          case TERMINATE -> {
            terminateChildren(instance, scope, element.key);
            complete(instance, element, node);
          }
          case ERROR -> {
            FeelEvaluator.Result code =
                node.errorCode().evaluate(feel, visibleVariables(instance, element));
            if (code.isFailure() || !(code.value() instanceof String errorCode)) {
              raiseIncident(
                  instance,
                  element,
                  new Failure(
                      Incident.ErrorType.EXTRACT_VALUE_ERROR,
                      expectedType(node.errorCode(), "STRING", code)),
                  0);
              return;
            }
            throwError(instance, element, errorCode, "", Map.of(), 0);
          }
          default -> throw new IllegalStateException("Unknown end event " + node.endKind());
        }
      }
      default -> throw new IllegalStateException("Cannot activate " + node.type());
    }
  }

  // ------------------------------------------------------------------ multi-instance

  /** The element instance of a multi-instance activity as a whole (not one of its items). */
  private static boolean isBody(ElementInstance element, FlowNode node) {
    return node.multiInstance() != null && element.loopCounter == 0;
  }

  private static boolean isInner(ElementInstance element, FlowNode node) {
    return node.multiInstance() != null && element.loopCounter > 0;
  }

  /** An inner instance's own locals: loopCounter, the input element, the output element. */
  private static Map<String, Object> innerLocals(ElementInstance element, FlowNode node) {
    Map<String, Object> locals = new LinkedHashMap<>();
    if (!isInner(element, node)) {
      return locals;
    }
    MultiInstance mi = node.multiInstance();
    for (String name : new String[] {"loopCounter", mi.inputElement(), outputVariable(mi)}) {
      if (name != null && element.variables.containsKey(name)) {
        locals.put(name, element.variables.get(name));
      }
    }
    return locals;
  }

  /**
   * When the output element is just a variable, each inner instance gets it as a local (null at
   * first), so the instances do not overwrite each other's value (as in Zeebe).
   */
  private static String outputVariable(MultiInstance mi) {
    if (mi.outputElement() == null || mi.outputElement().isStatic()) {
      return null;
    }
    String source = mi.outputElement().source().trim();
    return source.matches("[A-Za-z_][A-Za-z0-9_]*") ? source : null;
  }

  /**
   * Activates the body: evaluates the input collection, prepares the output collection (one null
   * per item) and creates the first inner instance (sequential) or all of them (parallel). An empty
   * collection completes the body at once.
   */
  private void activateBody(ProcessInstance instance, ElementInstance body, FlowNode node) {
    MultiInstance mi = node.multiInstance();
    FeelEvaluator.Result collection =
        mi.inputCollection().evaluate(feel, visibleVariables(instance, body));
    if (collection.isFailure() || !(collection.value() instanceof List<?> items)) {
      raiseIncident(
          instance,
          body,
          new Failure(
              Incident.ErrorType.EXTRACT_VALUE_ERROR,
              expectedType(mi.inputCollection(), "ARRAY", collection)),
          0);
      return;
    }
    body.multiInstanceItems = new ArrayList<>(items);
    body.multiInstanceCompleted = 0;
    if (mi.outputCollection() != null) {
      body.variables.put(
          mi.outputCollection(),
          new ArrayList<>(java.util.Collections.nCopies(items.size(), null)));
    }
    body.state = ElementInstance.State.ACTIVE;
    batch.changed(instance);
    if (items.isEmpty()) {
      complete(instance, body, node);
      return;
    }
    if (mi.sequential()) {
      runActivation(instance, newInner(instance, body, node, 0), node);
      return;
    }
    // all inner instances exist before the first runs, so one that completes at once does not
    // find its body empty
    List<ElementInstance> inners = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      inners.add(newInner(instance, body, node, i));
    }
    for (ElementInstance inner : inners) {
      if (!isRunning(instance) || instance.elements.get(inner.key) != inner) {
        continue; // the completion condition or an interruption ended it
      }
      runActivation(instance, inner, node);
    }
  }

  private ElementInstance newInner(
      ProcessInstance instance, ElementInstance body, FlowNode node, int index) {
    MultiInstance mi = node.multiInstance();
    ElementInstance inner = new ElementInstance(state.nextKey(), node.id(), body.key);
    inner.loopCounter = index + 1;
    inner.variables.put("loopCounter", (long) index + 1);
    if (mi.inputElement() != null) {
      inner.variables.put(mi.inputElement(), body.multiInstanceItems.get(index));
    }
    String output = outputVariable(mi);
    if (output != null) {
      inner.variables.put(output, null);
    }
    state.addElement(instance, inner);
    batch.changed(instance);
    return inner;
  }

  /**
   * An inner instance completed (its variables are merged already): its output element goes into
   * the output collection, the completion condition may end the whole activity, otherwise the next
   * item starts (sequential) or the body completes when no inner instance is left.
   */
  private void innerCompleted(
      ProcessInstance instance, ElementInstance inner, FlowNode node, ElementInstance body) {
    MultiInstance mi = node.multiInstance();
    Map<String, Object> innerVariables = visibleVariables(instance, inner);
    if (mi.outputCollection() != null) {
      FeelEvaluator.Result value = mi.outputElement().evaluate(feel, innerVariables);
      if (value.isFailure()) {
        raiseIncident(
            instance,
            inner,
            new Failure(
                Incident.ErrorType.EXTRACT_VALUE_ERROR,
                "Failed to evaluate expression '"
                    + mi.outputElement().source()
                    + "': "
                    + value.failure()),
            0);
        return;
      }
      List<Object> collected =
          body.variables.get(mi.outputCollection()) instanceof List<?> list
                  && list.size() == body.multiInstanceItems.size()
              ? new ArrayList<>(list)
              : new ArrayList<>(
                  java.util.Collections.nCopies(body.multiInstanceItems.size(), null));
      collected.set(inner.loopCounter - 1, value.value());
      body.variables.put(mi.outputCollection(), collected);
    }
    int total = body.multiInstanceItems.size();
    int active = 0;
    for (ElementInstance sibling : instance.elements.values()) {
      if (sibling.flowScopeKey == body.key && sibling.key != inner.key) {
        active++;
      }
    }
    boolean done = false;
    if (mi.completionCondition() != null) {
      Map<String, Object> variables = visibleVariables(instance, body);
      variables.put("numberOfInstances", (long) total);
      variables.put("numberOfActiveInstances", (long) active);
      variables.put("numberOfCompletedInstances", (long) body.multiInstanceCompleted + 1);
      variables.put("numberOfTerminatedInstances", 0L);
      FeelEvaluator.Result condition = mi.completionCondition().evaluate(feel, variables);
      if (condition.isFailure() || !(condition.value() instanceof Boolean)) {
        raiseIncident(
            instance,
            inner,
            new Failure(
                Incident.ErrorType.EXTRACT_VALUE_ERROR,
                expectedType(mi.completionCondition(), "BOOLEAN", condition)),
            0);
        return;
      }
      done = (Boolean) condition.value();
    }
    unsubscribeTimers(instance, inner);
    ended(instance, inner, COMPLETED);
    body.multiInstanceCompleted++;
    batch.changed(instance);
    if (done) {
      terminateChildren(instance, body);
      complete(instance, body, node);
    } else if (mi.sequential() && inner.loopCounter < total) {
      runActivation(instance, newInner(instance, body, node, inner.loopCounter), node);
    } else if (active == 0) {
      complete(instance, body, node);
    }
  }

  private static String expectedType(Expression expression, String type, FeelEvaluator.Result r) {
    if (r.isFailure()) {
      return "Failed to evaluate expression '" + expression.source() + "': " + r.failure();
    }
    return "Expected result of the expression '"
        + expression.source()
        + "' to be '"
        + type
        + "', but was '"
        + typeName(r.value())
        + "'."
        + (r.warnings() == null
            ? ""
            : " The evaluation reported the following warnings:\n" + r.warnings());
  }

  private static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof String) {
      return "STRING";
    } else if (value instanceof Boolean) {
      return "BOOLEAN";
    } else if (value instanceof Number) {
      return "NUMBER";
    } else if (value instanceof Map<?, ?>) {
      return "OBJECT";
    } else if (value instanceof List<?>) {
      return "ARRAY";
    }
    return value.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  /** Exclusive: the first true condition, else the default. Inclusive: all true, else default. */
  private Object chooseFlows(ProcessInstance instance, ElementInstance element, FlowNode node) {
    List<SequenceFlow> outgoing = node.outgoing();
    if (outgoing.size() == 1 && outgoing.get(0).condition() == null) {
      return List.of(outgoing.get(0).id());
    }
    Map<String, Object> variables = visibleVariables(instance, element);
    List<String> chosen = new ArrayList<>();
    for (SequenceFlow flow : outgoing) {
      if (flow.condition() == null || flow.id().equals(node.defaultFlowId())) {
        continue; // the default flow is taken only when no condition holds, whatever its own
      }
      FeelEvaluator.Result result = flow.condition().evaluate(feel, variables);
      if (result.isFailure() || !(result.value() instanceof Boolean)) {
        return new Failure(
            Incident.ErrorType.EXTRACT_VALUE_ERROR,
            expectedType(flow.condition(), "BOOLEAN", result));
      }
      if ((Boolean) result.value()) {
        chosen.add(flow.id());
        if (node.type() == ElementType.EXCLUSIVE_GATEWAY) {
          return chosen;
        }
      }
    }
    if (chosen.isEmpty()) {
      if (node.defaultFlowId() == null) {
        return new Failure(
            Incident.ErrorType.CONDITION_ERROR,
            "Expected at least one condition to evaluate to true, or to have a default flow");
      }
      chosen.add(node.defaultFlowId());
    }
    return chosen;
  }

  // ------------------------------------------------------------------ jobs

  private void createJob(ProcessInstance instance, ElementInstance element, FlowNode node) {
    Map<String, Object> variables = visibleVariables(instance, element);
    FeelEvaluator.Result type = node.jobType().evaluate(feel, variables);
    if (type.isFailure() || !(type.value() instanceof String jobType) || jobType.isBlank()) {
      raiseIncident(
          instance,
          element,
          new Failure(
              Incident.ErrorType.EXTRACT_VALUE_ERROR, expectedType(node.jobType(), "STRING", type)),
          0);
      return;
    }
    FeelEvaluator.Result retries = node.jobRetries().evaluate(feel, variables);
    int jobRetries;
    if (node.jobRetries().isStatic()) {
      jobRetries = Integer.parseInt(node.jobRetries().source().trim());
    } else if (!retries.isFailure() && retries.value() instanceof Number number) {
      jobRetries = number.intValue();
    } else {
      raiseIncident(
          instance,
          element,
          new Failure(
              Incident.ErrorType.EXTRACT_VALUE_ERROR,
              expectedType(node.jobRetries(), "NUMBER", retries)),
          0);
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(node.headers());
    if (node.jobBasedUserTask()) {
      Object properties = userTaskProperties(node, variables);
      if (properties instanceof Failure failure) {
        raiseIncident(instance, element, failure, 0);
        return;
      }
      ((TaskProperties) properties).toHeaders(node, headers);
    }
    Job job = new Job();
    job.key = state.nextKey();
    job.type = jobType;
    job.processInstanceKey = instance.key;
    job.elementInstanceKey = element.key;
    job.elementId = node.id();
    job.retries = jobRetries;
    job.customHeaders = headers;
    job.state = Job.State.ACTIVATABLE;
    element.jobKey = job.key;
    element.state = ElementInstance.State.ACTIVE;
    state.addJob(instance, job);
    batch.activatableTypes.add(jobType);
    batch.changed(instance);
  }

  // ------------------------------------------------------------------ timers

  /** Evaluates a timer event's value: a {@link Timers.Schedule} or a {@link Failure}. */
  private Object schedule(FlowNode node, Map<String, Object> variables) {
    FeelEvaluator.Result value = node.timer().evaluate(feel, variables);
    if (value.isFailure() || !(value.value() instanceof String text)) {
      return new Failure(
          Incident.ErrorType.EXTRACT_VALUE_ERROR, expectedType(node.timer(), "STRING", value));
    }
    try {
      return Timers.schedule(node.timerKind(), text, clock.millis());
    } catch (IllegalArgumentException e) {
      return new Failure(Incident.ErrorType.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  private void addTimer(
      ProcessInstance instance, ElementInstance owner, FlowNode event, Timers.Schedule schedule) {
    Timer timer = new Timer();
    timer.key = state.nextKey();
    timer.processInstanceKey = instance.key;
    timer.elementInstanceKey = owner.key;
    timer.targetElementId = event.id();
    timer.processDefinitionKey = instance.processDefinitionKey;
    timer.dueDate = schedule.dueDate();
    timer.repetitions = schedule.repetitions();
    timer.interval = schedule.interval();
    state.addTimer(instance, timer);
    batch.changed(instance);
  }

  /** Opens the timers of an activity's boundary events (again, when an activation is repeated). */
  private Failure subscribeBoundaryTimers(
      ProcessInstance instance, ElementInstance element, FlowNode node) {
    unsubscribeTimers(instance, element);
    Map<String, Object> variables = visibleVariables(instance, element);
    List<Object[]> schedules = new ArrayList<>();
    List<Object[]> messages = new ArrayList<>();
    for (FlowNode boundary : node.boundaryEvents()) {
      if (boundary.subscribes()) {
        Object subscription = subscription(boundary, variables);
        if (subscription instanceof Failure failure) {
          return failure;
        }
        messages.add(new Object[] {boundary, subscription});
        continue;
      }
      if (boundary.timer() == null) {
        continue;
      }
      Object schedule = schedule(boundary, variables);
      if (schedule instanceof Failure failure) {
        return failure;
      }
      schedules.add(new Object[] {boundary, schedule});
    }
    for (Object[] s : schedules) {
      addTimer(instance, element, (FlowNode) s[0], (Timers.Schedule) s[1]);
    }
    for (Object[] m : messages) {
      addSubscription(instance, element, (FlowNode) m[0], (String[]) m[1]);
    }
    return null;
  }

  // ------------------------------------------------------------------ messages

  /** Evaluates a message event's name and correlation key: {name, key} or a Failure. */
  private Object subscription(FlowNode node, Map<String, Object> variables) {
    if (node.signalName() != null) {
      FeelEvaluator.Result signal = node.signalName().evaluate(feel, variables);
      if (signal.isFailure() || !(signal.value() instanceof String signalName)) {
        return new Failure(
            Incident.ErrorType.EXTRACT_VALUE_ERROR,
            expectedType(node.signalName(), "STRING", signal));
      }
      return new String[] {signalName, ""};
    }
    FeelEvaluator.Result name = node.messageName().evaluate(feel, variables);
    if (name.isFailure() || !(name.value() instanceof String messageName)) {
      return new Failure(
          Incident.ErrorType.EXTRACT_VALUE_ERROR, expectedType(node.messageName(), "STRING", name));
    }
    FeelEvaluator.Result key = node.correlationKey().evaluate(feel, variables);
    String correlationKey;
    if (!key.isFailure() && key.value() instanceof String text) {
      correlationKey = text;
    } else if (!key.isFailure() && key.value() instanceof Number number) {
      correlationKey =
          number.doubleValue() % 1 == 0 ? String.valueOf(number.longValue()) : number.toString();
    } else {
      return new Failure(
          Incident.ErrorType.EXTRACT_VALUE_ERROR,
          "Failed to extract the correlation key for '"
              + node.correlationKey().source()
              + "': The value must be either a string or a number, but was '"
              + (key.isFailure() ? "an error: " + key.failure() : typeName(key.value()))
              + "'.");
    }
    return new String[] {messageName, correlationKey};
  }

  private Failure subscribe(
      ProcessInstance instance,
      ElementInstance element,
      FlowNode node,
      Map<String, Object> variables) {
    Object subscription = subscription(node, variables);
    if (subscription instanceof Failure failure) {
      return failure;
    }
    addSubscription(instance, element, node, (String[]) subscription);
    return null;
  }

  private void addSubscription(
      ProcessInstance instance, ElementInstance owner, FlowNode event, String[] nameAndKey) {
    MessageSubscription subscription = new MessageSubscription();
    subscription.key = state.nextKey();
    subscription.processInstanceKey = instance.key;
    subscription.elementInstanceKey = owner.key;
    subscription.targetElementId = event.id();
    subscription.messageName = nameAndKey[0];
    subscription.correlationKey = nameAndKey[1];
    subscription.interrupting = event.interrupting();
    subscription.signal = event.signalName() != null;
    state.addSubscription(instance, subscription);
    if (!subscription.signal) {
      batch.openedSubscriptions.add(subscription); // signals are never buffered
    }
    batch.changed(instance);
  }

  /**
   * A message correlated to a subscription. A catch event or receive task completes with the
   * message variables; a boundary event is taken (an interrupting one terminates its activity, a
   * non-interrupting one stays subscribed).
   */
  void correlate(
      ProcessInstance instance, MessageSubscription subscription, Map<String, Object> variables) {
    ElementInstance owner = instance.elements.get(subscription.elementInstanceKey);
    batch.changed(instance);
    FlowNode target = process(instance).element(subscription.targetElementId);
    if (process(instance).element(owner.elementId).type() == ElementType.EVENT_BASED_GATEWAY) {
      eventGatewayTriggered(instance, owner, target, new LinkedHashMap<>(variables));
      return;
    }
    if (isEventSubProcessStart(instance, target)) {
      if (target.interrupting()) {
        state.removeSubscription(instance, subscription);
      }
      triggerEventSubProcess(instance, owner, target, Map.of(), new LinkedHashMap<>(variables));
      return;
    }
    if (target.type() != ElementType.BOUNDARY_EVENT) {
      state.removeSubscription(instance, subscription);
      owner.pendingVariables = new LinkedHashMap<>(variables);
      complete(instance, owner, target);
      return;
    }
    ElementInstance scope = instance.elements.get(owner.flowScopeKey);
    if (target.interrupting()) {
      terminate(instance, owner);
    }
    ElementInstance event = new ElementInstance(state.nextKey(), target.id(), scope.key);
    event.pendingVariables = new LinkedHashMap<>(variables);
    state.addElement(instance, event);
    runActivationOfCatchEvent(instance, event, target);
  }

  private void unsubscribeTimers(ProcessInstance instance, ElementInstance element) {
    for (MessageSubscription subscription : new ArrayList<>(instance.subscriptions.values())) {
      if (subscription.elementInstanceKey == element.key) {
        state.removeSubscription(instance, subscription);
        batch.changed(instance);
      }
    }
    if (instance.timers.isEmpty()) {
      return;
    }
    for (Timer timer : new ArrayList<>(instance.timers.values())) {
      if (timer.elementInstanceKey == element.key) {
        state.removeTimer(instance, timer);
      }
    }
    batch.changed(instance);
  }

  /**
   * A timer came due. A catch event completes; an interrupting boundary event terminates its
   * activity and takes over; a non-interrupting one starts a token beside it (and a cycle is
   * scheduled again from now while repetitions remain).
   */
  void triggerTimer(ProcessInstance instance, Timer timer) {
    ElementInstance owner = instance.elements.get(timer.elementInstanceKey);
    batch.changed(instance);
    if (owner == null) {
      state.removeTimer(instance, timer);
      return;
    }
    FlowNode target = process(instance).element(timer.targetElementId);
    if (process(instance).element(owner.elementId).type() == ElementType.EVENT_BASED_GATEWAY) {
      eventGatewayTriggered(instance, owner, target, null);
      return;
    }
    if (target.type() == ElementType.INTERMEDIATE_CATCH_EVENT) {
      state.removeTimer(instance, timer);
      complete(instance, owner, target);
      return;
    }
    if (isEventSubProcessStart(instance, target)) {
      state.removeTimer(instance, timer);
      if (!target.interrupting()) {
        repeat(instance, timer);
      }
      triggerEventSubProcess(instance, owner, target, Map.of(), null);
      return;
    }
    ElementInstance scope = instance.elements.get(owner.flowScopeKey);
    if (target.interrupting()) {
      terminate(instance, owner);
    } else {
      state.removeTimer(instance, timer);
      repeat(instance, timer);
    }
    ElementInstance event = new ElementInstance(state.nextKey(), target.id(), scope.key);
    state.addElement(instance, event);
    runActivationOfCatchEvent(instance, event, target);
  }

  /**
   * The first event after an event-based gateway occurred: the gateway's other timers and
   * subscriptions close, the gateway is left and the event completes with the message variables.
   */
  private void eventGatewayTriggered(
      ProcessInstance instance,
      ElementInstance gateway,
      FlowNode event,
      Map<String, Object> variables) {
    ElementInstance scope = instance.elements.get(gateway.flowScopeKey);
    unsubscribeTimers(instance, gateway);
    ended(instance, gateway, COMPLETED);
    ElementInstance caught = new ElementInstance(state.nextKey(), event.id(), scope.key);
    caught.pendingVariables = variables;
    state.addElement(instance, caught);
    batch.changed(instance);
    runActivationOfCatchEvent(instance, caught, event);
  }

  /** A cycle is scheduled again from now while repetitions remain. */
  private void repeat(ProcessInstance instance, Timer timer) {
    if (timer.interval != null && timer.repetitions != 1) {
      timer.repetitions = timer.repetitions < 0 ? -1 : timer.repetitions - 1;
      timer.dueDate = Timers.next(timer.interval, clock.millis());
      state.addTimer(instance, timer);
    }
  }

  // ------------------------------------------------------------------ user tasks

  /** A user task's properties, evaluated when it is created. */
  record TaskProperties(
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String dueDate,
      String followUpDate,
      Integer priority) {

    /** The headers Zeebe gives the job of a job-based user task. */
    void toHeaders(FlowNode node, Map<String, String> headers) {
      if (assignee != null) {
        headers.put("io.camunda.zeebe:assignee", assignee);
      }
      if (!candidateGroups.isEmpty()) {
        headers.put(
            "io.camunda.zeebe:candidateGroups",
            new String(org.flowcrm.engine.state.StateJson.writeVariables(candidateGroups)));
      }
      if (!candidateUsers.isEmpty()) {
        headers.put(
            "io.camunda.zeebe:candidateUsers",
            new String(org.flowcrm.engine.state.StateJson.writeVariables(candidateUsers)));
      }
      if (dueDate != null) {
        headers.put("io.camunda.zeebe:dueDate", dueDate);
      }
      if (followUpDate != null) {
        headers.put("io.camunda.zeebe:followUpDate", followUpDate);
      }
      if (node.formKey() != null) {
        headers.put("io.camunda.zeebe:formKey", node.formKey());
      }
      if (priority != null) {
        headers.put("io.camunda.zeebe:priority", String.valueOf(priority));
      }
    }
  }

  private Object userTaskProperties(FlowNode node, Map<String, Object> variables) {
    try {
      String assignee = stringProperty(node.assignee(), variables);
      List<String> groups = listProperty(node.candidateGroups(), variables);
      List<String> users = listProperty(node.candidateUsers(), variables);
      String due = dateProperty(node.dueDate(), variables);
      String followUp = dateProperty(node.followUpDate(), variables);
      Integer priority = null;
      if (node.priority() != null) {
        FeelEvaluator.Result r = node.priority().evaluate(feel, variables);
        Object value = r.value();
        if (!r.isFailure() && value instanceof String text && node.priority().isStatic()) {
          value = Long.parseLong(text.trim());
        }
        if (r.isFailure() || !(value instanceof Number number) || number.doubleValue() % 1 != 0) {
          throw new PropertyFailure(expectedType(node.priority(), "NUMBER", r));
        }
        if (number.intValue() < 0 || number.intValue() > 100) {
          throw new PropertyFailure(
              "Expected priority to be in the range [0,100], but was '" + number + "'");
        }
        priority = number.intValue();
      }
      return new TaskProperties(assignee, groups, users, due, followUp, priority);
    } catch (PropertyFailure failure) {
      return new Failure(Incident.ErrorType.EXTRACT_VALUE_ERROR, failure.getMessage());
    }
  }

  private static final class PropertyFailure extends RuntimeException {
    PropertyFailure(String message) {
      super(message, null, false, false);
    }
  }

  private String stringProperty(Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return null;
    }
    FeelEvaluator.Result r = expression.evaluate(feel, variables);
    if (r.isFailure() || !(r.value() == null || r.value() instanceof String)) {
      throw new PropertyFailure(expectedType(expression, "STRING", r));
    }
    String value = (String) r.value();
    return value == null || value.isBlank() ? null : value;
  }

  private List<String> listProperty(Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return List.of();
    }
    FeelEvaluator.Result r = expression.evaluate(feel, variables);
    if (!r.isFailure() && r.value() instanceof String text) {
      // static attributes are comma-separated lists, as in Zeebe
      List<String> items = new ArrayList<>();
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
      return items;
    }
    if (!r.isFailure() && r.value() instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new PropertyFailure(
              "Expected result of the expression '"
                  + expression.source()
                  + "' to be 'ARRAY' containing 'STRING' items, but was '"
                  + typeName(item)
                  + "' item");
        }
        items.add(s);
      }
      return items;
    }
    throw new PropertyFailure(expectedType(expression, "ARRAY", r));
  }

  private String dateProperty(Expression expression, Map<String, Object> variables) {
    String text = stringProperty(expression, variables);
    if (text == null) {
      return null;
    }
    String normalized = isoDateTime(text);
    if (normalized == null) {
      throw new PropertyFailure(
          "Expected result of the expression '"
              + expression.source()
              + "' to be a valid date-time string (ISO 8601, with an offset), but was '"
              + text
              + "'");
    }
    return normalized;
  }

  /** An ISO 8601 date-time with offset or zone, or null when {@code text} is not one. */
  static String isoDateTime(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toString();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.ZonedDateTime.parse(text).toOffsetDateTime().toString();
      } catch (java.time.format.DateTimeParseException again) {
        return null;
      }
    }
  }

  private void createUserTask(ProcessInstance instance, ElementInstance element, FlowNode node) {
    Map<String, Object> variables = visibleVariables(instance, element);
    Object evaluated = userTaskProperties(node, variables);
    if (evaluated instanceof Failure failure) {
      raiseIncident(instance, element, failure, 0);
      return;
    }
    String externalReference;
    try {
      externalReference = stringProperty(node.externalFormReference(), variables);
    } catch (PropertyFailure e) {
      raiseIncident(
          instance,
          element,
          new Failure(Incident.ErrorType.EXTRACT_VALUE_ERROR, e.getMessage()),
          0);
      return;
    }
    TaskProperties properties = (TaskProperties) evaluated;
    UserTask task = new UserTask();
    task.key = state.nextKey();
    task.elementId = node.id();
    task.elementInstanceKey = element.key;
    task.processInstanceKey = instance.key;
    task.processDefinitionKey = instance.processDefinitionKey;
    task.processDefinitionVersion = instance.version;
    task.bpmnProcessId = instance.bpmnProcessId;
    task.name = node.name() == null || node.name().isBlank() ? node.id() : node.name();
    task.assignee = properties.assignee();
    task.candidateGroups = new ArrayList<>(properties.candidateGroups());
    task.candidateUsers = new ArrayList<>(properties.candidateUsers());
    task.dueDate = properties.dueDate();
    task.followUpDate = properties.followUpDate();
    task.priority = properties.priority() == null ? 50 : properties.priority();
    task.formId = node.formId();
    // linked form: the latest version deployed now (Camunda's default binding)
    var form = node.formId() == null ? null : state.latestForm(node.formId());
    task.formKey = form == null ? 0 : form.key();
    task.externalFormReference = externalReference;
    task.customHeaders = new LinkedHashMap<>(node.headers());
    task.tenantId = instance.tenantId;
    task.creationDate = clock.millis();
    element.userTaskKey = task.key;
    element.state = ElementInstance.State.ACTIVE;
    state.addUserTask(instance, task);
    batch.userTaskChanged(task);
    batch.changed(instance);
  }

  /** The user task was completed: its variables are merged as a job's are. */
  void completeUserTask(
      ProcessInstance instance, UserTask task, Map<String, Object> variables, String action) {
    ElementInstance element = instance.elements.get(task.elementInstanceKey);
    task.action = action;
    finishUserTask(instance, task, UserTask.COMPLETED);
    element.userTaskKey = 0;
    element.pendingVariables = variables;
    complete(instance, element, process(instance).element(element.elementId));
  }

  private void finishUserTask(ProcessInstance instance, UserTask task, String how) {
    task.state = how;
    task.completionDate = clock.millis();
    state.finishUserTask(instance, task);
    batch.userTaskChanged(task);
    batch.changed(instance);
  }

  /** A worker completed the job: its variables are merged when the element completes. */
  void completeJob(ProcessInstance instance, Job job, Map<String, Object> variables) {
    ElementInstance element = instance.elements.get(job.elementInstanceKey);
    state.removeJob(instance, job);
    element.jobKey = 0;
    element.pendingVariables = variables;
    batch.changed(instance);
    complete(instance, element, process(instance).element(element.elementId));
  }

  /** Retries left: activatable again (after the back-off); none left: an incident. */
  void failJob(
      ProcessInstance instance,
      Job job,
      int retries,
      String errorMessage,
      long backOffMillis,
      Map<String, Object> variables) {
    ElementInstance element = instance.elements.get(job.elementInstanceKey);
    element.variables.putAll(variables);
    job.retries = retries;
    job.errorMessage = errorMessage == null ? "" : errorMessage;
    job.worker = "";
    if (retries > 0) {
      if (backOffMillis > 0) {
        state.transition(job, Job.State.FAILED, clock.millis() + backOffMillis);
      } else {
        state.transition(job, Job.State.ACTIVATABLE, 0);
        batch.activatableTypes.add(job.type);
      }
    } else {
      state.transition(job, Job.State.FAILED, 0);
      String message = job.errorMessage.isEmpty() ? "No more retries left." : job.errorMessage;
      raiseIncident(
          instance, element, new Failure(Incident.ErrorType.JOB_NO_RETRIES, message), job.key);
    }
    batch.changed(instance);
  }

  /** An activation or back-off deadline passed: the job can be activated again. */
  void recur(ProcessInstance instance, Job job) {
    job.worker = "";
    state.transition(job, Job.State.ACTIVATABLE, 0);
    batch.activatableTypes.add(job.type);
    batch.changed(instance);
  }

  void throwErrorFromJob(
      ProcessInstance instance,
      Job job,
      String errorCode,
      String errorMessage,
      Map<String, Object> variables) {
    ElementInstance element = instance.elements.get(job.elementInstanceKey);
    job.errorMessage = errorMessage == null ? "" : errorMessage;
    batch.changed(instance);
    throwError(instance, element, errorCode, job.errorMessage, variables, job.key);
  }

  // ------------------------------------------------------------------ errors

  /**
   * Looks for an error catch event from the throwing element outwards: at each element instance the
   * error start events of the event sub-processes it contains, then its error boundary events (an
   * exact code before a catch-all); past a process instance's root it goes on at the call activity
   * that started it. Caught: the catching scope is interrupted and the catch event activated with
   * the error variables as its locals. Not caught: an incident at the thrower.
   */
  private void throwError(
      ProcessInstance instance,
      ElementInstance thrower,
      String errorCode,
      String errorMessage,
      Map<String, Object> variables,
      long jobKey) {
    ProcessInstance current = instance;
    ElementInstance candidate = thrower;
    while (candidate != null) {
      FlowNode node = process(current).element(candidate.elementId);
      FlowNode catcher =
          errorCatcher(
              node,
              errorCode,
              isBody(candidate, node) || node.multiInstance() == null,
              !isBody(candidate, node));
      if (catcher != null) {
        if (catcher.type() == ElementType.BOUNDARY_EVENT) {
          ElementInstance scope = current.elements.get(candidate.flowScopeKey);
          terminate(current, candidate);
          ElementInstance event = new ElementInstance(state.nextKey(), catcher.id(), scope.key);
          event.variables.putAll(variables);
          state.addElement(current, event);
          batch.changed(current);
          runActivationOfCatchEvent(current, event, catcher);
        } else {
          triggerEventSubProcess(current, candidate, catcher, variables, null);
        }
        return;
      }
      ElementInstance next = current.elements.get(candidate.flowScopeKey);
      if (next == null && current.parentProcessInstanceKey != 0) {
        ProcessInstance parent = state.instance(current.parentProcessInstanceKey);
        ElementInstance call =
            parent == null ? null : parent.elements.get(current.parentElementInstanceKey);
        if (call != null && call.calledInstanceKey == current.key) {
          current = parent;
          next = call;
        }
      }
      candidate = next;
    }
    if (jobKey != 0) {
      Job job = instance.jobs.get(jobKey);
      state.transition(job, Job.State.ERROR_THROWN, 0);
    }
    String message =
        "Expected to throw an error event with the code '"
            + errorCode
            + "'"
            + (errorMessage == null || errorMessage.isEmpty()
                ? ""
                : " with message '" + errorMessage + "'")
            + ", but it was not caught. No error events are available in the scope.";
    raiseIncident(
        instance, thrower, new Failure(Incident.ErrorType.UNHANDLED_ERROR_EVENT, message), jobKey);
  }

  /** The error catch event of an element for a code: event sub-processes inside it first. */
  private static FlowNode errorCatcher(
      FlowNode node, String errorCode, boolean boundaries, boolean eventSubProcesses) {
    List<FlowNode> events = new ArrayList<>();
    if (eventSubProcesses) {
      events.addAll(node.eventSubProcessStarts());
    }
    if (boundaries) {
      events.addAll(node.boundaryEvents());
    }
    for (FlowNode event : events) {
      if (event.errorBoundary() && errorCode.equals(event.caughtErrorCode())) {
        return event;
      }
    }
    for (FlowNode event : events) {
      if (event.errorBoundary() && event.caughtErrorCode() == null) {
        return event;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ event sub-processes

  /** Whether an element is the start event of an event sub-process. */
  private boolean isEventSubProcessStart(ProcessInstance instance, FlowNode node) {
    return node.type() == ElementType.START_EVENT
        && node.scopeId() != null
        && process(instance).element(node.scopeId()).type() == ElementType.EVENT_SUB_PROCESS;
  }

  /**
   * Opens the timers and message subscriptions of the event sub-processes inside a scope, owned by
   * the scope's element instance (so they close with it). Error start events need none.
   */
  private Failure openEventSubProcesses(
      ProcessInstance instance, ElementInstance owner, FlowNode scopeNode) {
    closeEventSubProcesses(instance, owner);
    if (scopeNode.eventSubProcessStarts().isEmpty()) {
      return null;
    }
    return openTriggers(instance, owner, scopeNode.eventSubProcessStarts());
  }

  /**
   * Opens the timers and message subscriptions of catch events, owned by {@code owner}: all of them
   * or, when one cannot be evaluated, none (the failure becomes an incident).
   */
  private Failure openTriggers(
      ProcessInstance instance, ElementInstance owner, List<FlowNode> events) {
    Map<String, Object> variables = visibleVariables(instance, owner);
    List<Object[]> schedules = new ArrayList<>();
    List<Object[]> messages = new ArrayList<>();
    for (FlowNode start : events) {
      if (start.subscribes()) {
        Object subscription = subscription(start, variables);
        if (subscription instanceof Failure failure) {
          return failure;
        }
        messages.add(new Object[] {start, subscription});
      } else if (start.timer() != null) {
        Object schedule = schedule(start, variables);
        if (schedule instanceof Failure failure) {
          return failure;
        }
        schedules.add(new Object[] {start, schedule});
      }
    }
    for (Object[] t : schedules) {
      addTimer(instance, owner, (FlowNode) t[0], (Timers.Schedule) t[1]);
    }
    for (Object[] m : messages) {
      addSubscription(instance, owner, (FlowNode) m[0], (String[]) m[1]);
    }
    return null;
  }

  /** Closes the event sub-process timers and subscriptions of a scope (not its boundary events). */
  private void closeEventSubProcesses(ProcessInstance instance, ElementInstance owner) {
    ExecutableProcess process = process(instance);
    for (MessageSubscription subscription : new ArrayList<>(instance.subscriptions.values())) {
      if (subscription.elementInstanceKey == owner.key
          && isEventSubProcessStart(instance, process.element(subscription.targetElementId))) {
        state.removeSubscription(instance, subscription);
        batch.changed(instance);
      }
    }
    for (Timer timer : new ArrayList<>(instance.timers.values())) {
      if (timer.elementInstanceKey == owner.key
          && isEventSubProcessStart(instance, process.element(timer.targetElementId))) {
        state.removeTimer(instance, timer);
        batch.changed(instance);
      }
    }
  }

  /**
   * An event sub-process's start event triggered in the scope {@code owner}. An interrupting one
   * first terminates everything else in the scope and closes the scope's other event sub-processes;
   * a non-interrupting one runs beside it. The scope completes when nothing is left in it.
   */
  private void triggerEventSubProcess(
      ProcessInstance instance,
      ElementInstance owner,
      FlowNode start,
      Map<String, Object> locals,
      Map<String, Object> pending) {
    if (start.interrupting()) {
      closeEventSubProcesses(instance, owner);
      terminateChildren(instance, owner);
    }
    ExecutableProcess process = process(instance);
    FlowNode eventSubProcess = process.element(start.scopeId());
    ElementInstance scope = new ElementInstance(state.nextKey(), eventSubProcess.id(), owner.key);
    scope.state = ElementInstance.State.ACTIVE;
    state.addElement(instance, scope);
    batch.changed(instance);
    ElementInstance event = new ElementInstance(state.nextKey(), start.id(), scope.key);
    event.variables.putAll(locals);
    event.pendingVariables = pending;
    state.addElement(instance, event);
    runActivationOfCatchEvent(instance, event, start);
  }

  /** A catch event has no activation work of its own: it completes at once. */
  private void runActivationOfCatchEvent(
      ProcessInstance instance, ElementInstance event, FlowNode node) {
    event.state = ElementInstance.State.ACTIVE;
    complete(instance, event, node);
  }

  // ------------------------------------------------------------------ completion

  /**
   * Completes an element: output mappings (or the pending variables), then leaves it through its
   * outgoing flows; also what resolving an incident raised during completion repeats.
   */
  private void complete(ProcessInstance instance, ElementInstance element, FlowNode node) {
    element.state = ElementInstance.State.COMPLETING;
    ElementInstance scope = instance.elements.get(element.flowScopeKey);
    if (isBody(element, node)) {
      // the output mappings belong to the inner instances; the body hands on its collection
      String output = node.multiInstance().outputCollection();
      if (output != null) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(output, element.variables.get(output));
        mergeDocument(instance, scope, document);
      }
    } else if (node.hasOutputMappings()) {
      if (element.pendingVariables != null) {
        element.variables.putAll(element.pendingVariables);
      }
      Object mapped =
          applyMappings(node.outputs(), visibleVariables(instance, element), new LinkedHashMap<>());
      if (mapped instanceof Failure failure) {
        raiseIncident(instance, element, failure, 0);
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> document = (Map<String, Object>) mapped;
      if (scope == null) {
        mergeDocument(instance, element, document);
      } else {
        mergeDocument(instance, scope, document);
      }
    } else if (element.pendingVariables != null) {
      mergeDocument(instance, element, element.pendingVariables);
    }
    element.pendingVariables = null;
    if (scope == null) {
      finish(instance, "COMPLETED");
      return;
    }
    if (isInner(element, node)) {
      innerCompleted(instance, element, node, scope);
      return;
    }
    unsubscribeTimers(instance, element);
    ended(instance, element, COMPLETED);
    batch.changed(instance);
    List<SequenceFlow> taken;
    if (element.chosenFlows != null) {
      taken = new ArrayList<>();
      for (SequenceFlow flow : node.outgoing()) {
        if (element.chosenFlows.contains(flow.id())) {
          taken.add(flow);
        }
      }
    } else {
      taken = node.outgoing();
    }
    ExecutableProcess process = process(instance);
    for (SequenceFlow flow : taken) {
      if (!isRunning(instance) || !instance.elements.containsKey(scope.key)) {
        return; // a terminate end event or an error ended the scope meanwhile
      }
      FlowNode target = process.element(flow.targetId());
      if (target.isJoin()) {
        if (scope.joinTokens == null) {
          scope.joinTokens = new LinkedHashMap<>();
        }
        scope
            .joinTokens
            .computeIfAbsent(target.id(), id -> new LinkedHashMap<>())
            .merge(flow.id(), 1, Integer::sum);
        tryJoin(instance, scope, target);
      } else {
        activate(instance, scope, target);
      }
    }
    childLeft(instance, scope);
  }

  /** Fires a joining gateway when its tokens are complete. */
  private boolean tryJoin(ProcessInstance instance, ElementInstance scope, FlowNode gateway) {
    if (scope.joinTokens == null) {
      return false;
    }
    Map<String, Integer> tokens = scope.joinTokens.get(gateway.id());
    if (tokens == null || tokens.isEmpty()) {
      return false;
    }
    for (SequenceFlow flow : gateway.incoming()) {
      boolean hasToken = tokens.getOrDefault(flow.id(), 0) > 0;
      if (hasToken) {
        continue;
      }
      if (gateway.type() == ElementType.PARALLEL_GATEWAY) {
        return false;
      }
      // inclusive: wait only while an active element of the scope can still reach this flow
      Set<String> reaching = gateway.reachingIncoming().get(flow.id());
      for (ElementInstance child : instance.elements.values()) {
        if (child.flowScopeKey == scope.key && reaching.contains(child.elementId)) {
          return false;
        }
      }
    }
    for (SequenceFlow flow : gateway.incoming()) {
      tokens.computeIfPresent(flow.id(), (id, count) -> count > 1 ? count - 1 : null);
    }
    if (tokens.isEmpty()) {
      scope.joinTokens.remove(gateway.id());
      if (scope.joinTokens.isEmpty()) {
        scope.joinTokens = null;
      }
    }
    activate(instance, scope, gateway);
    return true;
  }

  /**
   * A child of the scope finished. Inclusive joins waiting in the scope may now fire; a scope with
   * no active children and no waiting tokens completes.
   */
  private void childLeft(ProcessInstance instance, ElementInstance scope) {
    if (!isRunning(instance) || instance.elements.get(scope.key) != scope) {
      return;
    }
    if (scope.state != ElementInstance.State.ACTIVE) {
      return;
    }
    ExecutableProcess process = process(instance);
    if (scope.joinTokens != null) {
      for (String gatewayId : new ArrayList<>(scope.joinTokens.keySet())) {
        FlowNode gateway = process.element(gatewayId);
        if (gateway.type() == ElementType.INCLUSIVE_GATEWAY && tryJoin(instance, scope, gateway)) {
          return; // the activated gateway carries on and checks the scope itself
        }
      }
    }
    for (ElementInstance child : instance.elements.values()) {
      if (child.flowScopeKey == scope.key) {
        return;
      }
    }
    if (scope.joinTokens != null) {
      return; // tokens wait at a join that can never fire: the scope stays active, as in Zeebe
    }
    complete(instance, scope, process.element(scope.elementId));
  }

  // ------------------------------------------------------------------ termination

  /** Terminates the children of a scope (except one), their jobs and incidents. */
  private void terminateChildren(ProcessInstance instance, ElementInstance scope, long except) {
    for (ElementInstance child : new ArrayList<>(instance.elements.values())) {
      if (child.flowScopeKey == scope.key && child.key != except) {
        terminate(instance, child);
      }
    }
    scope.joinTokens = null;
  }

  private void terminateChildren(ProcessInstance instance, ElementInstance scope) {
    terminateChildren(instance, scope, -1);
  }

  private void terminate(ProcessInstance instance, ElementInstance element) {
    terminateChildren(instance, element);
    if (element.calledInstanceKey != 0) {
      ProcessInstance child = state.instance(element.calledInstanceKey);
      element.calledInstanceKey = 0;
      if (child != null) {
        cancel(child);
      }
    }
    if (element.jobKey != 0) {
      Job job = instance.jobs.get(element.jobKey);
      if (job != null) {
        state.removeJob(instance, job);
      }
    }
    unsubscribeTimers(instance, element);
    if (element.userTaskKey != 0) {
      UserTask task = instance.userTasks.get(element.userTaskKey);
      if (task != null) {
        finishUserTask(instance, task, UserTask.CANCELED);
      }
    }
    for (Incident incident : new ArrayList<>(instance.incidents.values())) {
      if (incident.elementInstanceKey == element.key) {
        state.removeIncident(instance, incident);
      }
    }
    if (element.flowScopeKey != -1) {
      ended(instance, element, TERMINATED);
    }
    batch.changed(instance);
  }

  private static final String COMPLETED = "COMPLETED";
  private static final String TERMINATED = "TERMINATED";

  /** The element instance leaves its process instance; the history keeps it (same batch). */
  private void ended(ProcessInstance instance, ElementInstance element, String how) {
    state.removeElement(instance, element);
    batch.elementEnded(instance, element, how, clock.millis());
  }

  // ------------------------------------------------------------------ incidents

  private void raiseIncident(
      ProcessInstance instance, ElementInstance element, Failure failure, long jobKey) {
    Incident incident = new Incident();
    incident.key = state.nextKey();
    incident.errorType = failure.type();
    incident.errorMessage = failure.message();
    incident.processInstanceKey = instance.key;
    incident.elementInstanceKey = element.key;
    incident.elementId = element.elementId;
    incident.jobKey = jobKey;
    incident.creationTime = clock.millis();
    state.addIncident(instance, incident);
    element.incidentKey = incident.key;
    if (jobKey != 0) {
      instance.jobs.get(jobKey).incidentKey = incident.key;
    }
    batch.changed(instance);
  }

  /**
   * Resolves an incident. A job incident makes the job activatable again (same key) if it has
   * retries; otherwise the step that failed is repeated with the current variables, which may raise
   * a new incident.
   */
  void resolve(ProcessInstance instance, Incident incident) {
    state.removeIncident(instance, incident);
    batch.changed(instance);
    ElementInstance element = instance.elements.get(incident.elementInstanceKey);
    if (incident.jobKey != 0) {
      Job job = instance.jobs.get(incident.jobKey);
      if (job == null) {
        return;
      }
      job.incidentKey = 0;
      job.worker = "";
      state.transition(job, Job.State.ACTIVATABLE, 0);
      batch.activatableTypes.add(job.type);
      return;
    }
    if (element.flowScopeKey == -1) {
      startRoot(instance, element);
      return;
    }
    FlowNode node = process(instance).element(element.elementId);
    if (element.state == ElementInstance.State.COMPLETING) {
      complete(instance, element, node);
    } else {
      runActivation(instance, element, node);
    }
  }
}

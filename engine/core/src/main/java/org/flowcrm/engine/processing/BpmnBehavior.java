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
import org.flowcrm.engine.model.SequenceFlow;
import org.flowcrm.engine.state.DeployedProcess;
import org.flowcrm.engine.state.ElementInstance;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.Incident;
import org.flowcrm.engine.state.Job;
import org.flowcrm.engine.state.ProcessInstance;

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
    ProcessInstance instance = new ProcessInstance();
    instance.key = state.nextKey();
    instance.processDefinitionKey = definition.key();
    instance.bpmnProcessId = definition.bpmnProcessId();
    instance.version = definition.version();
    instance.tenantId = definition.tenantId();
    instance.startTime = clock.millis();
    state.addInstance(instance);
    ElementInstance root = new ElementInstance(instance.key, definition.bpmnProcessId(), -1);
    root.state = ElementInstance.State.ACTIVE;
    root.variables.putAll(variables);
    state.addElement(instance, root);
    batch.changed(instance);
    FlowNode process = definition.executable().process();
    activate(instance, root, definition.executable().element(process.startEventId()));
    return instance;
  }

  void cancel(ProcessInstance instance) {
    terminateChildren(instance, instance.root());
    finish(instance, "TERMINATED");
  }

  private void finish(ProcessInstance instance, String how) {
    Map<String, Object> variables = new LinkedHashMap<>(instance.root().variables);
    state.removeInstance(instance);
    batch.changed.remove(instance.key);
    batch.finished.put(instance.key, new Batch.Finished(instance, how, variables, clock.millis()));
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
    if (!node.inputs().isEmpty()) {
      Object mapped =
          applyMappings(node.inputs(), visibleVariables(instance, scope), new LinkedHashMap<>());
      if (mapped instanceof Failure failure) {
        raiseIncident(instance, element, failure, 0);
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> locals = (Map<String, Object>) mapped;
      element.variables.clear();
      element.variables.putAll(locals);
    }
    switch (node.type()) {
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
        element.state = ElementInstance.State.ACTIVE;
        activate(instance, element, process(instance).element(node.startEventId()));
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
    Job job = new Job();
    job.key = state.nextKey();
    job.type = jobType;
    job.processInstanceKey = instance.key;
    job.elementInstanceKey = element.key;
    job.elementId = node.id();
    job.retries = jobRetries;
    job.customHeaders = new LinkedHashMap<>(node.headers());
    job.state = Job.State.ACTIVATABLE;
    element.jobKey = job.key;
    element.state = ElementInstance.State.ACTIVE;
    state.addJob(instance, job);
    batch.activatableTypes.add(jobType);
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
   * Looks for an error boundary event from the throwing element outwards (an exact code before a
   * catch-all on the same element). Caught: the element the boundary sits on is terminated and the
   * boundary event activated with the error variables as its locals. Not caught: an incident.
   */
  private void throwError(
      ProcessInstance instance,
      ElementInstance thrower,
      String errorCode,
      String errorMessage,
      Map<String, Object> variables,
      long jobKey) {
    ExecutableProcess process = process(instance);
    ElementInstance candidate = thrower;
    while (candidate != null) {
      FlowNode node = process.element(candidate.elementId);
      FlowNode catcher = null;
      for (FlowNode boundary : node.boundaryEvents()) {
        if (errorCode.equals(boundary.caughtErrorCode())) {
          catcher = boundary;
          break;
        }
      }
      if (catcher == null) {
        for (FlowNode boundary : node.boundaryEvents()) {
          if (boundary.caughtErrorCode() == null) {
            catcher = boundary;
            break;
          }
        }
      }
      if (catcher != null) {
        ElementInstance scope = instance.elements.get(candidate.flowScopeKey);
        terminate(instance, candidate);
        ElementInstance event = new ElementInstance(state.nextKey(), catcher.id(), scope.key);
        event.variables.putAll(variables);
        state.addElement(instance, event);
        batch.changed(instance);
        runActivationOfCatchEvent(instance, event, catcher);
        return;
      }
      candidate = instance.elements.get(candidate.flowScopeKey);
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
    if (node.hasOutputMappings()) {
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
    state.removeElement(instance, element);
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
    if (element.jobKey != 0) {
      Job job = instance.jobs.get(element.jobKey);
      if (job != null) {
        state.removeJob(instance, job);
      }
    }
    for (Incident incident : new ArrayList<>(instance.incidents.values())) {
      if (incident.elementInstanceKey == element.key) {
        state.removeIncident(instance, incident);
      }
    }
    if (element.flowScopeKey != -1) {
      state.removeElement(instance, element);
    }
    batch.changed(instance);
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
    FlowNode node = process(instance).element(element.elementId);
    if (element.state == ElementInstance.State.COMPLETING) {
      complete(instance, element, node);
    } else {
      runActivation(instance, element, node);
    }
  }
}

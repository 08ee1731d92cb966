package org.flowcrm.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.engine.feel.Expression;

/**
 * One executable element of a process (or the process itself). Built once at deploy time by {@link
 * BpmnTransformer}; read-only afterwards.
 */
public final class FlowNode {

  /** How a timer's expression is read. */
  public enum TimerKind {
    DURATION,
    DATE,
    CYCLE
  }

  public enum EndKind {
    NONE,
    TERMINATE,
    ERROR
  }

  final String id;
  final ElementType type;

  /** Id of the process or sub-process that contains this element; null for the process. */
  final String scopeId;

  final List<SequenceFlow> incoming = new ArrayList<>();
  final List<SequenceFlow> outgoing = new ArrayList<>();
  String defaultFlowId;
  final List<Mapping> inputs = new ArrayList<>();
  final List<Mapping> outputs = new ArrayList<>();
  boolean hasOutputMappings;

  // job tasks
  Expression jobType;
  Expression jobRetries;
  final Map<String, String> headers = new LinkedHashMap<>();

  // user tasks (zeebe:userTask, and job-based ones whose job headers they fill)
  String name;
  Expression assignee;
  Expression candidateGroups;
  Expression candidateUsers;
  Expression dueDate;
  Expression followUpDate;
  Expression priority;
  String formKey;
  String formId;
  Expression externalFormReference;
  boolean jobBasedUserTask;

  // script tasks
  Expression script;
  String resultVariable;

  // end events
  EndKind endKind = EndKind.NONE;
  Expression errorCode;

  // timer events (intermediate catch, boundary, start)
  TimerKind timerKind;
  Expression timer;

  // message events and receive tasks
  Expression messageName;
  Expression correlationKey;

  /** Signal events: the signal's name (catch and boundary events: static or FEEL). */
  Expression signalName;

  /** Process: signal start events. */
  final List<String> signalStartEventIds = new ArrayList<>();

  /** Process: message start events. */
  final List<String> messageStartEventIds = new ArrayList<>();

  /** Boundary events: whether triggering it terminates the activity. */
  boolean interrupting = true;

  /**
   * Error catch events: error boundaries and error start events of event sub-processes (those
   * {@link #caughtErrorCode} applies to).
   */
  boolean errorBoundary;

  /** Process: timer start events. */
  final List<String> timerStartEventIds = new ArrayList<>();

  // boundary events: the activity they are attached to, and the error code caught (null = all)
  String attachedToId;
  String caughtErrorCode;
  final List<FlowNode> boundaryEvents = new ArrayList<>();

  // sub-process / process: the none start event to activate (event sub-process: its start event)
  String startEventId;

  /** Process and sub-processes: start events of the event sub-processes directly inside. */
  final List<FlowNode> eventSubProcessStarts = new ArrayList<>();

  /** Multi-instance activities: how the inner instances are made; null for a single instance. */
  MultiInstance multiInstance;

  // call activities
  Expression calledProcessId;
  boolean propagateAllParentVariables = true;
  boolean propagateAllChildVariables = true;

  /** Inclusive joins: for each incoming flow, the ids of the elements that can still reach it. */
  final Map<String, Set<String>> reachingIncoming = new LinkedHashMap<>();

  FlowNode(String id, ElementType type, String scopeId) {
    this.id = id;
    this.type = type;
    this.scopeId = scopeId;
  }

  public String id() {
    return id;
  }

  public ElementType type() {
    return type;
  }

  public String scopeId() {
    return scopeId;
  }

  public List<SequenceFlow> incoming() {
    return incoming;
  }

  public List<SequenceFlow> outgoing() {
    return outgoing;
  }

  public String defaultFlowId() {
    return defaultFlowId;
  }

  public List<Mapping> inputs() {
    return inputs;
  }

  public List<Mapping> outputs() {
    return outputs;
  }

  public boolean hasOutputMappings() {
    return hasOutputMappings;
  }

  public Expression jobType() {
    return jobType;
  }

  public Expression jobRetries() {
    return jobRetries;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public String name() {
    return name;
  }

  public Expression assignee() {
    return assignee;
  }

  public Expression candidateGroups() {
    return candidateGroups;
  }

  public Expression candidateUsers() {
    return candidateUsers;
  }

  public Expression dueDate() {
    return dueDate;
  }

  public Expression followUpDate() {
    return followUpDate;
  }

  public Expression priority() {
    return priority;
  }

  public String formKey() {
    return formKey;
  }

  public String formId() {
    return formId;
  }

  public Expression externalFormReference() {
    return externalFormReference;
  }

  /** A {@code bpmn:userTask} without {@code zeebe:userTask}: a job for a task worker. */
  public boolean jobBasedUserTask() {
    return jobBasedUserTask;
  }

  public Expression script() {
    return script;
  }

  public String resultVariable() {
    return resultVariable;
  }

  public EndKind endKind() {
    return endKind;
  }

  public Expression errorCode() {
    return errorCode;
  }

  public Expression messageName() {
    return messageName;
  }

  public Expression correlationKey() {
    return correlationKey;
  }

  public List<String> messageStartEventIds() {
    return messageStartEventIds;
  }

  public Expression signalName() {
    return signalName;
  }

  public List<String> signalStartEventIds() {
    return signalStartEventIds;
  }

  /** Whether the event waits for a subscription: a message or a signal. */
  public boolean subscribes() {
    return messageName != null || signalName != null;
  }

  /** Boundary events with a message or a signal. */
  public boolean hasMessageBoundaries() {
    for (FlowNode b : boundaryEvents) {
      if (b.subscribes()) {
        return true;
      }
    }
    return false;
  }

  public TimerKind timerKind() {
    return timerKind;
  }

  public Expression timer() {
    return timer;
  }

  public boolean interrupting() {
    return interrupting;
  }

  public boolean errorBoundary() {
    return errorBoundary;
  }

  public List<String> timerStartEventIds() {
    return timerStartEventIds;
  }

  /** Boundary events with a timer. */
  public boolean hasTimerBoundaries() {
    for (FlowNode b : boundaryEvents) {
      if (b.timer != null) {
        return true;
      }
    }
    return false;
  }

  public String attachedToId() {
    return attachedToId;
  }

  public String caughtErrorCode() {
    return caughtErrorCode;
  }

  public List<FlowNode> boundaryEvents() {
    return boundaryEvents;
  }

  public String startEventId() {
    return startEventId;
  }

  /** Start events of the event sub-processes this scope contains (timer, message or error). */
  public List<FlowNode> eventSubProcessStarts() {
    return eventSubProcessStarts;
  }

  /** The multi-instance characteristics, or null. */
  public MultiInstance multiInstance() {
    return multiInstance;
  }

  /** Call activity: the called process id, static or FEEL. */
  public Expression calledProcessId() {
    return calledProcessId;
  }

  /** Call activity: whether the child gets every variable visible here, not only input mappings. */
  public boolean propagateAllParentVariables() {
    return propagateAllParentVariables;
  }

  /** Call activity: whether the child's variables come back when it has no output mappings. */
  public boolean propagateAllChildVariables() {
    return propagateAllChildVariables;
  }

  public Map<String, Set<String>> reachingIncoming() {
    return reachingIncoming;
  }

  /** A gateway that waits for tokens on several incoming flows. */
  public boolean isJoin() {
    return (type == ElementType.PARALLEL_GATEWAY || type == ElementType.INCLUSIVE_GATEWAY)
        && incoming.size() > 1;
  }
}

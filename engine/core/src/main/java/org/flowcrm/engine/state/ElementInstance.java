package org.flowcrm.engine.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One activation of an element (the process itself included). Its {@link #variables} are the
 * variables of this scope. Public fields because it is a persisted snapshot; only the processor
 * thread touches it.
 */
public final class ElementInstance {

  /** Where the element stands; an incident keeps it in ACTIVATING or COMPLETING. */
  public enum State {
    ACTIVATING,
    ACTIVE,
    COMPLETING
  }

  public long key;
  public String elementId;

  /** The enclosing scope's element instance; -1 for the process instance itself. */
  public long flowScopeKey;

  public State state = State.ACTIVATING;
  public Map<String, Object> variables = new LinkedHashMap<>();

  /** Variables handed in by a job completion or a script, merged when the element completes. */
  public Map<String, Object> pendingVariables;

  /** Epoch millis the element was entered (0 in state written before it was recorded). */
  public long startTime;

  public long jobKey;

  /**
   * The last incident raised on this element, kept after it is resolved: the element-instance
   * history names it once the element has ended. 0 = never had one.
   */
  public long incidentKey;

  /** The open user task of a {@code zeebe:userTask} element; 0 = none. */
  public long userTaskKey;

  /** The process itself: the start event to activate, until it is activated. */
  public String startEventId;

  /**
   * Multi-instance: 0 for the body (the activity as a whole), 1.. for its inner instances (the
   * {@code loopCounter}); also 0 for every element that is not multi-instance.
   */
  public int loopCounter;

  /** Multi-instance body: the input collection as evaluated on activation. */
  public java.util.List<Object> multiInstanceItems;

  /** Multi-instance body: how many inner instances completed. */
  public int multiInstanceCompleted;

  /** A call activity's child process instance while it runs; 0 = none. */
  public long calledInstanceKey;

  /** Flows chosen by a gateway, taken when it completes. */
  public java.util.List<String> chosenFlows;

  /** Tokens waiting at joining gateways of this scope: gateway id → incoming flow id → count. */
  public Map<String, Map<String, Integer>> joinTokens;

  public ElementInstance() {}

  public ElementInstance(long key, String elementId, long flowScopeKey) {
    this.key = key;
    this.elementId = elementId;
    this.flowScopeKey = flowScopeKey;
  }
}

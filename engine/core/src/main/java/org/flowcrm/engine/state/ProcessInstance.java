package org.flowcrm.engine.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running process instance with everything that belongs to it: element instances (the process
 * itself under its own key), jobs and incidents. It is persisted as one JSON document.
 */
public final class ProcessInstance {

  public long key;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String tenantId;
  public long startTime;

  /** Started by a call activity: the calling instance and the call activity's element instance. */
  public long parentProcessInstanceKey;

  public long parentElementInstanceKey;
  public Map<Long, ElementInstance> elements = new LinkedHashMap<>();
  public Map<Long, Job> jobs = new LinkedHashMap<>();
  public Map<Long, Incident> incidents = new LinkedHashMap<>();

  /** Open user tasks (state CREATED); finished ones move to the user-task history. */
  public Map<Long, UserTask> userTasks = new LinkedHashMap<>();

  /** Open message subscriptions of this instance. */
  public Map<Long, MessageSubscription> subscriptions = new LinkedHashMap<>();

  /** The correlation key of the message that started it (message start event), else null. */
  public String startCorrelationKey;

  /** Timers of catch events and boundary events of this instance. */
  public Map<Long, Timer> timers = new LinkedHashMap<>();

  public ElementInstance root() {
    return elements.get(key);
  }
}

package org.flowcrm.engine.api;

import java.util.List;
import java.util.Map;

/**
 * What a process instance looks like now. {@code state} is ACTIVE, COMPLETED or TERMINATED; a
 * finished instance has its final process variables and no element instances or incidents. An
 * instance started by a call activity names its parent instance and the call activity's element
 * instance (0 = none).
 */
public record ProcessInstanceSnapshot(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    String tenantId,
    String state,
    long startTime,
    long endTime,
    Map<String, Object> variables,
    List<ElementInstanceSnapshot> elementInstances,
    List<Incident> incidents,
    long parentProcessInstanceKey,
    long parentElementInstanceKey) {

  public static final String ACTIVE = "ACTIVE";
  public static final String COMPLETED = "COMPLETED";
  public static final String TERMINATED = "TERMINATED";

  /** An active element instance with its local variables. */
  public record ElementInstanceSnapshot(
      long key, String elementId, long flowScopeKey, String state, Map<String, Object> variables) {}
}

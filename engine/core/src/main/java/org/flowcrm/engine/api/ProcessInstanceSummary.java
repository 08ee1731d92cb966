package org.flowcrm.engine.api;

/**
 * A process instance as a search lists it, running or finished. {@code state} is ACTIVE, COMPLETED
 * or TERMINATED; {@code endTime} is 0 while it runs; parent keys are 0 for an instance that no call
 * activity started.
 */
public record ProcessInstanceSummary(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    String processName,
    int version,
    String versionTag,
    String tenantId,
    String state,
    long startTime,
    long endTime,
    boolean hasIncident,
    long parentProcessInstanceKey,
    long parentElementInstanceKey) {}

package org.flowcrm.engine.api;

/**
 * An element instance (a task, event, gateway or sub-process being executed) as Camunda's
 * element-instance API shows it. {@code type} is Camunda's name ({@code SERVICE_TASK}, {@code
 * USER_TASK}, ...); {@code incidentKey} is 0 when no incident holds it; {@code flowScopeKey} is the
 * enclosing sub-process's element instance, or the process instance.
 */
public record ElementInstanceSummary(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String elementId,
    String elementName,
    String type,
    String state,
    long startTime,
    long endTime,
    long incidentKey,
    long flowScopeKey,
    String tenantId) {}

package org.flowcrm.engine.api;

/**
 * A deployed process version as Camunda's process-definition API shows it. {@code name} is the
 * process's name in the BPMN (null when unnamed), {@code versionTag} its {@code zeebe:versionTag},
 * {@code hasStartForm} whether its none start event links a form.
 */
public record ProcessDefinition(
    long key,
    String bpmnProcessId,
    String name,
    int version,
    String versionTag,
    String resourceName,
    String tenantId,
    boolean hasStartForm) {}

package org.flowcrm.engine.api;

public record ProcessInstanceCreated(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    long processInstanceKey,
    String tenantId) {}

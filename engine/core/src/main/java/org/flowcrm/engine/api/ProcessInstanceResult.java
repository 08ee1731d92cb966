package org.flowcrm.engine.api;

import java.util.Map;

public record ProcessInstanceResult(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    long processInstanceKey,
    Map<String, Object> variables,
    String tenantId) {}

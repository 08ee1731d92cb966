package org.flowcrm.engine.api;

import java.util.Map;

/**
 * Start an instance either by {@code processDefinitionKey} (when > 0) or by {@code bpmnProcessId}
 * and {@code version} (-1 = latest).
 */
public record CreateProcessInstance(
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    Map<String, Object> variables,
    String tenantId) {

  public static final int LATEST_VERSION = -1;
}

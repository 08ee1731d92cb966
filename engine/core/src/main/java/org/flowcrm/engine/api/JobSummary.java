package org.flowcrm.engine.api;

import java.util.Map;

/**
 * A job as Camunda's job search shows it. {@code state} is Camunda's: CREATED (activatable or
 * activated), FAILED (back-off running or no retries left) or ERROR_THROWN; {@code deadline} is the
 * epoch millis its activation or back-off ends (0 = none).
 */
public record JobSummary(
    long key,
    String type,
    String worker,
    String state,
    int retries,
    long deadline,
    String errorMessage,
    boolean hasIncident,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    long processDefinitionKey,
    String bpmnProcessId,
    String tenantId,
    Map<String, String> customHeaders) {}

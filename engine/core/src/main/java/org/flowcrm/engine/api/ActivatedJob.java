package org.flowcrm.engine.api;

import java.util.Map;

/** A job handed to a worker, with the fields both client protocols carry. */
public record ActivatedJob(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    String tenantId,
    /** The instance at the top of the call-activity chain; the job's own instance when none. */
    long rootProcessInstanceKey) {}

package org.flowcrm.engine.api;

/**
 * An open incident: an element (or its job) that stopped until the incident is resolved. {@code
 * errorType} is Zeebe's name (JOB_NO_RETRIES, CONDITION_ERROR, EXTRACT_VALUE_ERROR,
 * UNHANDLED_ERROR_EVENT); {@code jobKey} is 0 when no job is involved.
 */
public record Incident(
    long key,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    String errorType,
    String errorMessage,
    long jobKey,
    long creationTime) {}

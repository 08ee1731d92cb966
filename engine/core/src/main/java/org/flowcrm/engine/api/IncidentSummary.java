package org.flowcrm.engine.api;

/** An open incident with the process version it belongs to, as incident searches list it. */
public record IncidentSummary(
    Incident incident, long processDefinitionKey, String bpmnProcessId, String tenantId) {}

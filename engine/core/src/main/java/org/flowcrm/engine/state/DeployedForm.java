package org.flowcrm.engine.state;

/**
 * One version of a deployed form (Camunda Forms JSON); {@code formId} is the schema's {@code id}.
 */
public record DeployedForm(
    long key,
    String formId,
    int version,
    String resourceName,
    byte[] schema,
    String checksum,
    long deploymentKey,
    String tenantId,
    long deployTime) {}

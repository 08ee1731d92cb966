package org.flowcrm.engine.api;

/**
 * A deployed form version: its id (the schema's {@code id}), version, key and the Camunda Forms
 * JSON as deployed.
 */
public record Form(long key, String formId, int version, String schema, String tenantId) {}

package org.flowcrm.engine.api;

/** A message correlated at once (correlate-message): its key and the first instance it reached. */
public record MessageCorrelated(long messageKey, long processInstanceKey, String tenantId) {}

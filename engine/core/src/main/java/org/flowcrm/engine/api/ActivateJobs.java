package org.flowcrm.engine.api;

import java.time.Duration;
import java.util.List;

/**
 * Activate jobs of {@code type} for {@code worker}, locking them for {@code timeout}. {@code
 * fetchVariables} empty means all visible variables.
 */
public record ActivateJobs(
    String type,
    String worker,
    Duration timeout,
    int maxJobsToActivate,
    List<String> fetchVariables,
    Duration requestTimeout) {}

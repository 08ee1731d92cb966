package org.flowcrm.engine.api;

import java.time.Duration;
import java.util.List;

public record StreamJobs(
    String type, String worker, Duration timeout, List<String> fetchVariables) {}

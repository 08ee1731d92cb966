package org.flowcrm.engine.state;

import org.flowcrm.engine.model.ExecutableProcess;

/** One version of a deployed process, with the resource it came from. */
public record DeployedProcess(
    long key,
    String bpmnProcessId,
    int version,
    String resourceName,
    byte[] resource,
    String checksum,
    long deploymentKey,
    String tenantId,
    long deployTime,
    ExecutableProcess executable) {}

package org.flowcrm.engine.api;

import java.util.List;

/** The result of a deployment: its key and one entry per process deployed. */
public record Deployment(long key, String tenantId, List<DeployedProcess> processes) {

  public record DeployedProcess(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      String resourceName,
      String tenantId) {}
}

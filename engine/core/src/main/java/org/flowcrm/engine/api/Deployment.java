package org.flowcrm.engine.api;

import java.util.List;

/** The result of a deployment: its key and one entry per process and per form deployed. */
public record Deployment(
    long key, String tenantId, List<DeployedProcess> processes, List<DeployedForm> forms) {

  public Deployment(long key, String tenantId, List<DeployedProcess> processes) {
    this(key, tenantId, processes, List.of());
  }

  public record DeployedProcess(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      String resourceName,
      String tenantId) {}

  public record DeployedForm(
      String formId, int version, long formKey, String resourceName, String tenantId) {}
}

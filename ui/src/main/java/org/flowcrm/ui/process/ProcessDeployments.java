package org.flowcrm.ui.process;

import java.util.List;

/**
 * Deploys a process model to the engine. The application's implementation goes through the official
 * Camunda client ({@link CamundaProcessDeployments}); it is an interface so the pages can be tested
 * in a browser without an engine.
 */
public interface ProcessDeployments {

  /**
   * Deploys one BPMN resource.
   *
   * @param resourceName the file name the engine records, e.g. {@code lead-qualification.bpmn}
   * @param xml the BPMN XML
   * @return the processes the engine now runs from it, with their new versions
   * @throws DeploymentRefused when the engine refuses the model or cannot be reached
   */
  Deployment deploy(String resourceName, String xml);

  /** What the engine made of a deployment. */
  record Deployment(long key, List<DeployedProcess> processes) {
    public Deployment {
      processes = List.copyOf(processes);
    }
  }

  /** One process of a deployment. */
  record DeployedProcess(String bpmnProcessId, int version, long processDefinitionKey) {}

  /**
   * The engine did not take the model. {@code title} and {@code detail} are the engine's problem
   * detail, shown to the analyst as they are; {@code elementIds} are the diagram elements the
   * detail names, so the modeler can mark them.
   */
  class DeploymentRefused extends RuntimeException {

    private final String title;
    private final String detail;
    private final List<String> elementIds;

    public DeploymentRefused(
        String title, String detail, List<String> elementIds, Throwable cause) {
      super(title + ": " + detail, cause);
      this.title = title;
      this.detail = detail;
      this.elementIds = List.copyOf(elementIds);
    }

    public String title() {
      return title;
    }

    public String detail() {
      return detail;
    }

    public List<String> elementIds() {
      return elementIds;
    }
  }
}

package org.flowcrm.app;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN models of {@code processes/} at start, through the Camunda client, so the same
 * code deploys to the embedded engine and to a Camunda 8 cluster. The engine keeps the version when
 * a model is unchanged, so a restart creates no new versions. Each model is deployed on its own: a
 * model the engine refuses is reported by name and does not keep the others from running.
 */
@Component
class ProcessDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  static final String MODELS = "classpath*:bpmn/*.bpmn";

  private final CamundaClient client;

  ProcessDeployer(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Resource[] models = new PathMatchingResourcePatternResolver().getResources(MODELS);
    Arrays.sort(models, Comparator.comparing(Resource::getFilename));
    for (Resource model : models) {
      deploy(model);
    }
  }

  private void deploy(Resource model) throws IOException {
    String name = model.getFilename();
    try (InputStream content = model.getInputStream()) {
      DeploymentEvent deployment =
          client.newDeployResourceCommand().addResourceStream(content, name).send().join();
      deployment
          .getProcesses()
          .forEach(
              p ->
                  log.info(
                      "Process {} version {} deployed from {}",
                      p.getBpmnProcessId(),
                      p.getVersion(),
                      name));
    } catch (RuntimeException e) {
      log.error("Process model {} was not deployed: {}", name, e.getMessage());
    }
  }
}

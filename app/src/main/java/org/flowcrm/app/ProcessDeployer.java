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
 * Deploys the forms and BPMN models of {@code processes/} at start, through the Camunda client, so
 * the same code deploys to the embedded engine and to a Camunda 8 cluster. The engine keeps the
 * version when a model is unchanged, so a restart creates no new versions. Forms go first, so the
 * user tasks of the first instances already find them. Each resource is deployed on its own: one
 * the engine refuses is reported by name and does not keep the others from running.
 */
@Component
class ProcessDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  static final String FORMS = "classpath*:forms/*.form";
  static final String MODELS = "classpath*:bpmn/*.bpmn";

  private final CamundaClient client;

  ProcessDeployer(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    for (String pattern : new String[] {FORMS, MODELS}) {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
      Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
      for (Resource resource : resources) {
        deploy(resource);
      }
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
      deployment
          .getForm()
          .forEach(
              f ->
                  log.info(
                      "Form {} version {} deployed from {}", f.getFormId(), f.getVersion(), name));
    } catch (RuntimeException e) {
      log.error("{} was not deployed: {}", name, e.getMessage());
    }
  }
}

package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.Map;
import org.flowcrm.FlowcrmApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's own Camunda client and its {@code @JobWorker}s run against the embedded engine
 * with no configuration: the same code would run against a Camunda 8 cluster.
 */
@SpringBootTest(
    classes = FlowcrmApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EmbeddedEngineIT.GreetingWorker.class)
class EmbeddedEngineIT {

  @Autowired CamundaClient client;

  @Test
  void jobWorkerBeanCompletesAProcessOnTheEmbeddedEngine() {
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn-test/greeting.bpmn")
        .send()
        .join();

    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("app-greeting")
            .latestVersion()
            .variables(Map.of("name", "Anna"))
            .withResult()
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .join();

    assertThat(result.getVariablesAsMap()).containsEntry("greeting", "Hello Anna");
  }

  @TestConfiguration
  static class GreetingWorker {
    @Bean
    Greeter greeter() {
      return new Greeter();
    }
  }

  /** Public, as the Camunda Spring SDK invokes {@code @JobWorker} methods reflectively. */
  public static class Greeter {
    @JobWorker(type = "test.greet")
    public Map<String, Object> greet(@Variable String name) {
      return Map.of("greeting", "Hello " + name);
    }
  }
}

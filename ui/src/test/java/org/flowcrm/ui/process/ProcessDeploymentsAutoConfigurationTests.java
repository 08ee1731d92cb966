package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.flowcrm.ui.process.ProcessDeployments.DeploymentRefused;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The deployments adapter appears when the application has a {@link CamundaClient} (a real one,
 * built here against an address where no engine listens) and backs off for the application's own.
 */
class ProcessDeploymentsAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ProcessDeploymentsAutoConfiguration.class));

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static CamundaClient clientWithoutEngine() throws IOException {
    int port = closedPort();
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void noClientNoDeployments() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ProcessDeployments.class));
  }

  @Test
  void deploysThroughTheApplicationsClient() throws IOException {
    try (CamundaClient client = clientWithoutEngine()) {
      runner
          .withBean(CamundaClient.class, () -> client)
          .run(
              context -> {
                assertThat(context)
                    .getBean(ProcessDeployments.class)
                    .isInstanceOf(CamundaProcessDeployments.class);
                // No engine listens there: the analyst gets the client's reason, not a stack trace.
                assertThatThrownBy(
                        () ->
                            context
                                .getBean(ProcessDeployments.class)
                                .deploy("x.bpmn", "<definitions/>"))
                    .isInstanceOf(DeploymentRefused.class)
                    .satisfies(e -> assertThat(((DeploymentRefused) e).detail()).isNotBlank());
              });
    }
  }

  @Test
  void backsOffForTheApplicationsOwnDeployments() throws IOException {
    try (CamundaClient client = clientWithoutEngine()) {
      runner
          .withBean(CamundaClient.class, () -> client)
          .withBean(ProcessDeployments.class, RecordingProcessDeployments::new)
          .run(
              context ->
                  assertThat(context)
                      .getBean(ProcessDeployments.class)
                      .isInstanceOf(RecordingProcessDeployments.class));
    }
  }
}

package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application the way the README does ({@code java -jar}), twice on the same data
 * directory: what was deployed and started before the stop is still there after the start.
 */
class RestartKeepsDataIT {

  @Test
  void stoppingAndStartingAgainKeepsTheData() throws Exception {
    Path data =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "restart-it-");
    int httpPort = freePort();
    int restPort = freePort();
    int grpcPort = freePort();
    long processDefinitionKey;

    try (RunningApp app = RunningApp.start(data, httpPort, restPort, grpcPort);
        CamundaClient client = client(restPort, grpcPort)) {
      assertThat(app.health()).contains("\"status\":\"UP\"");
      DeploymentEvent deployment =
          client
              .newDeployResourceCommand()
              .addResourceFromClasspath("bpmn-test/greeting.bpmn")
              .send()
              .join();
      processDefinitionKey = deployment.getProcesses().get(0).getProcessDefinitionKey();
    }

    try (RunningApp app = RunningApp.start(data, httpPort, restPort, grpcPort);
        CamundaClient client = client(restPort, grpcPort)) {
      assertThat(app.health()).contains("\"status\":\"UP\"");
      ProcessInstanceEvent instance =
          client
              .newCreateInstanceCommand()
              .processDefinitionKey(processDefinitionKey)
              .send()
              .join();
      assertThat(instance.getBpmnProcessId()).isEqualTo("app-greeting");
      assertThat(instance.getVersion()).isEqualTo(1);
    }
  }

  private static CamundaClient client(int restPort, int grpcPort) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + restPort))
        .grpcAddress(URI.create("http://localhost:" + grpcPort))
        .preferRestOverGrpc(true)
        .build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The application jar running in its own JVM, as a user starts it. */
  private record RunningApp(Process process, int httpPort, List<String> output)
      implements AutoCloseable {

    static RunningApp start(Path data, int httpPort, int restPort, int grpcPort) throws Exception {
      File jar = new File("target/flowcrm.jar");
      assertThat(jar).as("packaged application").exists();
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.getAbsolutePath(),
                  "--server.port=" + httpPort,
                  "--flowcrm.engine.rest-port=" + restPort,
                  "--flowcrm.engine.grpc-port=" + grpcPort,
                  "--flowcrm.mail.catcher.port=0",
                  "--flowcrm.mariadb.data-dir=" + data.resolve("mariadb"),
                  "--logging.file.name=" + data.resolve("flowcrm.log"))
              .redirectErrorStream(true)
              .start();
      List<String> output = new ArrayList<>();
      RunningApp app = new RunningApp(process, httpPort, output);
      // a cold start of the packaged jar on a busy 2-core CI machine has taken over 2 minutes
      app.awaitReady(Duration.ofSeconds(300));
      return app;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () ->
                  new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                      .lines()
                      .forEach(lines::add),
              "app-output");
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) {
          if (!process.isAlive() && lines.isEmpty()) {
            break;
          }
          continue;
        }
        output.add(line);
        if (line.contains("Flowcrm is ready: open http://localhost:" + httpPort)) {
          return;
        }
      }
      throw new AssertionError(
          "The application did not print its URL; last output:\n"
              + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())));
    }

    String health() throws Exception {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + httpPort + "/actuator/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }

    @Override
    public void close() throws Exception {
      process.destroy(); // SIGTERM: graceful shutdown, as Ctrl+C would
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.writeString(Path.of("target", "restart-it-app.log"), String.join("\n", output));
    }
  }
}

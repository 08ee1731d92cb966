package org.flowcrm.engine.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether the application talks to the embedded engine or to an
 * external Camunda 8 cluster.
 *
 * <ul>
 *   <li>The user configured a cluster ({@code camunda.client.rest-address}, {@code grpc-address},
 *       SaaS mode or a cluster id, or their legacy {@code zeebe.client.*} forms): the embedded
 *       engine does not start ({@code flowcrm.engine.embedded=false} unless set explicitly) and the
 *       client settings are left alone.
 *   <li>Otherwise, unless {@code flowcrm.engine.embedded=false}: the Camunda client defaults to the
 *       embedded engine's ports. A port of 0 is resolved to a free port here, so the engine and the
 *       client agree on it.
 * </ul>
 *
 * Defaults go into a property source of lowest precedence: anything the user sets wins.
 */
public class EmbeddedEngineEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE = "flowcrmEmbeddedEngine";

  /** Properties that point the Camunda client (Spring starter 8.8+, and legacy) elsewhere. */
  static final List<String> EXTERNAL_CLUSTER =
      List.of(
          "camunda.client.rest-address",
          "camunda.client.grpc-address",
          "camunda.client.cloud.cluster-id",
          "camunda.client.cluster-id",
          "camunda.client.zeebe.rest-address",
          "camunda.client.zeebe.grpc-address",
          "zeebe.client.broker.gateway-address",
          "zeebe.client.broker.grpc-address",
          "zeebe.client.broker.rest-address",
          "zeebe.client.cloud.cluster-id");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Boolean embedded = environment.getProperty("flowcrm.engine.embedded", Boolean.class);
    if (Boolean.FALSE.equals(embedded)) {
      return;
    }
    Map<String, Object> defaults = new LinkedHashMap<>();
    Map<String, Object> resolvedPorts = new LinkedHashMap<>();
    if (externalCluster(environment)) {
      if (embedded == null) {
        defaults.put("flowcrm.engine.embedded", "false");
      }
    } else {
      int restPort = port(environment, "flowcrm.engine.rest-port", 8088, resolvedPorts);
      int grpcPort = port(environment, "flowcrm.engine.grpc-port", 26500, resolvedPorts);
      String host = clientHost(environment.getProperty("flowcrm.engine.bind-address"));
      defaults.put("camunda.client.rest-address", "http://" + host + ":" + restPort);
      defaults.put("camunda.client.grpc-address", "http://" + host + ":" + grpcPort);
    }
    if (!resolvedPorts.isEmpty()) {
      // Replaces the configured 0, so it must win over it.
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource(SOURCE + "Ports", resolvedPorts));
    }
    if (!defaults.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
  }

  static boolean externalCluster(ConfigurableEnvironment environment) {
    if ("saas".equalsIgnoreCase(environment.getProperty("camunda.client.mode", ""))) {
      return true;
    }
    return EXTERNAL_CLUSTER.stream().anyMatch(environment::containsProperty);
  }

  private static int port(
      ConfigurableEnvironment environment, String name, int fallback, Map<String, Object> out) {
    int port = environment.getProperty(name, Integer.class, fallback);
    if (port == 0) {
      port = freePort();
      out.put(name, Integer.toString(port));
    }
    return port;
  }

  private static String clientHost(String bindAddress) {
    return bindAddress == null || bindAddress.isBlank() || "0.0.0.0".equals(bindAddress)
        ? "127.0.0.1"
        : bindAddress;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }

  @Override
  public int getOrder() {
    // After config data (application.yml, profiles) has been loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }
}

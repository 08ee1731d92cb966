package org.flowcrm.engine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedEngineEnvironmentPostProcessorTests {

  private final EmbeddedEngineEnvironmentPostProcessor processor =
      new EmbeddedEngineEnvironmentPostProcessor();

  private MockEnvironment process(String... properties) {
    MockEnvironment environment = new MockEnvironment();
    for (String property : properties) {
      String[] pair = property.split("=", 2);
      environment.setProperty(pair[0], pair[1]);
    }
    processor.postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void pointsTheCamundaClientAtTheEmbeddedEngineByDefault() {
    MockEnvironment environment = process();

    assertThat(environment.getProperty("camunda.client.rest-address"))
        .isEqualTo("http://127.0.0.1:8088");
    assertThat(environment.getProperty("camunda.client.grpc-address"))
        .isEqualTo("http://127.0.0.1:26500");
    assertThat(environment.getProperty("flowcrm.engine.embedded")).isNull();
  }

  @Test
  void followsConfiguredPortsAndResolvesZeroToOneFreePortForEngineAndClient() {
    MockEnvironment environment =
        process("flowcrm.engine.rest-port=0", "flowcrm.engine.grpc-port=9999");

    String restPort = environment.getProperty("flowcrm.engine.rest-port");
    assertThat(restPort).isNotEqualTo("0");
    assertThat(environment.getProperty("camunda.client.rest-address"))
        .isEqualTo("http://127.0.0.1:" + restPort);
    assertThat(environment.getProperty("camunda.client.grpc-address"))
        .isEqualTo("http://127.0.0.1:9999");
  }

  @Test
  void anExternalClusterTurnsTheEmbeddedEngineOffAndKeepsTheClientSettings() {
    MockEnvironment environment =
        process("camunda.client.grpc-address=http://zeebe.example.com:26500");

    assertThat(environment.getProperty("flowcrm.engine.embedded")).isEqualTo("false");
    assertThat(environment.getProperty("camunda.client.grpc-address"))
        .isEqualTo("http://zeebe.example.com:26500");
    assertThat(environment.getProperty("camunda.client.rest-address")).isNull();
  }

  @Test
  void saasModeCountsAsAnExternalCluster() {
    assertThat(process("camunda.client.mode=saas").getProperty("flowcrm.engine.embedded"))
        .isEqualTo("false");
    assertThat(
            process("zeebe.client.broker.gateway-address=zeebe:26500")
                .getProperty("flowcrm.engine.embedded"))
        .isEqualTo("false");
  }

  @Test
  void explicitSettingsWin() {
    MockEnvironment both =
        process("flowcrm.engine.embedded=true", "camunda.client.rest-address=http://other:8080");
    assertThat(both.getProperty("flowcrm.engine.embedded")).isEqualTo("true");
    assertThat(both.getProperty("camunda.client.rest-address")).isEqualTo("http://other:8080");

    MockEnvironment off = process("flowcrm.engine.embedded=false");
    assertThat(off.getProperty("camunda.client.rest-address")).isNull();
  }
}

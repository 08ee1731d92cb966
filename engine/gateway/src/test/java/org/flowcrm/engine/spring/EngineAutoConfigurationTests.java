package org.flowcrm.engine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.server.EngineServer;
import org.flowcrm.engine.server.StubEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EngineAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  EngineAutoConfiguration.class, EngineHealthAutoConfiguration.class))
          .withPropertyValues("flowcrm.engine.rest-port=0", "flowcrm.engine.grpc-port=0");

  @Test
  void servesTheEngineAndReportsItsHealthAsEngine() {
    StubEngine engine = new StubEngine();
    runner
        .withBean(ProcessEngine.class, () -> engine)
        .run(
            context -> {
              EngineServer server = context.getBean(EngineServer.class);
              assertThat(server.isRunning()).isTrue();
              assertThat(server.restPort()).isPositive();
              assertThat(context).hasBean("engineHealthIndicator");
              EngineHealthIndicator health = context.getBean(EngineHealthIndicator.class);
              assertThat(health.health().getStatus()).isEqualTo(Status.UP);
              context.close();
              assertThat(server.isRunning()).isFalse();
              assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            });
  }

  @Test
  void doesNothingWhenTurnedOff() {
    runner
        .withBean(ProcessEngine.class, StubEngine::new)
        .withPropertyValues("flowcrm.engine.embedded=false")
        .run(context -> assertThat(context).doesNotHaveBean(EngineServer.class));
  }

  @Test
  void doesNothingWithoutADataSource() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(ProcessEngine.class);
          assertThat(context).doesNotHaveBean(EngineServer.class);
        });
  }
}

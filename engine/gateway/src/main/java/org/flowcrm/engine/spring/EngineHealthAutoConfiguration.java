package org.flowcrm.engine.spring;

import org.flowcrm.engine.server.EngineServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The {@code engine} health contributor, apart so that the engine runs in applications without
 * {@code spring-boot-health} on the classpath.
 */
@AutoConfiguration(after = EngineAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class EngineHealthAutoConfiguration {

  /** Named {@code engine} in the health endpoint (Boot drops the "HealthIndicator" suffix). */
  @Bean
  @ConditionalOnBean(EngineServer.class)
  EngineHealthIndicator engineHealthIndicator(EngineServer server) {
    return new EngineHealthIndicator(server);
  }
}

package org.flowcrm.engine.spring;

import java.time.Clock;
import javax.sql.DataSource;
import org.flowcrm.engine.EngineFactory;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.server.EngineServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Embeds the engine when the application has a DataSource and {@code flowcrm.engine.embedded} is
 * not false (the {@link EmbeddedEngineEnvironmentPostProcessor} sets it false when the Camunda
 * client points at an external cluster).
 *
 * <p>Ordered before the Camunda client's auto-configuration so the gateways listen before the
 * application's job workers start polling. Beans close in reverse dependency order: the gateways
 * (answering pending long polls), then the engine, then the DataSource.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    beforeName = "io.camunda.client.spring.configuration.CamundaAutoConfiguration")
@ConditionalOnProperty(
    prefix = "flowcrm.engine",
    name = "embedded",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(EngineProperties.class)
public class EngineAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBean(DataSource.class)
  ProcessEngine flowcrmProcessEngine(DataSource dataSource, EngineProperties properties) {
    return EngineFactory.create(
        new EngineSettings(properties.maxMessageSize(), Clock.systemUTC()), dataSource);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBean(ProcessEngine.class)
  EngineServer flowcrmEngineServer(ProcessEngine engine, EngineProperties properties) {
    return EngineServer.serve(engine, properties.gatewaySettings());
  }
}

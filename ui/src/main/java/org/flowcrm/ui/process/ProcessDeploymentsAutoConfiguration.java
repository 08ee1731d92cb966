package org.flowcrm.ui.process;

import io.camunda.client.CamundaClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Deploys through the {@link CamundaClient} that the application's Camunda Spring starter provides.
 * Backs off when the application defines its own {@link ProcessDeployments}.
 */
@AutoConfiguration(afterName = "io.camunda.client.spring.configuration.CamundaAutoConfiguration")
@ConditionalOnClass(CamundaClient.class)
public class ProcessDeploymentsAutoConfiguration {

  @Bean
  @ConditionalOnBean(CamundaClient.class)
  @ConditionalOnMissingBean(ProcessDeployments.class)
  ProcessDeployments camundaProcessDeployments(CamundaClient client) {
    return new CamundaProcessDeployments(client);
  }
}

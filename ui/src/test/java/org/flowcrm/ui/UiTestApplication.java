package org.flowcrm.ui;

import org.flowcrm.ui.process.RecordingProcessDeployments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The ui pages with the CRM behind them (crm-api's services, security and schema on an ephemeral
 * embedded MariaDB), for the browser tests. The embedded engine (engine/gateway, test scope) starts
 * on the same DataSource and the Camunda starter's client points at it, so the task inbox works
 * with real process user tasks. Deployments from the modeler still go to {@link
 * RecordingProcessDeployments}, a test double of our own port (it replaces the Camunda adapter);
 * the deploy-and-run journey is an end-to-end test of {@code app}.
 *
 * <p>crm-api lives in {@code org.flowcrm.crm}, beside this package rather than below it, so it is
 * scanned explicitly and registered as an auto-configuration package (JPA entities, repositories).
 *
 * <p>To look at the pages by hand: {@code mvn -pl ui spring-boot:test-run} (see ui/README.md).
 */
@SpringBootApplication(scanBasePackages = {"org.flowcrm.ui", "org.flowcrm.crm"})
@AutoConfigurationPackage(basePackages = "org.flowcrm.crm")
public class UiTestApplication {

  @Bean
  RecordingProcessDeployments recordingProcessDeployments() {
    return new RecordingProcessDeployments();
  }

  public static void main(String[] args) {
    SpringApplication.run(UiTestApplication.class, args);
  }
}

package org.flowcrm.ui;

import org.flowcrm.ui.process.RecordingProcessDeployments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The ui pages with the CRM behind them (crm-api's services, security and schema on an ephemeral
 * embedded MariaDB), for the browser tests. There is no engine here: deployments go to {@link
 * RecordingProcessDeployments}, a test double of our own port; the deploy-and-run journey against
 * the engine is an end-to-end test of {@code app}.
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

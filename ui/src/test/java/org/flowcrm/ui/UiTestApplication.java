package org.flowcrm.ui;

import org.flowcrm.ui.process.RecordingProcessDeployments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The ui module's pages as a web application of their own, for the browser tests. There is no
 * engine here: deployments go to {@link RecordingProcessDeployments}, a test double of our own
 * port; the deploy-and-run journey against the engine is an end-to-end test of {@code app}.
 *
 * <p>To look at the pages by hand: {@code mvn -pl ui spring-boot:test-run} (see ui/README.md).
 */
@SpringBootApplication
public class UiTestApplication {

  @Bean
  RecordingProcessDeployments recordingProcessDeployments() {
    return new RecordingProcessDeployments();
  }

  public static void main(String[] args) {
    SpringApplication.run(UiTestApplication.class, args);
  }
}

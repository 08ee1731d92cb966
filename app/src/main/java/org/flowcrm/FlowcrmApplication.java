package org.flowcrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Flowcrm: a sales CRM whose lifecycle is BPMN. This class sits in the root package so that every
 * feature module ({@code org.flowcrm.crm}, {@code org.flowcrm.workers}, {@code org.flowcrm.ui}) is
 * found by component and entity scanning.
 */
@SpringBootApplication
public class FlowcrmApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(FlowcrmApplication.class, args);
    } catch (RuntimeException startFailed) {
      // Spring Boot has already reported why. Exit, so the shutdown hooks stop the embedded
      // MariaDB and mail catcher, whose threads would otherwise keep the JVM alive.
      System.exit(1);
    }
  }
}

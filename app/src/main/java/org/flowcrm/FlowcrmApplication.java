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
    SpringApplication.run(FlowcrmApplication.class, args);
  }
}

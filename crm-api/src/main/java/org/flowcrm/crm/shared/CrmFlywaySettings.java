package org.flowcrm.crm.shared;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CRM's migrations ({@code db/migration}, history in {@code flyway_schema_history}) share the
 * database with other modules' tables (the engine keeps its own history table). So that the CRM
 * schema is created even when another module's tables got there first, an unknown non-empty schema
 * is baselined at version 0 and then migrated from {@code V1}.
 */
@Configuration(proxyBeanMethods = false)
class CrmFlywaySettings {

  @Bean
  FlywayConfigurationCustomizer crmBaselineOnMigrate() {
    return configuration -> configuration.baselineOnMigrate(true).baselineVersion("0");
  }
}

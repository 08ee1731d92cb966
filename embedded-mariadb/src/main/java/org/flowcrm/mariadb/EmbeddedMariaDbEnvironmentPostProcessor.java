package org.flowcrm.mariadb;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded MariaDB before any bean exists when no database URL is configured, and points
 * {@code spring.datasource.*} at it. An external database ({@code spring.datasource.url} or {@code
 * SPRING_DATASOURCE_URL}) always wins; {@code flowcrm.mariadb.embedded=false} turns the embedded
 * server off entirely.
 *
 * <p>Properties: {@code flowcrm.mariadb.data-dir} (default {@code ./data/mariadb}), {@code
 * flowcrm.mariadb.port} (default 0 = a free port), {@code flowcrm.mariadb.database} (default {@code
 * flowcrm}), {@code flowcrm.mariadb.ephemeral} (default false; tests use a throw-away directory).
 */
public class EmbeddedMariaDbEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.datasource.url")
        || !environment.getProperty("flowcrm.mariadb.embedded", Boolean.class, true)) {
      return;
    }
    EmbeddedMariaDb.Settings settings =
        new EmbeddedMariaDb.Settings(
            Path.of(environment.getProperty("flowcrm.mariadb.data-dir", "./data/mariadb")),
            environment.getProperty("flowcrm.mariadb.port", Integer.class, 0),
            environment.getProperty("flowcrm.mariadb.database", "flowcrm"),
            environment.getProperty("flowcrm.mariadb.ephemeral", Boolean.class, false));
    EmbeddedMariaDb db = EmbeddedMariaDb.start(settings);
    Map<String, Object> datasource = new HashMap<>();
    datasource.put("spring.datasource.url", db.jdbcUrl());
    datasource.put("spring.datasource.username", db.username());
    datasource.put("spring.datasource.password", db.password());
    datasource.put("flowcrm.mariadb.embedded.running", "true");
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedMariaDb", datasource));
  }

  @Override
  public int getOrder() {
    // After config data (application.yml, profiles) has been loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }
}

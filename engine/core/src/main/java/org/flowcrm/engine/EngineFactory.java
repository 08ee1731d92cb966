package org.flowcrm.engine;

import javax.sql.DataSource;
import org.flowcrm.engine.api.ProcessEngine;

/** Creates engines. The only entry point an embedding application or a gateway needs. */
public final class EngineFactory {

  private EngineFactory() {}

  /**
   * A durable engine whose state lives in the given MariaDB database. Creates or migrates its own
   * tables (prefixed {@code engine_}), loads the state left by a previous run and resumes it.
   */
  public static ProcessEngine create(EngineSettings settings, DataSource dataSource) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}

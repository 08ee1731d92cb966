package org.flowcrm.engine;

import javax.sql.DataSource;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.processing.ProcessingEngine;
import org.flowcrm.engine.store.EngineStore;
import org.flowcrm.engine.store.InMemoryEngineStore;
import org.flowcrm.engine.store.JdbcEngineStore;

/** Creates engines. The only entry point an embedding application or a gateway needs. */
public final class EngineFactory {

  private EngineFactory() {}

  /**
   * A durable engine whose state lives in the given MariaDB database. Creates or migrates its own
   * tables (prefixed {@code engine_}), loads the state left by a previous run and resumes it.
   */
  public static ProcessEngine create(EngineSettings settings, DataSource dataSource) {
    return new ProcessingEngine(settings, new JdbcEngineStore(dataSource));
  }

  /** An engine whose state lives only in memory: for fast tests and experiments. */
  public static ProcessEngine inMemory(EngineSettings settings) {
    return new ProcessingEngine(settings, new InMemoryEngineStore());
  }

  /** An engine on a given store, e.g. an in-memory store shared by a test across "restarts". */
  public static ProcessEngine onStore(EngineSettings settings, EngineStore store) {
    return new ProcessingEngine(settings, store);
  }
}

package org.flowcrm.crm.bench;

import java.nio.file.Path;
import org.flowcrm.mariadb.EmbeddedMariaDb;

/**
 * The persistent embedded MariaDB the benchmarks share: one data directory ({@code --data-dir},
 * default {@code ./data/bench}) and a fixed port ({@code --port}, default 3407) so that the JDBC
 * URL printed by {@code ./bench generate} stays valid for {@code ./bench db} and other tools.
 */
final class BenchDatabase {

  static final String DATA_DIR = "./data/bench";
  static final int PORT = 3407;
  static final String DATABASE = "flowcrm";

  private BenchDatabase() {}

  static EmbeddedMariaDb start(BenchOptions options) {
    Path dataDir = options.path("data-dir", DATA_DIR);
    int port = options.integer("port", PORT);
    return EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(dataDir, port, DATABASE, false));
  }

  /** Spring properties that point an application at this database instead of its own. */
  static String[] springArguments(BenchOptions options) {
    return new String[] {
      "--flowcrm.mariadb.ephemeral=false",
      "--flowcrm.mariadb.data-dir=" + options.path("data-dir", DATA_DIR),
      "--flowcrm.mariadb.port=" + options.integer("port", PORT),
      "--flowcrm.mariadb.database=" + DATABASE
    };
  }
}

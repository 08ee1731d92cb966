package org.flowcrm.crm.bench;

import org.flowcrm.mariadb.EmbeddedMariaDb;

/**
 * {@code ./bench db}: serves the generated benchmark database on its fixed port until the process
 * is stopped (Ctrl-C), for tools that take a JDBC URL (the report benchmark, a SQL client).
 */
public final class BenchDatabaseServer {

  private BenchDatabaseServer() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedMariaDb server = BenchDatabase.start(BenchOptions.parse(args, "data-dir", "port"));
    System.out.println(
        "Benchmark database running: "
            + server.jdbcUrl()
            + " (user root, no password); Ctrl-C stops it");
    Thread.currentThread().join();
  }
}

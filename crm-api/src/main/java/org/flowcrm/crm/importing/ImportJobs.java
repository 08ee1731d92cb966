package org.flowcrm.crm.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import tables, through plain JDBC: progress counters are bumped from the background thread
 * once per batch and items and failures are inserted by the thousand, which JPA would make slow.
 */
@Repository
class ImportJobs {

  /** A job row: the view plus what only the service needs. */
  record Job(ImportView view, String layoutKey, String storedAs) {}

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  ImportJobs(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(
      ImportEntityType type,
      ImportFormat format,
      String fileName,
      long size,
      String storedAs,
      String layoutKey,
      ImportSettings settings,
      Long userId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var s =
              connection.prepareStatement(
                  "INSERT INTO crm_import_job (entity_type, format, file_name, file_size, stored_as,"
                      + " status, layout_key, settings, created_by, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  java.sql.Statement.RETURN_GENERATED_KEYS);
          s.setString(1, type.name());
          s.setString(2, format.name());
          s.setString(3, fileName);
          s.setLong(4, size);
          s.setString(5, storedAs);
          s.setString(6, ImportStatus.UPLOADED.name());
          s.setString(7, layoutKey);
          s.setString(8, json.writeValueAsString(settings));
          s.setObject(9, userId);
          s.setTimestamp(10, Timestamp.from(Instant.now()));
          return s;
        },
        key);
    return key.getKey().longValue();
  }

  Optional<Job> find(long id) {
    return jdbc.query("SELECT * FROM crm_import_job WHERE id = ?", this::job, id).stream()
        .findFirst();
  }

  void saveSettings(long id, ImportSettings settings, String layoutKey) {
    jdbc.update(
        "UPDATE crm_import_job SET settings = ?, layout_key = ? WHERE id = ?",
        json.writeValueAsString(settings),
        layoutKey,
        id);
  }

  /** Moves the job from one status to another; false when it was not in {@code from}. */
  boolean transition(long id, ImportStatus from, ImportStatus to) {
    String stamp =
        switch (to) {
          case RUNNING -> ", started_at = ?";
          case DONE, FAILED -> ", finished_at = ?";
          case REVERTED -> ", reverted_at = ?";
          default -> "";
        };
    List<Object> args = new java.util.ArrayList<>(List.of(to.name()));
    if (!stamp.isEmpty()) {
      args.add(Timestamp.from(Instant.now()));
    }
    args.add(id);
    args.add(from.name());
    return jdbc.update(
            "UPDATE crm_import_job SET status = ?" + stamp + " WHERE id = ? AND status = ?",
            args.toArray())
        == 1;
  }

  void total(long id, int total) {
    jdbc.update("UPDATE crm_import_job SET total_rows = ? WHERE id = ?", total, id);
  }

  void progress(long id, int processed, int created, int updated, int skipped, int failed) {
    jdbc.update(
        "UPDATE crm_import_job SET processed_rows = processed_rows + ?, created_count ="
            + " created_count + ?, updated_count = updated_count + ?, skipped_count = skipped_count"
            + " + ?, failed_count = failed_count + ? WHERE id = ?",
        processed,
        created,
        updated,
        skipped,
        failed,
        id);
  }

  void fail(long id, String error) {
    jdbc.update(
        "UPDATE crm_import_job SET status = ?, error = ?, finished_at = ? WHERE id = ?",
        ImportStatus.FAILED.name(),
        error.length() > 1000 ? error.substring(0, 1000) : error,
        Timestamp.from(Instant.now()),
        id);
  }

  /** Jobs a stopped application left running cannot go on: they are marked failed. */
  int failInterrupted() {
    return jdbc.update(
        "UPDATE crm_import_job SET status = ?, error = ?, finished_at = ? WHERE status = ?",
        ImportStatus.FAILED.name(),
        "Interrupted by a restart of the application; revert it and import again",
        Timestamp.from(Instant.now()),
        ImportStatus.RUNNING.name());
  }

  void addFailures(long id, List<RowFailure> failures) {
    for (int from = 0; from < failures.size(); from += 1000) {
      List<RowFailure> chunk = failures.subList(from, Math.min(failures.size(), from + 1000));
      List<Object> args = new java.util.ArrayList<>(chunk.size() * 5);
      for (RowFailure f : chunk) {
        args.add(id);
        args.add(f.row());
        args.add(f.column() == null ? null : truncate(f.column(), 255));
        args.add(truncate(f.reason(), 1000));
        args.add(f.notice());
      }
      jdbc.update(
          "INSERT INTO crm_import_failure (import_id, row_no, column_name, reason, notice) VALUES "
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")),
          args.toArray());
    }
  }

  List<RowFailure> failures(long id) {
    return jdbc.query(
        "SELECT row_no, column_name, reason, notice FROM crm_import_failure WHERE import_id = ?"
            + " ORDER BY row_no",
        (rs, n) ->
            new RowFailure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
        id);
  }

  /** The latest imports of these kinds, newest first. */
  List<ImportView> recent(java.util.Collection<ImportEntityType> types, int limit) {
    if (types.isEmpty()) {
      return List.of();
    }
    return jdbc
        .query(
            "SELECT * FROM crm_import_job WHERE entity_type IN ("
                + String.join(", ", java.util.Collections.nCopies(types.size(), "?"))
                + ") ORDER BY id DESC LIMIT "
                + limit,
            this::job,
            types.stream().map(Enum::name).toArray())
        .stream()
        .map(Job::view)
        .toList();
  }

  /** A record the import created ({@code previous} null) or updated. */
  record Item(ImportEntityType type, long entityId, String previous) {}

  void addItems(long id, List<Item> items) {
    // One multi-row INSERT per 1,000 items: a JDBC batch costs a round trip per row here.
    for (int from = 0; from < items.size(); from += 1000) {
      List<Item> chunk = items.subList(from, Math.min(items.size(), from + 1000));
      List<Object> args = new java.util.ArrayList<>(chunk.size() * 5);
      for (Item i : chunk) {
        args.add(id);
        args.add(i.type().name());
        args.add(i.entityId());
        args.add(i.previous() == null ? "CREATED" : "UPDATED");
        args.add(i.previous());
      }
      jdbc.update(
          "INSERT INTO crm_import_item (import_id, entity_type, entity_id, action, previous_state)"
              + " VALUES "
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")),
          args.toArray());
    }
  }

  /** What the import created or updated, the latest first (undo order). */
  List<Item> items(long id, ImportEntityType type, boolean created) {
    return jdbc.query(
        "SELECT entity_type, entity_id, previous_state FROM crm_import_item WHERE import_id = ?"
            + " AND entity_type = ? AND action = ? ORDER BY seq DESC",
        (rs, n) ->
            new Item(ImportEntityType.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3)),
        id,
        type.name(),
        created ? "CREATED" : "UPDATED");
  }

  Optional<List<String>> rememberedFields(String layoutKey) {
    return jdbc
        .query(
            "SELECT fields FROM crm_import_layout WHERE layout_key = ?",
            (rs, n) -> rs.getString(1),
            layoutKey)
        .stream()
        .findFirst()
        .map(text -> java.util.Arrays.asList(json.readValue(text, String[].class)));
  }

  void rememberFields(String layoutKey, List<String> fields) {
    jdbc.update(
        "INSERT INTO crm_import_layout (layout_key, fields, updated_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE fields = VALUES(fields), updated_at = VALUES(updated_at)",
        layoutKey,
        json.writeValueAsString(fields),
        Timestamp.from(Instant.now()));
  }

  private Job job(ResultSet rs, int n) throws SQLException {
    ImportView view =
        new ImportView(
            rs.getLong("id"),
            ImportEntityType.valueOf(rs.getString("entity_type")),
            ImportFormat.valueOf(rs.getString("format")),
            rs.getString("file_name"),
            rs.getLong("file_size"),
            ImportStatus.valueOf(rs.getString("status")),
            rs.getInt("total_rows"),
            rs.getInt("processed_rows"),
            rs.getInt("created_count"),
            rs.getInt("updated_count"),
            rs.getInt("skipped_count"),
            rs.getInt("failed_count"),
            rs.getString("error"),
            json.readValue(rs.getString("settings"), ImportSettings.class),
            instant(rs, "created_at"),
            instant(rs, "started_at"),
            instant(rs, "finished_at"),
            instant(rs, "reverted_at"));
    return new Job(view, rs.getString("layout_key"), rs.getString("stored_as"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String truncate(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}

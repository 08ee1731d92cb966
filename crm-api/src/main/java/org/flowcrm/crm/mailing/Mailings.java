package org.flowcrm.crm.mailing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.crm.link.ItemType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The mailing tables through plain JDBC: recipients are inserted by the thousand when a mailing
 * starts and the runner updates them one by one; progress is counted from them, so it is never out
 * of step with what was sent.
 */
@Repository
class Mailings {

  /** A mailing row without its counts. */
  record Mailing(
      long id,
      ItemType entityType,
      String template,
      String locale,
      MailingStatus status,
      String error,
      long createdBy,
      Instant createdAt,
      Instant finishedAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  Mailings(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  long insert(ItemType entityType, String template, String locale, long createdBy) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO crm_mailing (entity_type, template_code, locale, status, created_by,"
                + " created_at) VALUES (:type, :template, :locale, 'RUNNING', :by, :at)")
        .param("type", entityType.name())
        .param("template", template)
        .param("locale", locale)
        .param("by", createdBy)
        .param("at", Timestamp.from(Instant.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertRecipients(long mailingId, List<Long> entityIds) {
    batch.batchUpdate(
        "INSERT INTO crm_mailing_recipient (mailing_id, entity_id, status) VALUES (?, ?, 'PENDING')",
        entityIds,
        1000,
        (statement, id) -> {
          statement.setLong(1, mailingId);
          statement.setLong(2, id);
        });
  }

  Optional<Mailing> find(long id) {
    return jdbc.sql(
            "SELECT id, entity_type, template_code, locale, status, error, created_by, created_at,"
                + " finished_at FROM crm_mailing WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Mailing(
                    rs.getLong("id"),
                    ItemType.valueOf(rs.getString("entity_type")),
                    rs.getString("template_code"),
                    rs.getString("locale"),
                    MailingStatus.valueOf(rs.getString("status")),
                    rs.getString("error"),
                    rs.getLong("created_by"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant()))
        .optional();
  }

  /** The newest mailings, of one user or (null) of everybody. */
  List<Long> latest(Long createdBy, int limit) {
    return jdbc.sql(
            "SELECT id FROM crm_mailing"
                + (createdBy == null ? "" : " WHERE created_by = :by")
                + " ORDER BY id DESC LIMIT :limit")
        .param("by", createdBy)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  List<Long> running() {
    return jdbc.sql("SELECT id FROM crm_mailing WHERE status = 'RUNNING' ORDER BY id")
        .query(Long.class)
        .list();
  }

  /** How many recipients are in each status. */
  Map<RecipientStatus, Integer> counts(long mailingId) {
    Map<RecipientStatus, Integer> counts = new EnumMap<>(RecipientStatus.class);
    for (RecipientStatus s : RecipientStatus.values()) {
      counts.put(s, 0);
    }
    jdbc.sql(
            "SELECT status, COUNT(*) AS n FROM crm_mailing_recipient WHERE mailing_id = :id"
                + " GROUP BY status")
        .param("id", mailingId)
        .query(
            rs -> {
              counts.put(RecipientStatus.valueOf(rs.getString("status")), rs.getInt("n"));
            });
    return counts;
  }

  /** The next recipients still to mail, in id order. */
  List<Long> pending(long mailingId, int limit) {
    return jdbc.sql(
            "SELECT entity_id FROM crm_mailing_recipient WHERE mailing_id = :id"
                + " AND status = 'PENDING' ORDER BY entity_id LIMIT :limit")
        .param("id", mailingId)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  void done(long mailingId, long entityId, RecipientStatus status, String email, String error) {
    jdbc.sql(
            "UPDATE crm_mailing_recipient SET status = :status, email = :email, error = :error"
                + " WHERE mailing_id = :id AND entity_id = :entity")
        .param("status", status.name())
        .param("email", email)
        .param("error", error == null || error.length() <= 1000 ? error : error.substring(0, 1000))
        .param("id", mailingId)
        .param("entity", entityId)
        .update();
  }

  void finish(long mailingId, MailingStatus status, String error) {
    jdbc.sql(
            "UPDATE crm_mailing SET status = :status, error = :error, finished_at = :at"
                + " WHERE id = :id")
        .param("status", status.name())
        .param("error", error == null || error.length() <= 2000 ? error : error.substring(0, 2000))
        .param("at", Timestamp.from(Instant.now()))
        .param("id", mailingId)
        .update();
  }
}

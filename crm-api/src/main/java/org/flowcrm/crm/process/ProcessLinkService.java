package org.flowcrm.crm.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records which process instance drives a lead or deal and the element it is at. The columns are
 * written here only, with a plain UPDATE: a process step is not an edit of the record, so it
 * neither bumps the record's version (a manager's open form stays valid) nor touches {@code
 * updated_at}.
 */
@Service
public class ProcessLinkService {

  private final JdbcTemplate jdbc;

  ProcessLinkService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Links the record to {@code instanceKey} (when it has no process yet) and records the element it
   * is at. Returns false, changing nothing, when another instance already drives the record: the
   * first instance keeps it, so a duplicate start or a stray job cannot take a record over. A
   * {@code null} {@code processId} keeps the one recorded (a job of a called process names the
   * called process, not the one linked to the record); a {@code null} {@code elementId} keeps the
   * element recorded (linking a started instance after its first job already reported).
   *
   * @throws NotFoundException when the record does not exist
   */
  @Transactional
  public boolean record(
      ProcessSubject subject,
      long recordId,
      long instanceKey,
      String processId,
      String elementId,
      String elementName) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    // MariaDB assigns left to right, each assignment seeing the ones before it: "since" is
    // computed before the element and the key change.
    int updated =
        jdbc.update(
            "UPDATE "
                + subject.table()
                + " SET process_element_since = CASE"
                + "   WHEN process_instance_key IS NULL THEN ?"
                + "   WHEN ? IS NULL OR process_element_id <=> ? THEN process_element_since"
                + "   ELSE ? END,"
                + " process_element_name = CASE WHEN ? IS NULL THEN process_element_name ELSE ? END,"
                + " process_element_id = COALESCE(?, process_element_id),"
                + " process_id = COALESCE(?, process_id),"
                + " process_instance_key = ?"
                + " WHERE id = ? AND (process_instance_key IS NULL OR process_instance_key = ?)",
            Timestamp.from(now),
            elementId,
            elementId,
            Timestamp.from(now),
            elementId,
            elementName,
            elementId,
            processId,
            instanceKey,
            recordId,
            instanceKey);
    if (updated == 0 && !exists(subject, recordId)) {
      throw new NotFoundException(name(subject), recordId);
    }
    return updated > 0;
  }

  /** The process driving the record, or {@code null} when none does (or the record is gone). */
  @Transactional(readOnly = true)
  public ProcessLink find(ProcessSubject subject, long recordId) {
    return jdbc
        .query(
            "SELECT process_instance_key, process_id, process_element_id, process_element_name,"
                + " process_element_since FROM "
                + subject.table()
                + " WHERE id = ?",
            (rs, i) -> {
              Timestamp since = rs.getTimestamp(5);
              return Optional.ofNullable(
                  ProcessLink.of(
                      rs.getObject(1, Long.class),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      since == null ? null : since.toInstant()));
            },
            recordId)
        .stream()
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(null);
  }

  private boolean exists(ProcessSubject subject, long recordId) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + subject.table() + " WHERE id = ?", Integer.class, recordId);
    return count != null && count > 0;
  }

  private static String name(ProcessSubject subject) {
    return subject == ProcessSubject.LEAD ? "Lead" : "Deal";
  }
}

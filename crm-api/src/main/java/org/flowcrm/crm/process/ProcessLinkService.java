package org.flowcrm.crm.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

  /**
   * Open leads without a process that were created between {@code createdAfter} and {@code
   * createdBefore} and are not claimed since {@code claimedBefore}: leads whose start of lead
   * processing was lost (the engine was unreachable longer than the starter's retries). Imported
   * leads never start a process and junk or converted leads need none.
   */
  @Transactional(readOnly = true)
  public List<Long> leadsWithoutProcess(
      Instant createdAfter, Instant createdBefore, Instant claimedBefore, int limit) {
    return jdbc.queryForList(
        "SELECT l.id FROM crm_lead l JOIN crm_lead_status s ON s.id = l.status_id"
            + " WHERE l.process_instance_key IS NULL AND l.created_at > ? AND l.created_at < ?"
            + " AND l.source <> 'IMPORT' AND s.semantic = 'OPEN'"
            + " AND (l.process_start_claimed_at IS NULL OR l.process_start_claimed_at < ?)"
            + " ORDER BY l.id LIMIT ?",
        Long.class,
        Timestamp.from(createdAfter),
        Timestamp.from(createdBefore),
        Timestamp.from(claimedBefore),
        limit);
  }

  /**
   * Claims the start of the lead's process: true for exactly one caller while the lead has no
   * process and no claim newer than {@code claimedBefore}, so two starters (the regular one and a
   * catch-up, or two application instances) never both start it.
   */
  @Transactional
  public boolean claimLeadStart(long leadId, Instant claimedBefore) {
    return jdbc.update(
            "UPDATE crm_lead SET process_start_claimed_at = ?"
                + " WHERE id = ? AND process_instance_key IS NULL"
                + " AND (process_start_claimed_at IS NULL OR process_start_claimed_at < ?)",
            Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
            leadId,
            Timestamp.from(claimedBefore))
        == 1;
  }

  /**
   * Open deals without a process whose process the CRM starts (created by hand, through the API or
   * from a store order; never imported or converted ones, V35), created between {@code
   * createdAfter} and {@code createdBefore} and not claimed since {@code claimedBefore}: deals
   * whose start of deal execution was lost.
   */
  @Transactional(readOnly = true)
  public List<Long> dealsWithoutProcess(
      Instant createdAfter, Instant createdBefore, Instant claimedBefore, int limit) {
    return jdbc.queryForList(
        "SELECT d.id FROM crm_deal d"
            + " WHERE d.process_instance_key IS NULL AND d.created_at > ? AND d.created_at < ?"
            + " AND d.starts_process AND NOT d.closed"
            + " AND (d.process_start_claimed_at IS NULL OR d.process_start_claimed_at < ?)"
            + " ORDER BY d.id LIMIT ?",
        Long.class,
        Timestamp.from(createdAfter),
        Timestamp.from(createdBefore),
        Timestamp.from(claimedBefore),
        limit);
  }

  /**
   * Claims the start of the deal's process, like {@link #claimLeadStart}: true for exactly one
   * caller while the deal has no process and no claim newer than {@code claimedBefore}.
   */
  @Transactional
  public boolean claimDealStart(long dealId, Instant claimedBefore) {
    return jdbc.update(
            "UPDATE crm_deal SET process_start_claimed_at = ?"
                + " WHERE id = ? AND process_instance_key IS NULL"
                + " AND (process_start_claimed_at IS NULL OR process_start_claimed_at < ?)",
            Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
            dealId,
            Timestamp.from(claimedBefore))
        == 1;
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

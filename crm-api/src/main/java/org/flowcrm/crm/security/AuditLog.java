package org.flowcrm.crm.security;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Append-only record of security-relevant events: sign-ins, failures, permission changes. */
@Component
public class AuditLog {

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Written in its own transaction: a rolled-back business change still leaves its audit. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String eventType, String principal, String detail, String remoteAddress) {
    jdbc.sql(
            "INSERT INTO crm_audit_event (occurred_at, principal, event_type, detail,"
                + " remote_address) VALUES (:at, :principal, :type, :detail, :remote)")
        .param("at", Instant.now())
        .param("principal", truncate(principal, 100))
        .param("type", eventType)
        .param("detail", truncate(detail, 1000))
        .param("remote", truncate(remoteAddress, 64))
        .update();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}

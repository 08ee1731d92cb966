package org.flowcrm.crm.mailing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.flowcrm.crm.link.ItemType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per mailed contact or lead: the token of its unsubscribe link and whether it opted out. An
 * opt-out holds for the record and for its address (the same person as a lead and as a contact).
 */
@Repository
class Subscribers {

  /** What the public page may show of a subscriber: only the address, never an id. */
  record Subscriber(String email, boolean optedOut) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  Subscribers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the record, or anyone with this address, opted out. */
  boolean optedOut(ItemType type, long id, String email) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM crm_mail_subscriber WHERE opted_out_at IS NOT NULL"
                    + " AND ((item_type = :type AND item_id = :id) OR email = :email)")
            .param("type", type.name())
            .param("id", id)
            .param("email", email)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The record's unsubscribe token, made on its first mail (the address follows the record). */
  String tokenFor(ItemType type, long id, String email) {
    Optional<String> existing = token(type, id);
    if (existing.isPresent()) {
      jdbc.sql(
              "UPDATE crm_mail_subscriber SET email = :email WHERE item_type = :type"
                  + " AND item_id = :id")
          .param("email", email)
          .param("type", type.name())
          .param("id", id)
          .update();
      return existing.get();
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      jdbc.sql(
              "INSERT INTO crm_mail_subscriber (item_type, item_id, email, token, created_at)"
                  + " VALUES (:type, :id, :email, :token, :at)")
          .param("type", type.name())
          .param("id", id)
          .param("email", email)
          .param("token", token)
          .param("at", Timestamp.from(Instant.now()))
          .update();
      return token;
    } catch (DuplicateKeyException raced) {
      return token(type, id).orElseThrow(() -> raced);
    }
  }

  private Optional<String> token(ItemType type, long id) {
    return jdbc.sql(
            "SELECT token FROM crm_mail_subscriber WHERE item_type = :type AND item_id = :id")
        .param("type", type.name())
        .param("id", id)
        .query(String.class)
        .optional();
  }

  Optional<Subscriber> byToken(String token) {
    return jdbc.sql("SELECT email, opted_out_at FROM crm_mail_subscriber WHERE token = :token")
        .param("token", token)
        .query((rs, n) -> new Subscriber(rs.getString(1), rs.getTimestamp(2) != null))
        .optional();
  }

  /** Opts the token's record out (the first time counts); false for an unknown token. */
  boolean optOut(String token) {
    if (byToken(token).isEmpty()) {
      return false;
    }
    jdbc.sql(
            "UPDATE crm_mail_subscriber SET opted_out_at = :at WHERE token = :token"
                + " AND opted_out_at IS NULL")
        .param("at", Timestamp.from(Instant.now()))
        .param("token", token)
        .update();
    return true;
  }
}

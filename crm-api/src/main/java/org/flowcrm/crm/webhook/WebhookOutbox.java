package org.flowcrm.crm.webhook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one delivery row per active subscription of an event, through the caller's connection and
 * so inside the change's transaction: a rolled-back change leaves no row, and a committed one
 * cannot lose its deliveries to a crash (the dispatcher sends what the table holds).
 *
 * <p>Within one transaction a record is announced once per event, and not as updated when it was
 * created in that same transaction (a save that also flushes collections and custom fields would
 * otherwise announce it several times).
 *
 * <p>Subscriptions are cached for {@link #CACHE_TTL} (every tracked change asks, and a bulk import
 * makes many); changes through {@link WebhookService} clear the cache when they commit.
 */
@Component
class WebhookOutbox {

  private static final Duration CACHE_TTL = Duration.ofSeconds(10);
  private static final Object ANNOUNCED = new Object();

  record Subscription(long id, Set<String> events) {}

  private record Cached(List<Subscription> subscriptions, Instant loadedAt) {}

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private volatile Cached cache;

  WebhookOutbox(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records {@code event} of a record for every subscription that wants it. */
  void record(WebhookEvent event, long recordId, Map<String, Object> eventData) {
    List<Subscription> all = subscriptions();
    // tracked whenever anyone listens, so "created" suppresses a later "updated" of the record
    if (all.isEmpty() || !firstInTransaction(event, recordId)) {
      return;
    }
    List<Subscription> subscribers =
        all.stream().filter(s -> s.events().contains(event.eventName())).toList();
    if (subscribers.isEmpty()) {
      return;
    }
    String eventId = UUID.randomUUID().toString();
    String data =
        eventData == null || eventData.isEmpty() ? null : json.writeValueAsString(eventData);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.batchUpdate(
        "INSERT INTO crm_webhook_delivery (webhook_id, delivery_id, event_id, event, entity_type,"
            + " entity_id, event_data, occurred_at, status, attempts, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
        subscribers,
        subscribers.size(),
        (ps, subscription) -> {
          ps.setLong(1, subscription.id());
          ps.setString(2, UUID.randomUUID().toString());
          ps.setString(3, eventId);
          ps.setString(4, event.eventName());
          ps.setString(5, event.recordType().name());
          ps.setLong(6, recordId);
          ps.setString(7, data);
          ps.setTimestamp(8, now);
          ps.setTimestamp(9, now);
        });
  }

  /** Forgets the cached subscriptions once the current transaction (if any) commits. */
  void subscriptionsChanged() {
    cache = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              cache = null;
            }
          });
    }
  }

  private List<Subscription> subscriptions() {
    Cached known = cache;
    if (known == null || known.loadedAt().plus(CACHE_TTL).isBefore(Instant.now())) {
      List<Subscription> loaded =
          jdbc.query(
              "SELECT id, events FROM crm_webhook WHERE active = TRUE",
              (rs, i) ->
                  new Subscription(
                      rs.getLong("id"),
                      Set.copyOf(Arrays.asList(rs.getString("events").split(",")))));
      known = new Cached(loaded, Instant.now());
      cache = known;
    }
    return known.subscriptions();
  }

  @SuppressWarnings("unchecked")
  private static boolean firstInTransaction(WebhookEvent event, long recordId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return true;
    }
    Set<String> announced = (Set<String>) TransactionSynchronizationManager.getResource(ANNOUNCED);
    if (announced == null) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(ANNOUNCED, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(ANNOUNCED);
            }
          });
      announced = fresh;
    }
    String record = event.recordType() + ":" + recordId;
    if (event.eventName().endsWith(".updated")
        && announced.contains(
            record + ":" + event.recordType().name().toLowerCase() + ".created")) {
      return false;
    }
    return announced.add(record + ":" + event.eventName());
  }
}

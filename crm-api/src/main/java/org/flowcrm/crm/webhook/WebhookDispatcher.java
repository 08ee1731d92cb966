package org.flowcrm.crm.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. A single poller thread claims due rows every {@code pollInterval} (row
 * locks with SKIP LOCKED, so several application instances share the work without sending twice)
 * and hands them to at most {@code threads} senders; each POST has a connect and a request timeout,
 * so a slow receiver holds one sender for at most that long and never the CRM's own requests.
 *
 * <p>A claimed row is leased: should this process die mid-send, the row becomes due again when its
 * lease ends and is sent once more (at-least-once; receivers deduplicate on {@code
 * X-Flowcrm-Delivery}).
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int EXCERPT = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final WebhookPayloads payloads;
  private final WebhookSettings settings;
  private final HttpClient http;
  private final Semaphore slots;
  private volatile ScheduledExecutorService poller;
  private volatile ExecutorService senders;

  WebhookDispatcher(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      WebhookPayloads payloads,
      WebhookSettings settings) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.payloads = payloads;
    this.settings = settings;
    this.slots = new Semaphore(Math.max(1, settings.threads()));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1, which every receiver speaks; spares http:// receivers the h2c upgrade
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public void start() {
    if (!settings.enabled() || poller != null) {
      return;
    }
    AtomicInteger number = new AtomicInteger();
    senders =
        Executors.newFixedThreadPool(
            Math.max(1, settings.threads()),
            runnable -> daemon(runnable, "webhook-sender-" + number.incrementAndGet()));
    poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-poller"));
    long interval = Math.max(50, settings.pollInterval().toMillis());
    poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledExecutorService p = poller;
    ExecutorService s = senders;
    poller = null;
    senders = null;
    if (p != null) {
      p.shutdownNow();
    }
    if (s != null) {
      s.shutdown();
      try {
        s.awaitTermination(settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  void poll() {
    try {
      int free = slots.availablePermits();
      if (free == 0) {
        return;
      }
      for (long id : claim(free)) {
        slots.acquireUninterruptibly();
        try {
          senders.execute(
              () -> {
                try {
                  deliver(id);
                } finally {
                  slots.release();
                }
              });
        } catch (RuntimeException rejected) {
          slots.release();
          throw rejected;
        }
      }
    } catch (RuntimeException failure) {
      // the next poll tries again; a database hiccup must not end the schedule
      log.warn("Webhook dispatch poll failed: {}", failure.toString());
    }
  }

  /** Leases up to {@code limit} due deliveries to this process. */
  private List<Long> claim(int limit) {
    Instant now = Instant.now();
    // a lease outlives any attempt, so a live sender is never overtaken by a second one
    Instant leaseEnd =
        now.plus(settings.connectTimeout()).plus(settings.requestTimeout()).plusSeconds(60);
    return transactions.execute(
        status -> {
          List<Long> due =
              jdbc.sql(
                      "SELECT id FROM crm_webhook_delivery WHERE status IN ('PENDING', 'SENDING')"
                          + " AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :n"
                          + " FOR UPDATE SKIP LOCKED")
                  .param("now", Timestamp.from(now))
                  .param("n", limit)
                  .query(Long.class)
                  .list();
          for (long id : due) {
            jdbc.sql(
                    "UPDATE crm_webhook_delivery SET status = 'SENDING', next_attempt_at = :lease"
                        + " WHERE id = :id")
                .param("lease", Timestamp.from(leaseEnd))
                .param("id", id)
                .update();
          }
          return due;
        });
  }

  private record Due(
      long id,
      String deliveryId,
      String eventId,
      String event,
      String entityType,
      long entityId,
      String eventData,
      String payload,
      Timestamp occurredAt,
      int attempts,
      String url,
      String secret,
      boolean active) {}

  void deliver(long id) {
    Optional<Due> found =
        jdbc.sql(
                "SELECT d.id, d.delivery_id, d.event_id, d.event, d.entity_type, d.entity_id,"
                    + " d.event_data, d.payload, d.occurred_at, d.attempts, w.url, w.secret,"
                    + " w.active FROM crm_webhook_delivery d JOIN crm_webhook w"
                    + " ON w.id = d.webhook_id WHERE d.id = :id AND d.status = 'SENDING'")
            .param("id", id)
            .query(Due.class)
            .optional();
    if (found.isEmpty()) {
      return; // deleted with its subscription meanwhile
    }
    Due due = found.get();
    if (!due.active()) {
      finish(due.id(), "SKIPPED", due.attempts(), null, null, "the subscription is inactive");
      return;
    }
    String body = due.payload();
    try {
      if (body == null) {
        // frozen at the first attempt, so every retry sends the same bytes
        body =
            payloads.body(
                due.eventId(),
                due.event(),
                due.occurredAt().toInstant(),
                WebhookEvent.RecordType.valueOf(due.entityType()),
                due.entityId(),
                due.eventData());
        jdbc.sql("UPDATE crm_webhook_delivery SET payload = :body WHERE id = :id")
            .param("body", body)
            .param("id", due.id())
            .update();
      }
    } catch (RuntimeException failure) {
      log.warn("Webhook delivery {}: building the body failed", due.deliveryId(), failure);
      failed(due, null, null, "building the body failed: " + failure.getClass().getSimpleName());
      return;
    }
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    int attempts = due.attempts() + 1;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(due.url()))
              .timeout(settings.requestTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "Flowcrm-Webhooks/1")
              .header("X-Flowcrm-Event", due.event())
              .header("X-Flowcrm-Delivery", due.deliveryId())
              .header("X-Flowcrm-Timestamp", timestamp)
              .header("X-Flowcrm-Signature", "sha256=" + sign(due.secret(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      HttpResponse<java.io.InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String excerpt;
      // only the start is kept, so a receiver answering megabytes costs nothing
      try (java.io.InputStream answer = response.body()) {
        excerpt = excerpt(new String(answer.readNBytes(EXCERPT * 4), StandardCharsets.UTF_8));
      }
      if (response.statusCode() / 100 == 2) {
        finish(due.id(), "DELIVERED", attempts, response.statusCode(), excerpt, null);
      } else {
        failed(due, response.statusCode(), excerpt, "HTTP " + response.statusCode());
      }
    } catch (HttpTimeoutException timeout) {
      failed(due, null, null, "timed out: " + timeout.getMessage());
    } catch (IOException | IllegalArgumentException unreachable) {
      failed(
          due,
          null,
          null,
          unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      // shutting down: due again after its lease, counted as no attempt
    }
  }

  private void failed(Due due, Integer code, String excerpt, String error) {
    int attempts = due.attempts() + 1;
    if (attempts >= settings.maxAttempts()) {
      finish(due.id(), "FAILED", attempts, code, excerpt, error);
      return;
    }
    jdbc.sql(
            "UPDATE crm_webhook_delivery SET status = 'PENDING', attempts = :attempts,"
                + " next_attempt_at = :next, last_attempt_at = :now, last_response_code = :code,"
                + " last_response_body = :body, last_error = :error WHERE id = :id")
        .param("attempts", attempts)
        .param("next", Timestamp.from(Instant.now().plus(settings.backoffAfter(attempts))))
        .param("now", Timestamp.from(Instant.now()))
        .param("code", code)
        .param("body", excerpt)
        .param("error", excerpt(error))
        .param("id", due.id())
        .update();
  }

  private void finish(
      long id, String status, int attempts, Integer code, String excerpt, String error) {
    jdbc.sql(
            "UPDATE crm_webhook_delivery SET status = :status, attempts = :attempts,"
                + " next_attempt_at = NULL, last_attempt_at = :now, last_response_code = :code,"
                + " last_response_body = :body, last_error = :error WHERE id = :id")
        .param("status", status)
        .param("attempts", attempts)
        .param("now", Timestamp.from(Instant.now()))
        .param("code", code)
        .param("body", excerpt)
        .param("error", excerpt(error))
        .param("id", id)
        .update();
  }

  private static String excerpt(String text) {
    return text == null || text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
  }

  /** Hex HMAC-SHA256 of {@code timestamp + "." + body} with the subscription's secret. */
  static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
    }
  }
}

package org.flowcrm.crm.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook subscriptions and their delivery log; administrators only. */
@Service
public class WebhookService {

  private static final String WHAT = "WEBHOOK";
  private static final int MAX_DELIVERIES = 200;

  private final JdbcClient jdbc;
  private final AccessPolicy access;
  private final WebhookOutbox outbox;

  WebhookService(JdbcClient jdbc, AccessPolicy access, WebhookOutbox outbox) {
    this.jdbc = jdbc;
    this.access = access;
    this.outbox = outbox;
  }

  /** Every event name a subscription may ask for. */
  public static List<String> eventNames() {
    return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::eventName).toList();
  }

  @Transactional(readOnly = true)
  public List<WebhookView> list() {
    access.requireAdministrator(WHAT);
    return jdbc.sql("SELECT * FROM crm_webhook ORDER BY id").query(WebhookService::view).list();
  }

  @Transactional(readOnly = true)
  public WebhookView get(long id) {
    access.requireAdministrator(WHAT);
    return find(id);
  }

  @Transactional
  public WebhookView create(WebhookCommand command) {
    access.requireAdministrator(WHAT);
    Valid valid = validate(command, true);
    Instant now = Instant.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO crm_webhook (url, events, secret, description, active, created_at,"
                + " updated_at) VALUES (:url, :events, :secret, :description, :active, :now, :now)")
        .param("url", valid.url())
        .param("events", valid.events())
        .param("secret", command.secret())
        .param("description", valid.description())
        .param("active", command.active() == null || command.active())
        .param("now", Timestamp.from(now))
        .update(keys);
    outbox.subscriptionsChanged();
    return find(keys.getKey().longValue());
  }

  @Transactional
  public WebhookView update(long id, WebhookCommand command) {
    access.requireAdministrator(WHAT);
    WebhookView current = find(id);
    Valid valid = validate(command, false);
    jdbc.sql(
            "UPDATE crm_webhook SET url = :url, events = :events,"
                + " secret = COALESCE(:secret, secret), description = :description,"
                + " active = :active, updated_at = :now WHERE id = :id")
        .param("url", valid.url())
        .param("events", valid.events())
        .param("secret", command.secret())
        .param("description", valid.description())
        .param("active", command.active() == null ? current.active() : command.active())
        .param("now", Timestamp.from(Instant.now()))
        .param("id", id)
        .update();
    outbox.subscriptionsChanged();
    return find(id);
  }

  /** Deletes the subscription and its delivery log; pending deliveries are not sent. */
  @Transactional
  public void delete(long id) {
    access.requireAdministrator(WHAT);
    find(id);
    jdbc.sql("DELETE FROM crm_webhook WHERE id = :id").param("id", id).update();
    outbox.subscriptionsChanged();
  }

  /** The subscription's deliveries, newest first (at most {@value #MAX_DELIVERIES}). */
  @Transactional(readOnly = true)
  public List<DeliveryView> deliveries(long webhookId, int limit) {
    access.requireAdministrator(WHAT);
    find(webhookId);
    return jdbc.sql(
            "SELECT * FROM crm_webhook_delivery WHERE webhook_id = :id ORDER BY id DESC LIMIT :n")
        .param("id", webhookId)
        .param("n", Math.max(1, Math.min(limit, MAX_DELIVERIES)))
        .query(WebhookService::delivery)
        .list();
  }

  /**
   * Sends a delivery again, now, with the same body and delivery id (receivers deduplicate on it);
   * its attempts count from zero again.
   */
  @Transactional
  public DeliveryView redeliver(long webhookId, long deliveryId) {
    access.requireAdministrator(WHAT);
    find(webhookId);
    int updated =
        jdbc.sql(
                "UPDATE crm_webhook_delivery SET status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = :now WHERE id = :id AND webhook_id = :webhook"
                    + " AND status <> 'SENDING'")
            .param("now", Timestamp.from(Instant.now()))
            .param("id", deliveryId)
            .param("webhook", webhookId)
            .update();
    DeliveryView delivery =
        jdbc.sql("SELECT * FROM crm_webhook_delivery WHERE id = :id AND webhook_id = :webhook")
            .param("id", deliveryId)
            .param("webhook", webhookId)
            .query(WebhookService::delivery)
            .optional()
            .orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
    if (updated == 0) {
      throw new org.flowcrm.crm.shared.ConflictException(
          "Delivery " + deliveryId + " is being sent right now; try again when it has finished");
    }
    return delivery;
  }

  private record Valid(String url, String events, String description) {}

  private static Valid validate(WebhookCommand command, boolean creating) {
    List<FieldProblem> problems = new ArrayList<>();
    String url = command.url() == null ? "" : command.url().strip();
    if (url.isEmpty()) {
      problems.add(new FieldProblem("url", "is required"));
    } else if (url.length() > 2000) {
      problems.add(new FieldProblem("url", "must be at most 2000 characters"));
    } else {
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          problems.add(new FieldProblem("url", "must be an http:// or https:// URL"));
        } else if (uri.getHost() == null || uri.getHost().isBlank()) {
          problems.add(new FieldProblem("url", "must name a host"));
        } else if (uri.getUserInfo() != null) {
          problems.add(new FieldProblem("url", "must not contain a user name or password"));
        }
      } catch (URISyntaxException malformed) {
        problems.add(new FieldProblem("url", "is not a valid URL: " + malformed.getReason()));
      }
    }
    Set<String> events = new LinkedHashSet<>();
    if (command.events() == null || command.events().isEmpty()) {
      problems.add(new FieldProblem("events", "must name at least one event of " + eventNames()));
    } else {
      for (int i = 0; i < command.events().size(); i++) {
        String event = command.events().get(i);
        if (event == null || WebhookEvent.named(event.strip()).isEmpty()) {
          problems.add(
              new FieldProblem(
                  "events[" + i + "]", "unknown event '" + event + "'; known: " + eventNames()));
        } else {
          events.add(event.strip());
        }
      }
    }
    String secret = command.secret();
    if (secret == null || secret.isBlank()) {
      if (creating) {
        problems.add(new FieldProblem("secret", "is required (at least 16 characters)"));
      }
    } else if (secret.length() < 16 || secret.length() > 200) {
      problems.add(new FieldProblem("secret", "must be 16 to 200 characters long"));
    }
    String description =
        command.description() == null || command.description().isBlank()
            ? null
            : command.description().strip();
    if (description != null && description.length() > 255) {
      problems.add(new FieldProblem("description", "must be at most 255 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
    return new Valid(url, events.stream().collect(Collectors.joining(",")), description);
  }

  private WebhookView find(long id) {
    return jdbc.sql("SELECT * FROM crm_webhook WHERE id = :id")
        .param("id", id)
        .query(WebhookService::view)
        .optional()
        .orElseThrow(() -> new NotFoundException("Webhook", id));
  }

  private static WebhookView view(ResultSet rs, int row) throws SQLException {
    return new WebhookView(
        rs.getLong("id"),
        rs.getString("url"),
        List.of(rs.getString("events").split(",")),
        rs.getString("description"),
        rs.getBoolean("active"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static DeliveryView delivery(ResultSet rs, int row) throws SQLException {
    return new DeliveryView(
        rs.getLong("id"),
        rs.getString("delivery_id"),
        rs.getString("event_id"),
        rs.getString("event"),
        rs.getString("entity_type"),
        rs.getLong("entity_id"),
        instant(rs, "occurred_at"),
        rs.getString("status"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        instant(rs, "last_attempt_at"),
        rs.getObject("last_response_code", Integer.class),
        rs.getString("last_response_body"),
        rs.getString("last_error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}

package org.flowcrm.crm.webhook;

import java.time.Instant;
import java.util.List;

/** A subscription; its secret is never shown again after it was set. */
public record WebhookView(
    long id,
    String url,
    List<String> events,
    String description,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}

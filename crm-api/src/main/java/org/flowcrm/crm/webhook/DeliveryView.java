package org.flowcrm.crm.webhook;

import java.time.Instant;

/**
 * One event sent (or to be sent) to one subscription: {@code PENDING} (waiting for its next
 * attempt), {@code SENDING}, {@code DELIVERED} (a 2xx answer), {@code FAILED} (every attempt
 * failed) or {@code SKIPPED} (the subscription was deactivated before it went out). {@code
 * lastResponseBody} is the first 500 characters of the receiver's last answer.
 */
public record DeliveryView(
    long id,
    String deliveryId,
    String eventId,
    String event,
    String recordType,
    long recordId,
    Instant occurredAt,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastResponseCode,
    String lastResponseBody,
    String lastError) {}

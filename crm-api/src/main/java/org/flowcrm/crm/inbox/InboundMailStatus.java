package org.flowcrm.crm.inbox;

import java.time.Instant;

/**
 * What the poller did: whether it polls on its own, which mailbox (without the password), when it
 * last polled and succeeded, how many mails the last poll read and all polls filed, and the last
 * error (a poll failure is logged and reported here, never fatal).
 */
public record InboundMailStatus(
    boolean enabled,
    String mailbox,
    Instant lastPollAt,
    Instant lastSuccessAt,
    int lastPollMessages,
    long totalFiled,
    String lastError,
    Instant lastErrorAt) {}

package org.flowcrm.crm.mailing;

import java.time.Instant;
import org.flowcrm.crm.link.ItemType;

/**
 * A mailing and its progress: of {@code total} recipients, {@code sent} were mailed, {@code
 * skippedNoEmail} have no address, {@code skippedUnsubscribed} opted out, {@code failed} could not
 * be mailed (the SMTP server refused, the record was deleted), {@code pending} are still to come.
 */
public record MailingView(
    long id,
    ItemType entityType,
    String template,
    String locale,
    MailingStatus status,
    int total,
    int sent,
    int skippedNoEmail,
    int skippedUnsubscribed,
    int failed,
    int pending,
    String error,
    long createdBy,
    Instant createdAt,
    Instant finishedAt) {}

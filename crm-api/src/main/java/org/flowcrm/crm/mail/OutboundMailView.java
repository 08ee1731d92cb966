package org.flowcrm.crm.mail;

import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;

/** An outgoing mail as callers see it; {@code error} says why a FAILED one failed. */
public record OutboundMailView(
    long id,
    String dedupeKey,
    String templateCode,
    List<String> recipients,
    String subject,
    MailStatus status,
    String error,
    ItemLink item,
    List<String> attachments,
    Instant sentAt,
    Instant createdAt,
    Instant updatedAt) {

  static OutboundMailView of(OutboundMail m) {
    return new OutboundMailView(
        m.getId(),
        m.getDedupeKey(),
        m.getTemplateCode(),
        m.getRecipients(),
        m.getSubject(),
        m.getStatus(),
        m.getError(),
        m.getItem(),
        m.getAttachments(),
        m.getSentAt(),
        m.getCreatedAt(),
        m.getUpdatedAt());
  }
}

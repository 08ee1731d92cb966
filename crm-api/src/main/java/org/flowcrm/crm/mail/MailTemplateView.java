package org.flowcrm.crm.mail;

import java.time.Instant;

/** A mail template as callers see it. */
public record MailTemplateView(
    long id,
    long version,
    String code,
    String locale,
    String name,
    String subject,
    String body,
    MailDocument documentType,
    Instant createdAt,
    Instant updatedAt) {

  static MailTemplateView of(MailTemplate t) {
    return new MailTemplateView(
        t.getId(),
        t.getVersion(),
        t.getCode(),
        t.getLocale(),
        t.getName(),
        t.getSubject(),
        t.getBody(),
        t.getDocumentType(),
        t.getCreatedAt(),
        t.getUpdatedAt());
  }
}

package org.flowcrm.crm.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.AggregateRoot;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One outgoing mail, identified by its dedupe key: a repeated send under the key mails once. */
@Entity
@Table(name = "crm_outbound_mail")
class OutboundMail extends AggregateRoot<OutboundMail> {

  private static final int ERROR_MAX = 2000;

  @Column(name = "dedupe_key", nullable = false, length = 200, updatable = false)
  private String dedupeKey;

  @Column(name = "template_code", length = 100)
  private String templateCode;

  @Column(name = "recipients", nullable = false, length = 2000)
  private String recipients;

  @Column(name = "subject", nullable = false, length = 1000)
  private String subject;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", nullable = false, length = 10)
  private MailStatus status;

  @Column(name = "error", length = ERROR_MAX)
  private String error;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "item_type", length = 10)
  private ItemType itemType;

  @Column(name = "item_id")
  private Long itemId;

  @Column(name = "attachments", length = 1000)
  private String attachments;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected OutboundMail() {}

  OutboundMail(String dedupeKey) {
    this.dedupeKey = dedupeKey;
  }

  /** Records one attempt; a later successful attempt turns a FAILED mail into SENT. */
  void attempted(
      String templateCode,
      List<String> recipients,
      String subject,
      ItemLink item,
      List<String> attachments,
      String failure) {
    this.templateCode = templateCode;
    this.recipients = String.join(", ", recipients);
    this.subject = subject;
    this.itemType = item == null ? null : item.type();
    this.itemId = item == null ? null : item.id();
    this.attachments = attachments.isEmpty() ? null : String.join(", ", attachments);
    if (failure == null) {
      this.status = MailStatus.SENT;
      this.error = null;
      this.sentAt = Instant.now();
    } else {
      this.status = MailStatus.FAILED;
      this.error = failure.length() > ERROR_MAX ? failure.substring(0, ERROR_MAX) : failure;
    }
    touch();
  }

  String getDedupeKey() {
    return dedupeKey;
  }

  String getTemplateCode() {
    return templateCode;
  }

  List<String> getRecipients() {
    return List.of(recipients.split(",\\s*"));
  }

  String getSubject() {
    return subject;
  }

  MailStatus getStatus() {
    return status;
  }

  String getError() {
    return error;
  }

  ItemLink getItem() {
    return itemType == null ? null : new ItemLink(itemType, itemId);
  }

  List<String> getAttachments() {
    return attachments == null ? List.of() : List.of(attachments.split(",\\s*"));
  }

  Instant getSentAt() {
    return sentAt;
  }
}

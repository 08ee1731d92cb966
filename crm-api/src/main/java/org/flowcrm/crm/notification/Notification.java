package org.flowcrm.crm.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One notification for one user. Written once and only ever marked read, so it carries no version
 * (a concurrent "mark read" from two tabs sets the same value).
 */
@Entity
@Table(name = "crm_notification")
class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recipient_id", nullable = false)
  private long recipientId;

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "body", length = 2000)
  private String body;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "item_type", length = 10)
  private ItemType itemType;

  @Column(name = "item_id")
  private Long itemId;

  @Column(name = "dedupe_key", length = 200)
  private String dedupeKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected Notification() {}

  Notification(long recipientId, String title, String body, ItemLink item, String dedupeKey) {
    this.recipientId = recipientId;
    this.title = title;
    this.body = body;
    this.itemType = item == null ? null : item.type();
    this.itemId = item == null ? null : item.id();
    this.dedupeKey = dedupeKey;
    this.createdAt = Instant.now();
  }

  void markRead() {
    if (readAt == null) {
      readAt = Instant.now();
    }
  }

  Long getId() {
    return id;
  }

  long getRecipientId() {
    return recipientId;
  }

  String getTitle() {
    return title;
  }

  String getBody() {
    return body;
  }

  ItemLink getItem() {
    return itemType == null ? null : new ItemLink(itemType, itemId);
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getReadAt() {
    return readAt;
  }
}

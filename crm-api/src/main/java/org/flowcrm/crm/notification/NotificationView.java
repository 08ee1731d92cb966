package org.flowcrm.crm.notification;

import java.time.Instant;
import org.flowcrm.crm.link.ItemLink;

/** A notification as its recipient sees it; {@code readAt} is null while unread. */
public record NotificationView(
    long id,
    long recipientId,
    String title,
    String body,
    ItemLink item,
    Instant createdAt,
    Instant readAt,
    boolean read) {

  static NotificationView of(Notification n) {
    return new NotificationView(
        n.getId(),
        n.getRecipientId(),
        n.getTitle(),
        n.getBody(),
        n.getItem(),
        n.getCreatedAt(),
        n.getReadAt(),
        n.getReadAt() != null);
  }
}

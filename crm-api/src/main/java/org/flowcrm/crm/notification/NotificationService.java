package org.flowcrm.crm.notification;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.user.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Notifications: the public API of the feature. Every read and change is scoped to one recipient,
 * so a user never sees or marks another user's notifications (the REST API passes the signed-in
 * user).
 */
@Service
@Validated
@Transactional(readOnly = true)
public class NotificationService {

  private final Notifications notifications;
  private final UserService users;
  private final ApplicationEventPublisher events;

  NotificationService(
      Notifications notifications, UserService users, ApplicationEventPublisher events) {
    this.notifications = notifications;
    this.users = users;
    this.events = events;
  }

  /**
   * Creates a notification, or returns the one already created under the same {@code dedupeKey} (a
   * redelivered job). The unique key makes a concurrent repeat fail rather than notify twice.
   * Subscribers of the live stream get it once the transaction commits.
   */
  @Transactional
  public NotificationView notify(@Valid NotificationCommand command) {
    if (command.dedupeKey() != null) {
      var existing = notifications.findByDedupeKey(command.dedupeKey());
      if (existing.isPresent()) {
        return NotificationView.of(existing.get());
      }
    }
    users.requireActive(command.recipientId(), "recipientId");
    Notification saved =
        notifications.saveAndFlush(
            new Notification(
                command.recipientId(),
                command.title(),
                command.body(),
                command.item(),
                command.dedupeKey()));
    NotificationView view = NotificationView.of(saved);
    events.publishEvent(new NotificationCreated(view));
    return view;
  }

  /**
   * A user's notifications, newest first; {@code unreadOnly} leaves out read ones. The cursor is
   * the id of the last one on the previous page.
   */
  public CursorPage<NotificationView> mine(
      long recipientId, boolean unreadOnly, ListRequest request) {
    int limit = request.effectiveLimit();
    long before = before(request.after());
    List<Notification> page =
        unreadOnly
            ? notifications.findByRecipientIdAndReadAtIsNullAndIdLessThanOrderByIdDesc(
                recipientId, before, Limit.of(limit + 1))
            : notifications.findByRecipientIdAndIdLessThanOrderByIdDesc(
                recipientId, before, Limit.of(limit + 1));
    boolean more = page.size() > limit;
    List<NotificationView> items = page.stream().limit(limit).map(NotificationView::of).toList();
    return new CursorPage<>(items, more ? Long.toString(items.get(items.size() - 1).id()) : null);
  }

  /** How many of the user's notifications are unread (the badge). */
  public long unreadCount(long recipientId) {
    return notifications.countByRecipientIdAndReadAtIsNull(recipientId);
  }

  /** Marks one of the user's notifications read; another user's is "not found". */
  @Transactional
  public NotificationView markRead(long recipientId, long id) {
    Notification notification =
        notifications
            .findByIdAndRecipientId(id, recipientId)
            .orElseThrow(() -> new NotFoundException("Notification", id));
    notification.markRead();
    return NotificationView.of(notifications.saveAndFlush(notification));
  }

  /** Marks all the user's notifications read; returns how many were unread. */
  @Transactional
  public int markAllRead(long recipientId) {
    return notifications.markAllRead(recipientId, Instant.now());
  }

  private static long before(String after) {
    if (after == null || after.isBlank()) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw new BadParameterException("after", "is not a cursor of this list");
    }
  }
}

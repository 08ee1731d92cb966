package org.flowcrm.crm.notification.web;

import java.util.Map;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.notification.NotificationStream;
import org.flowcrm.crm.notification.NotificationView;
import org.flowcrm.crm.shared.Caller;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in user's notifications: only his own, whoever he is. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

  private final NotificationService notifications;
  private final NotificationStream stream;
  private final Caller caller;

  NotificationController(
      NotificationService notifications, NotificationStream stream, Caller caller) {
    this.notifications = notifications;
    this.stream = stream;
    this.caller = caller;
  }

  /** Newest first; {@code unread=true} lists only unread ones. */
  @GetMapping
  CursorPage<NotificationView> mine(
      @RequestParam(defaultValue = "false") boolean unread, @ModelAttribute ListRequest page) {
    return notifications.mine(me(), unread, page);
  }

  @GetMapping("/unread-count")
  Map<String, Long> unreadCount() {
    return Map.of("count", notifications.unreadCount(me()));
  }

  @PostMapping("/{id}/read")
  NotificationView markRead(@PathVariable long id) {
    return notifications.markRead(me(), id);
  }

  @PostMapping("/read")
  Map<String, Integer> markAllRead() {
    return Map.of("marked", notifications.markAllRead(me()));
  }

  /**
   * Server-sent events: {@code unread-count} once on connect, then a {@code notification} event for
   * each new notification of the signed-in user.
   */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    long me = me();
    return stream.open(me, notifications.unreadCount(me));
  }

  private long me() {
    Long id = caller.userId();
    if (id == null) {
      // signed in, but not as a CRM user (e.g. a technical account): there is no "mine"
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Notifications belong to CRM users; sign in as one");
    }
    return id;
  }
}

package org.flowcrm.ui.notification;

import java.util.List;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.notification.NotificationStream;
import org.flowcrm.crm.notification.NotificationView;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.signin.SignedInUser;
import org.flowcrm.ui.timeline.Paging;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /notifications}: my notifications, newest first (all or unread), each linking to the
 * record it is about; mark one or all read. Only the signed-in user's own, as in crm-api's REST
 * API.
 */
@Controller
class NotificationPagesController {

  static final String VIEW = "notification/list";
  static final int PAGE_SIZE = 25;

  private final NotificationService notifications;
  private final NotificationStream stream;

  NotificationPagesController(NotificationService notifications, NotificationStream stream) {
    this.notifications = notifications;
    this.stream = stream;
  }

  /**
   * crm-api's notification stream (the unread count, then each new notification) behind the page
   * session. Its REST twin {@code /api/v1/notifications/stream} sits in the stateless HTTP Basic
   * chain, which does not accept a browser's signed-in session, so the badge listens here.
   */
  @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream() {
    long me = SignedInUser.id();
    return stream.open(me, notifications.unreadCount(me));
  }

  /** A notification with the page of the record it is about ({@code href} empty when none). */
  public record Row(NotificationView notification, String itemKey, String href) {}

  @GetMapping("/notifications")
  String list(
      @RequestParam(defaultValue = "all") String show,
      @RequestParam(required = false) String after,
      Model model) {
    boolean unread = "unread".equals(show);
    CursorPage<NotificationView> page =
        notifications.mine(
            SignedInUser.id(), unread, new ListRequest(null, PAGE_SIZE, Paging.cursor(after)));
    model.addAttribute(
        "rows",
        page.items().stream()
            .map(
                n ->
                    new Row(
                        n,
                        n.item() == null ? "" : "notification.item." + n.item().type().name(),
                        href(n.item())))
            .toList());
    model.addAttribute("show", unread ? "unread" : "all");
    model.addAttribute("filters", List.of("all", "unread"));
    String path = "/notifications?show=" + (unread ? "unread" : "all");
    model.addAttribute("firstHref", after == null || after.isBlank() ? "" : path);
    model.addAttribute(
        "nextHref",
        page.nextCursor() == null
            ? ""
            : UriComponentsBuilder.fromUriString(path)
                .queryParam("after", page.nextCursor())
                .build()
                .encode()
                .toUriString());
    return VIEW;
  }

  /** The page of a record a notification opens; quotes and invoices have no page yet. */
  static String href(ItemLink item) {
    if (item == null) {
      return "";
    }
    return switch (item.type()) {
      case LEAD -> "/leads/" + item.id();
      case DEAL -> "/deals/" + item.id();
      case CONTACT -> "/contacts/" + item.id();
      case COMPANY -> "/companies/" + item.id();
      default -> "";
    };
  }

  @PostMapping("/notifications/{id}/read")
  String markRead(
      @PathVariable long id,
      @RequestParam(defaultValue = "all") String show,
      RedirectAttributes redirect) {
    notifications.markRead(SignedInUser.id(), id);
    Flash.success(redirect, "notification.marked");
    return "redirect:/notifications?show=" + ("unread".equals(show) ? "unread" : "all");
  }

  @PostMapping("/notifications/read")
  String markAllRead(RedirectAttributes redirect) {
    int marked = notifications.markAllRead(SignedInUser.id());
    Flash.success(redirect, "notification.markedAll", marked);
    return "redirect:/notifications";
  }
}

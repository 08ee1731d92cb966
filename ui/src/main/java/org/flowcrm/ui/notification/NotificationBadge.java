package org.flowcrm.ui.notification;

import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count for the header's badge on every page of a signed-in CRM user, rendered by the
 * server so it is right without script; {@code flowcrm.js} then keeps it current from the stream.
 */
@ControllerAdvice(basePackages = "org.flowcrm.ui")
class NotificationBadge {

  static final String ATTRIBUTE = "unreadNotifications";

  private final NotificationService notifications;

  NotificationBadge(NotificationService notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute
  void badge(Model model) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CrmUserPrincipal user) {
      model.addAttribute(ATTRIBUTE, notifications.unreadCount(user.id()));
    }
  }
}

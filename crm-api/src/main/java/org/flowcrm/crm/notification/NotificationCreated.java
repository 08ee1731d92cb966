package org.flowcrm.crm.notification;

/** A notification was created (published once per notification, not for a deduplicated repeat). */
public record NotificationCreated(NotificationView notification) {}

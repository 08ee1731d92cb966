/**
 * The notification centre: the header's unread badge (live over server-sent events) and the list.
 */
package org.flowcrm.ui.notification;

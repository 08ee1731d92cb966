/**
 * In-app notifications: what the notification centre and the live badge show a user (assignments,
 * reminders, process events), each at most once per dedupe key.
 */
package org.flowcrm.crm.notification;

/**
 * Activities on any CRM item: calls (direction, result, duration), meetings, e-mails and notes,
 * each with a date, a responsible user and an optional reminder. An item's timeline and a user's
 * open and overdue activities are lists of {@link org.flowcrm.crm.activity.ActivityService}.
 */
package org.flowcrm.crm.activity;

/**
 * Tasks: title, description, responsible, deadline, observers, status and links to any number of
 * CRM items; created by hand, in bulk for a list of items, or by a process. Other features and the
 * process workers use {@link org.flowcrm.crm.task.TaskService}.
 */
package org.flowcrm.crm.task;

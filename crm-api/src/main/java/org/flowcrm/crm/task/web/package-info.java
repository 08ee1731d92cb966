/** REST API for tasks: {@code /api/v1/tasks}. */
package org.flowcrm.crm.task.web;

/** Worker of {@code crm.create-task}: CRM tasks created by a process step. */
package org.flowcrm.workers.task;

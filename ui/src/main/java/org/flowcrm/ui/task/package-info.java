/**
 * The task inbox: my CRM tasks by open, overdue and done, each with the lead or deal it is about.
 */
package org.flowcrm.ui.task;

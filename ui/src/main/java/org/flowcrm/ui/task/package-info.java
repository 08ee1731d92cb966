/**
 * The task inbox: process user tasks (mine, my groups, due; claim, unclaim, complete with the
 * task's Camunda Form) through the official Camunda client, beside my CRM tasks by open, overdue
 * and done, each with the lead or deal it is about.
 */
package org.flowcrm.ui.task;

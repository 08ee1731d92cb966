package org.flowcrm.crm.task;

/** How a task came to be: by hand, in bulk over a list, or by a BPMN process. */
public enum TaskOrigin {
  MANUAL,
  BULK,
  PROCESS
}

package org.flowcrm.crm.task;

/** Where a task is; done and cancelled tasks can be reopened. */
public enum TaskStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  CANCELLED;

  boolean isClosed() {
    return this == DONE || this == CANCELLED;
  }
}

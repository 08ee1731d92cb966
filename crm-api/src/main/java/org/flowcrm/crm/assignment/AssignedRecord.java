package org.flowcrm.crm.assignment;

/** The kind of record a rule applies to. */
public enum AssignedRecord {
  LEAD,
  DEAL
}

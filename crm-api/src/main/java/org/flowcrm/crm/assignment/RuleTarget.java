package org.flowcrm.crm.assignment;

/** What a matching rule does with the record. */
public enum RuleTarget {
  /** The rule's user becomes responsible. */
  USER,
  /** Round robin among the present members of the rule's department and its sub-departments. */
  DEPARTMENT,
  /** Nobody: the record waits, unassigned, for someone to take it. */
  UNASSIGNED
}

package org.flowcrm.crm.activity;

/** What kind of activity. */
public enum ActivityType {
  CALL,
  MEETING,
  EMAIL,
  NOTE
}

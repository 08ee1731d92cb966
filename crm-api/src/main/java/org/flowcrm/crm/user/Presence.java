package org.flowcrm.crm.user;

/** Whether a user is at work; assignment rules skip users who are away. */
public enum Presence {
  WORKING,
  AWAY
}

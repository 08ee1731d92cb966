package org.flowcrm.crm.shared;

/** What kind of e-mail address. */
public enum EmailType {
  WORK,
  HOME,
  OTHER
}

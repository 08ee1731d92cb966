package org.flowcrm.crm.shared;

/** What kind of phone number. */
public enum PhoneType {
  WORK,
  MOBILE,
  HOME,
  FAX,
  OTHER
}

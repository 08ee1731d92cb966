package org.flowcrm.crm.mail;

/** Whether the SMTP server took the mail. */
public enum MailStatus {
  SENT,
  FAILED
}

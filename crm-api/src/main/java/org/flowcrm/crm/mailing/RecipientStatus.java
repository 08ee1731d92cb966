package org.flowcrm.crm.mailing;

/** What became of one recipient of a mailing. */
public enum RecipientStatus {
  PENDING,
  SENT,
  /** The contact or lead has no e-mail address. */
  SKIPPED_NO_EMAIL,
  /** The contact or lead (or its address) opted out through an unsubscribe link. */
  SKIPPED_UNSUBSCRIBED,
  FAILED
}

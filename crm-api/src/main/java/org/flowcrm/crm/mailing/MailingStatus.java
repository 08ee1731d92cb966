package org.flowcrm.crm.mailing;

/** Where a mailing is: sending (also after a restart, until every recipient is done), or over. */
public enum MailingStatus {
  RUNNING,
  DONE,
  /** Stopped before the end, e.g. its template was deleted meanwhile; {@code error} says why. */
  FAILED
}

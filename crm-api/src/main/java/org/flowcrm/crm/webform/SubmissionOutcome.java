package org.flowcrm.crm.webform;

/** What became of a submission; the visitor is thanked the same way for both. */
public enum SubmissionOutcome {
  /** The lead, or the contact and deal, were created. */
  CREATED,
  /** Suspected spam: kept for an administrator to accept or reject; nothing was created. */
  HELD
}

package org.flowcrm.crm.webform;

/** What a submission of a form creates. */
public enum WebFormTarget {
  /** A lead (source web form); lead processing starts for it. */
  LEAD,
  /**
   * A contact (the one with the submitted e-mail, else phone, when it exists) and a deal linked to
   * it in the form's pipeline; deal execution starts for the deal.
   */
  CONTACT_AND_DEAL
}

package org.flowcrm.crm.lead;

/** What a lead status means for the lead's lifecycle. */
public enum StatusSemantic {
  /** Being worked on. */
  OPEN,
  /** Converted into a contact, company and/or deal; final. */
  CONVERTED,
  /** Not a real prospect; cannot be converted. */
  JUNK
}

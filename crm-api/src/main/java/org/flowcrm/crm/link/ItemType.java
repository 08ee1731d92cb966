package org.flowcrm.crm.link;

/** The kinds of CRM items an activity or a task can be linked to. */
public enum ItemType {
  LEAD,
  CONTACT,
  COMPANY,
  DEAL,
  QUOTE,
  INVOICE
}

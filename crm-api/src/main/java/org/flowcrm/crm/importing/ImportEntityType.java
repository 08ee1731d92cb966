package org.flowcrm.crm.importing;

/** What an import creates. */
public enum ImportEntityType {
  LEAD,
  CONTACT,
  COMPANY,
  DEAL,
  PRODUCT
}

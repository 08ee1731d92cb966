package org.flowcrm.crm.report;

/** How expected sales are grouped (the issue: by type, client and manager). */
public enum GroupBy {
  MANAGER,
  TYPE,
  CLIENT
}

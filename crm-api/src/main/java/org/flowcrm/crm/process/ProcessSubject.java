package org.flowcrm.crm.process;

/** The kinds of CRM records a process can drive, with the table that stores their link. */
public enum ProcessSubject {
  LEAD("crm_lead"),
  DEAL("crm_deal");

  private final String table;

  ProcessSubject(String table) {
    this.table = table;
  }

  String table() {
    return table;
  }
}

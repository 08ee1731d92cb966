package org.flowcrm.crm.permission;

/** The kinds of records the permission matrix covers. */
public enum EntityType {
  LEAD("Lead", true),
  CONTACT("Contact", true),
  COMPANY("Company", true),
  DEAL("Deal", true),
  QUOTE("Quote", true),
  INVOICE("Invoice", true),
  /** The catalog has no responsible: any scope but NONE means the whole catalog. */
  PRODUCT("Product", false),
  REPORT("Report", true);

  private final String label;
  private final boolean owned;

  EntityType(String label, boolean owned) {
    this.label = label;
    this.owned = owned;
  }

  /** How the record is named in messages, the same word a 404 of a missing record uses. */
  public String label() {
    return label;
  }

  /** Whether records have a responsible user the OWN and DEPARTMENT scopes are measured by. */
  public boolean owned() {
    return owned;
  }
}

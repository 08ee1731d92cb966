package org.flowcrm.crm.customfield;

/** The records that carry custom fields, each with the table and alias its list query uses. */
public enum CustomizableEntity {
  LEAD("crm_lead"),
  CONTACT("crm_contact"),
  COMPANY("crm_company"),
  DEAL("crm_deal"),
  PRODUCT("crm_product");

  private final String table;

  CustomizableEntity(String table) {
    this.table = table;
  }

  String table() {
    return table;
  }
}

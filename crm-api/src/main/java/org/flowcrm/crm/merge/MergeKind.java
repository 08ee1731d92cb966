package org.flowcrm.crm.merge;

import java.util.Set;
import org.flowcrm.crm.permission.EntityType;

/** What can be merged, and the tables that belong to the record itself. */
public enum MergeKind {
  CONTACT(
      EntityType.CONTACT,
      "crm_contact",
      Set.of("crm_contact_phone", "crm_contact_email", "crm_contact_company")),
  COMPANY(
      EntityType.COMPANY,
      "crm_company",
      Set.of("crm_company_phone", "crm_company_email", "crm_company_address")),
  LEAD(
      EntityType.LEAD,
      "crm_lead",
      Set.of("crm_lead_phone", "crm_lead_email", "crm_lead_product_row"));

  private final EntityType entity;
  private final String table;

  /**
   * Child rows the kept record's own update merges (phones, e-mails, ...): they are deleted with
   * the duplicate rather than moved, so that the kept record holds each value once.
   */
  private final Set<String> ownTables;

  MergeKind(EntityType entity, String table, Set<String> ownTables) {
    this.entity = entity;
    this.table = table;
    this.ownTables = ownTables;
  }

  public EntityType entity() {
    return entity;
  }

  /** The item type of activity/task links, notifications, mails and the change history. */
  public String itemType() {
    return name();
  }

  String table() {
    return table;
  }

  Set<String> ownTables() {
    return ownTables;
  }

  /** The kind a request names ({@code CONTACT}, {@code contacts}, {@code Contact}), or null. */
  static MergeKind parse(String name) {
    String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
    for (MergeKind kind : values()) {
      if (upper.equals(kind.name())
          || upper.equals(kind.name() + "S")
          || (kind == COMPANY && upper.equals("COMPANIES"))) {
        return kind;
      }
    }
    return null;
  }
}

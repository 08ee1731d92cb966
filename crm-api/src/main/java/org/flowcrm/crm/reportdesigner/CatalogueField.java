package org.flowcrm.crm.reportdesigner;

import java.util.List;

/**
 * One field a definition may use: {@code code} is what definitions name ({@code companyName},
 * {@code custom.budget}), {@code group} says whose field it is ({@code deal}, {@code company}, …,
 * {@code custom}) for the pages' labels, {@code label} is set for custom fields only (built-in ones
 * are translated by code). {@code sql} and {@code joins} are fixed in {@link DesignerEntity} or
 * built from a custom field's checked code, never from request input; callers see {@link
 * Catalogue.FieldView}s without them.
 */
record CatalogueField(
    String code, String group, FieldType type, String label, String sql, List<String> joins) {

  static CatalogueField of(String code, String group, FieldType type, String sql, String... joins) {
    return new CatalogueField(code, group, type, null, sql, List.of(joins));
  }
}

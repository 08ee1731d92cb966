package org.flowcrm.crm.customfield;

import java.util.List;

/** A custom field definition as callers see it. */
public record CustomFieldView(
    long id,
    long version,
    CustomizableEntity entity,
    String code,
    String label,
    CustomFieldType type,
    boolean required,
    List<String> options,
    int position) {

  static CustomFieldView of(CustomField f) {
    return new CustomFieldView(
        f.getId(),
        f.getVersion(),
        f.getEntity(),
        f.getCode(),
        f.getLabel(),
        f.getType(),
        f.isRequired(),
        f.getOptions(),
        f.getPosition());
  }
}

package org.flowcrm.crm.importing;

/** A field a column can be mapped to. */
public record ImportField(String name, FieldKind kind, boolean required) {

  static ImportField text(String name) {
    return new ImportField(name, FieldKind.TEXT, false);
  }

  static ImportField required(String name) {
    return new ImportField(name, FieldKind.TEXT, true);
  }

  static ImportField of(String name, FieldKind kind) {
    return new ImportField(name, kind, false);
  }
}

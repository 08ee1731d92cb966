package org.flowcrm.crm.importing;

import java.util.List;

/**
 * A field a column can be mapped to. Custom fields are named {@code cf.<code>} and carry their
 * label (and, for list fields, the options a cell may hold); built-in fields have neither.
 */
public record ImportField(
    String name, FieldKind kind, boolean required, String label, List<String> options) {

  static final String CUSTOM_PREFIX = "cf.";

  ImportField(String name, FieldKind kind, boolean required) {
    this(name, kind, required, null, List.of());
  }

  static ImportField text(String name) {
    return new ImportField(name, FieldKind.TEXT, false);
  }

  static ImportField required(String name) {
    return new ImportField(name, FieldKind.TEXT, true);
  }

  static ImportField of(String name, FieldKind kind) {
    return new ImportField(name, kind, false);
  }

  boolean custom() {
    return name.startsWith(CUSTOM_PREFIX);
  }
}

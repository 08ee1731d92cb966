package org.flowcrm.crm.importing;

/** How a cell's text becomes a field's value. */
public enum FieldKind {
  TEXT,
  /** Parsed with the import's date format. */
  DATE,
  /** Parsed with the import's decimal separator; spaces and the other separator are ignored. */
  NUMBER,
  INTEGER,
  EMAIL,
  PHONE
}

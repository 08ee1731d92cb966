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
  PHONE,
  /** yes/no, true/false, 1/0 (also Polish tak/nie); a custom field's kind. */
  BOOLEAN,
  /** A number as for {@link #NUMBER} followed by a currency code, e.g. {@code 1 250,50 EUR}. */
  MONEY,
  /** One of the field's options (compared ignoring case); a custom list field's kind. */
  OPTION
}

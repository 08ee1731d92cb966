package org.flowcrm.crm.customfield;

/**
 * What a custom field holds, and so how its value is written in JSON: {@code STRING} text (up to
 * 1000 characters), {@code NUMBER} a decimal number, {@code DATE} an ISO date {@code 2026-11-29},
 * {@code BOOLEAN} true or false, {@code LIST} one of the field's options, {@code MONEY} an object
 * {@code {"amount": 12.50, "currency": "EUR"}} in a configured currency.
 */
public enum CustomFieldType {
  STRING,
  NUMBER,
  DATE,
  BOOLEAN,
  LIST,
  MONEY
}

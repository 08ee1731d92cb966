package org.flowcrm.crm.report;

/** How a report column is formatted: pages right-align numbers and format money and percentages. */
public enum ColumnType {
  TEXT,
  DATE,
  INTEGER,
  /** An amount in the base currency (two decimals). */
  MONEY,
  /** A share 0–100 with one decimal. */
  PERCENT,
  QUANTITY
}

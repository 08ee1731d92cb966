package org.flowcrm.crm.reportdesigner;

/**
 * Filter operators. Each takes a fixed number of values: {@code BETWEEN} two (both ends included),
 * {@code IN} one or more, {@code IS_EMPTY} none, the others one.
 */
public enum Operator {
  EQ,
  NE,
  LT,
  LE,
  GT,
  GE,
  BETWEEN,
  IN,
  /** Text containing the value anywhere, case-insensitively ({@code %} and {@code _} literal). */
  CONTAINS,
  IS_EMPTY
}

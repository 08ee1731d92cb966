package org.flowcrm.crm.reportdesigner;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a catalogue field holds, which decides how filter values are parsed, which operators and
 * aggregates it takes, and how pages format it.
 */
public enum FieldType {
  TEXT(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.CONTAINS, Operator.IS_EMPTY)),
  INTEGER(EnumSet.complementOf(EnumSet.of(Operator.CONTAINS))),
  DECIMAL(EnumSet.complementOf(EnumSet.of(Operator.CONTAINS))),
  /** An amount in the base currency (two decimals). */
  MONEY(EnumSet.complementOf(EnumSet.of(Operator.CONTAINS))),
  DATE(EnumSet.complementOf(EnumSet.of(Operator.CONTAINS))),
  /** A moment; filters compare its day (values are ISO days), grouping works as for dates. */
  DATETIME(EnumSet.complementOf(EnumSet.of(Operator.CONTAINS))),
  BOOLEAN(EnumSet.of(Operator.EQ, Operator.NE, Operator.IS_EMPTY));

  private final Set<Operator> operators;

  FieldType(Set<Operator> operators) {
    this.operators = operators;
  }

  public Set<Operator> operators() {
    return operators;
  }

  /** Whether sum and avg make sense (min and max also work on dates and text). */
  public boolean numeric() {
    return this == INTEGER || this == DECIMAL || this == MONEY;
  }

  public boolean temporal() {
    return this == DATE || this == DATETIME;
  }
}

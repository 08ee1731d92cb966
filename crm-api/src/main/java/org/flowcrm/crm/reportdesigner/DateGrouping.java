package org.flowcrm.crm.reportdesigner;

/**
 * How a date field groups; the label is text that sorts in time order ({@code 2025-03-05}, {@code
 * 2025-W10} ISO week, {@code 2025-03}, {@code 2025-Q1}, {@code 2025}).
 */
public enum DateGrouping {
  DAY("DATE_FORMAT({}, '%Y-%m-%d')"),
  WEEK("DATE_FORMAT({}, '%x-W%v')"),
  MONTH("DATE_FORMAT({}, '%Y-%m')"),
  QUARTER("CONCAT(YEAR({}), '-Q', QUARTER({}))"),
  YEAR("CAST(YEAR({}) AS CHAR)");

  private final String template;

  DateGrouping(String template) {
    this.template = template;
  }

  /** {@code column} is a catalogue expression, never request input. */
  String sql(String column) {
    return template.replace("{}", column);
  }
}

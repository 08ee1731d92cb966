package org.flowcrm.crm.report;

/**
 * One column of a report: {@code key} names the value in each row, {@code labelKey} is the message
 * key pages translate ({@code report.column.<key>}), {@code summed} whether the totals row adds it.
 */
public record ReportColumn(String key, String labelKey, ColumnType type, boolean summed) {

  static ReportColumn text(String key) {
    return new ReportColumn(key, "report.column." + key, ColumnType.TEXT, false);
  }

  static ReportColumn of(String key, ColumnType type) {
    boolean summed =
        type == ColumnType.INTEGER || type == ColumnType.MONEY || type == ColumnType.QUANTITY;
    return new ReportColumn(key, "report.column." + key, type, summed);
  }
}

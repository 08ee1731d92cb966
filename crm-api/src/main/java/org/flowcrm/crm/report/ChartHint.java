package org.flowcrm.crm.report;

/**
 * What a page draws above the table: bars, one per row, labelled by {@code labelColumn} and as long
 * as {@code valueColumn}.
 */
public record ChartHint(String type, String labelColumn, String valueColumn) {

  static ChartHint bars(String labelColumn, String valueColumn) {
    return new ChartHint("BAR", labelColumn, valueColumn);
  }
}

package org.flowcrm.crm.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report's result in the one shape every page, chart and CSV file renders: typed columns, rows as
 * maps from column key to value (rows may carry an {@code id} not shown as a column), a totals row
 * over all rows (values only for summed columns), and the chart's bars. Amounts are in {@code
 * baseCurrency}. {@code truncated} says that more rows matched than {@link ReportService#ROW_LIMIT}
 * (the totals still count them all).
 */
public record Report(
    String code,
    String titleKey,
    DateBasis dateBasis,
    ReportParameters parameters,
    String baseCurrency,
    List<ReportColumn> columns,
    List<Map<String, Object>> rows,
    Map<String, Object> totals,
    Chart chart,
    boolean truncated) {

  public LocalDate from() {
    return parameters.from();
  }

  public LocalDate to() {
    return parameters.to();
  }

  /** Bars of the chart, largest first, at most {@link ReportService#CHART_BARS}. */
  public record Chart(ChartHint hint, ColumnType valueType, List<Bar> bars) {}

  /** One bar: a label and its value (a count or an amount). */
  public record Bar(String label, java.math.BigDecimal value) {}
}

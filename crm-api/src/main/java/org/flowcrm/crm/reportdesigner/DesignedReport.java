package org.flowcrm.crm.reportdesigner;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of running a definition: typed columns, rows as maps from column key to value, totals
 * of the count and sum columns over the rows returned, the chart's bars, and {@code truncated} when
 * more rows or groups matched than {@code rowLimit} (only the first ones are returned). Amounts of
 * MONEY columns are in {@code baseCurrency}.
 */
public record DesignedReport(
    Long definitionId,
    String name,
    String entity,
    String baseCurrency,
    List<Column> columns,
    List<Map<String, Object>> rows,
    Map<String, Object> totals,
    Chart chart,
    boolean truncated,
    int rowLimit) {

  /**
   * {@code field} and {@code aggregate} say what the column shows (pages translate them), {@code
   * label} is set for custom fields, {@code grouping} for a date group.
   */
  public record Column(
      String key,
      String field,
      String aggregate,
      String grouping,
      String label,
      FieldType type,
      boolean group) {}

  /** {@code labelColumn}/{@code valueColumn} are column keys; bars in the chart's order. */
  public record Chart(ChartType type, String labelColumn, String valueColumn, List<Bar> bars) {}

  public record Bar(String label, BigDecimal value) {}
}

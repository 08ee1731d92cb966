package org.flowcrm.crm.report;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flowcrm.crm.shared.Csv;
import org.springframework.stereotype.Component;

/**
 * Writes any report as CSV: a header of column keys, the rows, and a last row of totals (its first
 * cell {@code TOTAL}). Numbers are written plainly (dot decimals, no grouping) so spreadsheets read
 * them; amounts are in the report's base currency.
 */
@Component
public class ReportCsv {

  public void write(Report report, OutputStream out) {
    List<String> header = report.columns().stream().map(ReportColumn::key).toList();
    List<Function<Map<String, Object>, Object>> columns = new ArrayList<>();
    for (String key : header) {
      columns.add(row -> plain(row.get(key)));
    }
    try (Csv<Map<String, Object>> csv = Csv.open(out, header, columns)) {
      report.rows().forEach(csv::write);
      Map<String, Object> totals = new java.util.LinkedHashMap<>(report.totals());
      if (!report.columns().get(0).summed()) {
        totals.put(header.get(0), "TOTAL");
      }
      csv.write(totals);
    }
  }

  private static Object plain(Object value) {
    return value instanceof java.math.BigDecimal b ? b.toPlainString() : value;
  }
}

package org.flowcrm.ui.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Bars for an inline SVG chart: each with its label, the value to print, and its length as a
 * percentage of the longest bar (at least a sliver, so a small value is still seen).
 */
public record ChartBars(List<Bar> bars) {

  public record Bar(String label, BigDecimal value, BigDecimal percent) {

    /** The bar's length for the SVG's 0–100 view box, as plain text ("20", "66.7"). */
    public String width() {
      return plain(percent);
    }

    /** Where a centred bar starts (the funnel's bars are centred). */
    public String centredX() {
      return plain(BigDecimal.valueOf(100).subtract(percent).divide(BigDecimal.valueOf(2)));
    }

    private static String plain(BigDecimal value) {
      BigDecimal stripped = value.stripTrailingZeros();
      return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
  }

  /** Lengths relative to the largest value, which gets 100. */
  public static ChartBars of(List<String> labels, List<BigDecimal> values) {
    BigDecimal max =
        values.stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::max);
    List<Bar> bars =
        java.util.stream.IntStream.range(0, labels.size())
            .mapToObj(i -> new Bar(labels.get(i), values.get(i), length(values.get(i), max)))
            .toList();
    return new ChartBars(bars);
  }

  static BigDecimal length(BigDecimal value, BigDecimal max) {
    if (value == null || value.signum() <= 0 || max.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal percent =
        value.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
    return percent.max(BigDecimal.ONE);
  }
}

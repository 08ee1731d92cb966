package org.flowcrm.ui.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a line or pie chart as inline SVG, computed here so pages draw it without a
 * charting library or script. A line chart's view box is 0–100 wide and 0–50 high, points in the
 * given order (dates stay in date order), scaled from zero (or the lowest negative value) to the
 * largest; a pie's is 100 × 100 with the circle at (50, 50), one slice per positive value,
 * clockwise from twelve o'clock, largest share first as given. Labels and values stay in the page's
 * legend as text, so a screen reader reads numbers rather than shapes.
 */
public record ChartSvg(String kind, String points, List<Point> markers, List<Slice> slices) {

  static final double WIDTH = 100;
  static final double HEIGHT = 50;
  static final double PAD = 2;
  static final double RADIUS = 45;

  /** A point of the line, with its label and value for the SVG {@code <title>} tooltip. */
  public record Point(String x, String y, String label, BigDecimal value) {}

  /**
   * A pie slice: its path, its share in percent (one decimal), the colour's index (0–7), and the
   * label and value the legend prints.
   */
  public record Slice(String path, BigDecimal share, int colour, String label, BigDecimal value) {}

  /** "LINE" or "PIE" (anything else draws nothing here: the page keeps its bars). */
  public static ChartSvg of(String kind, List<String> labels, List<BigDecimal> values) {
    return switch (kind == null ? "" : kind.toUpperCase(Locale.ROOT)) {
      case "LINE" -> line(labels, values);
      case "PIE" -> pie(labels, values);
      default -> new ChartSvg("BAR", "", List.of(), List.of());
    };
  }

  static ChartSvg line(List<String> labels, List<BigDecimal> values) {
    double max = 0;
    double min = 0;
    for (BigDecimal v : values) {
      double d = v == null ? 0 : v.doubleValue();
      max = Math.max(max, d);
      min = Math.min(min, d);
    }
    double range = max - min == 0 ? 1 : max - min;
    int n = values.size();
    List<Point> markers = new ArrayList<>();
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double value = values.get(i) == null ? 0 : values.get(i).doubleValue();
      double x = n == 1 ? WIDTH / 2 : PAD + i * (WIDTH - 2 * PAD) / (n - 1);
      double y = HEIGHT - PAD - (value - min) / range * (HEIGHT - 2 * PAD);
      if (i > 0) {
        points.append(' ');
      }
      points.append(number(x)).append(',').append(number(y));
      markers.add(new Point(number(x), number(y), labels.get(i), values.get(i)));
    }
    return new ChartSvg("LINE", points.toString(), markers, List.of());
  }

  static ChartSvg pie(List<String> labels, List<BigDecimal> values) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      if (v != null && v.signum() > 0) {
        total = total.add(v);
      }
    }
    List<Slice> slices = new ArrayList<>();
    if (total.signum() == 0) {
      return new ChartSvg("PIE", "", List.of(), slices);
    }
    double sum = total.doubleValue();
    double start = 0;
    for (int i = 0; i < values.size(); i++) {
      BigDecimal value = values.get(i);
      if (value == null || value.signum() <= 0) {
        continue;
      }
      double fraction = value.doubleValue() / sum;
      double end = start + fraction;
      BigDecimal share =
          value.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
      slices.add(new Slice(path(start, end), share, slices.size() % 8, labels.get(i), value));
      start = end;
    }
    return new ChartSvg("PIE", "", List.of(), slices);
  }

  /** A wedge from the centre between two fractions of the turn; a whole turn is a full circle. */
  private static String path(double from, double to) {
    if (to - from >= 0.99999) {
      return "M50,5 A45,45 0 1 1 50,95 A45,45 0 1 1 50,5 Z";
    }
    double[] a = onCircle(from);
    double[] b = onCircle(to);
    int large = to - from > 0.5 ? 1 : 0;
    return "M50,50 L"
        + number(a[0])
        + ","
        + number(a[1])
        + " A45,45 0 "
        + large
        + " 1 "
        + number(b[0])
        + ","
        + number(b[1])
        + " Z";
  }

  private static double[] onCircle(double fraction) {
    double angle = fraction * 2 * Math.PI;
    return new double[] {50 + RADIUS * Math.sin(angle), 50 - RADIUS * Math.cos(angle)};
  }

  /** Two decimals, dot-separated whatever the locale (SVG syntax). */
  private static String number(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    BigDecimal stripped = rounded.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}

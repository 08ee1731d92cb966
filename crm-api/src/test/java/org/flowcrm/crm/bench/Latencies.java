package org.flowcrm.crm.bench;

import java.util.Arrays;

/** Response times of one benchmark: percentiles and throughput, printed as a table row. */
final class Latencies {

  private final long[] nanos;
  private final long wallNanos;

  Latencies(long[] nanos, long wallNanos) {
    this.nanos = nanos.clone();
    Arrays.sort(this.nanos);
    this.wallNanos = wallNanos;
  }

  double percentileMillis(double p) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
    return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
  }

  String row(String name, int clients) {
    return String.format(
        "| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.0f |",
        name,
        clients,
        nanos.length,
        percentileMillis(50),
        percentileMillis(95),
        percentileMillis(99),
        nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6,
        nanos.length / (wallNanos / 1e9));
  }

  static String header() {
    return "| benchmark | clients | requests | p50 ms | p95 ms | p99 ms | max ms | req/s |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|";
  }
}

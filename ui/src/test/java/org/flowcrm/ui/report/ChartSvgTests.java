package org.flowcrm.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSvgTests {

  @Test
  void aLineKeepsTheRowsOrderAndPutsTheLargestValueAtTheTop() {
    ChartSvg line =
        ChartSvg.of(
            "LINE",
            List.of("Jan", "Feb", "Mar"),
            List.of(new BigDecimal("10"), new BigDecimal("40"), BigDecimal.ZERO));
    assertThat(line.kind()).isEqualTo("LINE");
    // x from 2 to 98, y from 48 (zero) to 2 (the largest)
    assertThat(line.points()).isEqualTo("2,36.5 50,2 98,48");
    assertThat(line.markers())
        .extracting(ChartSvg.Point::label)
        .containsExactly("Jan", "Feb", "Mar");
  }

  @Test
  void aPieHasOneSlicePerPositiveValueWithItsShareClockwiseFromTwelve() {
    ChartSvg pie =
        ChartSvg.of(
            "pie",
            List.of("A", "B", "none"),
            List.of(new BigDecimal("75"), new BigDecimal("25"), BigDecimal.ZERO));
    assertThat(pie.slices()).hasSize(2);
    assertThat(pie.slices().get(0).share()).isEqualByComparingTo("75.0");
    // three quarters: from twelve o'clock to nine o'clock, the large arc
    assertThat(pie.slices().get(0).path()).isEqualTo("M50,50 L50,5 A45,45 0 1 1 5,50 Z");
    assertThat(pie.slices().get(1).path()).isEqualTo("M50,50 L5,50 A45,45 0 0 1 50,5 Z");
    assertThat(pie.slices().get(1).colour()).isEqualTo(1);

    ChartSvg whole = ChartSvg.of("PIE", List.of("only"), List.of(BigDecimal.TEN));
    assertThat(whole.slices().get(0).path()).contains("A45,45 0 1 1 50,95");
    assertThat(ChartSvg.of("BAR", List.of("x"), List.of(BigDecimal.ONE)).kind()).isEqualTo("BAR");
  }
}

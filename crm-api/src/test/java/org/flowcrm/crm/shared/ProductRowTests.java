package org.flowcrm.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductRowTests {

  @Test
  void discountComesOffBeforeTaxIsAdded() {
    ProductRow row =
        new ProductRow(
            null,
            "Chair",
            new BigDecimal("3"),
            new BigDecimal("19.99"),
            new BigDecimal("15"),
            new BigDecimal("19"));
    // 3 × 19.99 = 59.97; −15 % = 50.9745 → 50.97; 19 % tax = 9.6843 → 9.68
    assertThat(row.net()).isEqualByComparingTo("50.97");
    assertThat(row.tax()).isEqualByComparingTo("9.68");
    assertThat(row.total()).isEqualByComparingTo("60.65");
  }

  @Test
  void missingDiscountAndTaxCountAsZero() {
    ProductRow row =
        new ProductRow(null, "Hour", new BigDecimal("1.5"), new BigDecimal("80"), null, null);
    assertThat(row.total()).isEqualByComparingTo("120.00");
  }
}

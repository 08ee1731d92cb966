package org.flowcrm.crm.shared;

import java.math.BigDecimal;

/** A product row with its computed net, tax and total. */
public record ProductRowView(
    Long productId,
    String name,
    BigDecimal quantity,
    BigDecimal price,
    BigDecimal discountPercent,
    BigDecimal taxPercent,
    BigDecimal net,
    BigDecimal tax,
    BigDecimal total) {

  public static ProductRowView of(ProductRow r) {
    return new ProductRowView(
        r.productId(),
        r.name(),
        r.quantity(),
        r.price(),
        r.discountPercent(),
        r.taxPercent(),
        r.net(),
        r.tax(),
        r.total());
  }
}

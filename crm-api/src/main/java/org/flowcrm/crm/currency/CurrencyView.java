package org.flowcrm.crm.currency;

import java.math.BigDecimal;
import java.time.Instant;

/** A currency: {@code rate} is the value of one unit in the base currency. */
public record CurrencyView(
    String code,
    long version,
    String name,
    boolean base,
    BigDecimal rate,
    int sortOrder,
    Instant updatedAt) {

  static CurrencyView of(Currency c) {
    return new CurrencyView(
        c.getCode(),
        c.getVersion(),
        c.getName(),
        c.isBase(),
        c.getRate(),
        c.getSortOrder(),
        c.getUpdatedAt());
  }
}

package org.flowcrm.crm.currency;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a currency's rate history. */
public record RateView(String currency, String base, BigDecimal rate, Instant validFrom) {

  static RateView of(ExchangeRate r) {
    return new RateView(r.getCurrencyCode(), r.getBaseCode(), r.getRate(), r.getValidFrom());
  }
}

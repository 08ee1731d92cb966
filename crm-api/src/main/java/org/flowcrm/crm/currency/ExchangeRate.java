package org.flowcrm.crm.currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A rate a currency had against the base from a moment on: the history of rate changes. */
@Entity
@Table(name = "crm_exchange_rate")
class ExchangeRate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "currency_code", nullable = false, length = 3)
  private String currencyCode;

  @Column(name = "base_code", nullable = false, length = 3)
  private String baseCode;

  @Column(name = "rate", nullable = false, precision = 19, scale = Currency.RATE_SCALE)
  private BigDecimal rate;

  @Column(name = "valid_from", nullable = false)
  private Instant validFrom;

  protected ExchangeRate() {}

  ExchangeRate(String currencyCode, String baseCode, BigDecimal rate) {
    this.currencyCode = currencyCode;
    this.baseCode = baseCode;
    this.rate = rate;
    this.validFrom = Instant.now();
  }

  String getCurrencyCode() {
    return currencyCode;
  }

  String getBaseCode() {
    return baseCode;
  }

  BigDecimal getRate() {
    return rate;
  }

  Instant getValidFrom() {
    return validFrom;
  }
}

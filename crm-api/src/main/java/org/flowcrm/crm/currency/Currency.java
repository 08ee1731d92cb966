package org.flowcrm.crm.currency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** An ISO 4217 currency and what one unit of it is worth in the base currency. */
@Entity
@Table(name = "crm_currency")
class Currency {

  static final int RATE_SCALE = 8;

  @Id
  @Column(name = "code", length = 3)
  private String code;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "base", nullable = false)
  private boolean base;

  @Column(name = "rate", nullable = false, precision = 19, scale = RATE_SCALE)
  private BigDecimal rate;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Currency() {}

  Currency(String code, String name, BigDecimal rate, int sortOrder) {
    this.code = code;
    this.name = name;
    this.rate = rate.setScale(RATE_SCALE, RoundingMode.HALF_UP);
    this.sortOrder = sortOrder;
    this.updatedAt = Instant.now();
  }

  void rename(String name, int sortOrder) {
    this.name = name;
    this.sortOrder = sortOrder;
    this.updatedAt = Instant.now();
  }

  /** Sets the rate; the base currency's rate is always 1. */
  boolean changeRate(BigDecimal newRate) {
    BigDecimal scaled = newRate.setScale(RATE_SCALE, RoundingMode.HALF_UP);
    if (base || scaled.compareTo(rate) == 0) {
      return false;
    }
    rate = scaled;
    updatedAt = Instant.now();
    return true;
  }

  void makeBase() {
    base = true;
    rate = BigDecimal.ONE.setScale(RATE_SCALE);
    updatedAt = Instant.now();
  }

  /** Re-expresses the rate against a new base whose old rate was {@code newBaseRate}. */
  void rebase(BigDecimal newBaseRate) {
    base = false;
    rate = rate.divide(newBaseRate, RATE_SCALE, RoundingMode.HALF_UP);
    updatedAt = Instant.now();
  }

  String getCode() {
    return code;
  }

  String getName() {
    return name;
  }

  boolean isBase() {
    return base;
  }

  BigDecimal getRate() {
    return rate;
  }

  int getSortOrder() {
    return sortOrder;
  }

  long getVersion() {
    return version;
  }

  Instant getUpdatedAt() {
    return updatedAt;
  }
}

package org.flowcrm.crm.report;

import java.util.Arrays;
import java.util.Optional;

/** The standard reports, by the code the REST paths and pages use. */
public enum StandardReport {
  MANAGERS("managers", DateBasis.CREATED_OR_CLOSED),
  CONTACTS("contacts", DateBasis.CREATED_OR_CLOSED),
  COMPANIES("companies", DateBasis.CREATED_OR_CLOSED),
  COMPANY_PROFITABILITY("company-profitability", DateBasis.CLOSED),
  WON_DEALS("won-deals", DateBasis.CLOSED),
  OVERDUE_DEALS("overdue-deals", DateBasis.EXPECTED_CLOSE),
  EXPECTED_SALES("expected-sales", DateBasis.EXPECTED_CLOSE),
  OPEN_DEALS_BY_STAGE("open-deals-by-stage", DateBasis.NONE),
  PRODUCT_INCOME("product-income", DateBasis.CLOSED);

  private final String code;
  private final DateBasis dateBasis;

  StandardReport(String code, DateBasis dateBasis) {
    this.code = code;
    this.dateBasis = dateBasis;
  }

  public String code() {
    return code;
  }

  public DateBasis dateBasis() {
    return dateBasis;
  }

  /** Message key of the title; {@code .description} appended gives what it counts. */
  public String titleKey() {
    return "report." + code;
  }

  public static Optional<StandardReport> byCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}

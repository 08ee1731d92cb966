package org.flowcrm.ui.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.flowcrm.crm.currency.CurrencyView;

/**
 * A currency: code (new ones only), name, the rate (one unit in the base currency) and the place in
 * lists. The rate is kept as typed, so "4,30" (a Polish decimal comma) is read as well as "4.30".
 */
public class CurrencyForm {

  private String code;

  @NotBlank
  @Size(max = 100)
  private String name;

  @NotBlank private String rate;

  private Integer sortOrder;

  private Long version;

  static CurrencyForm of(CurrencyView currency) {
    CurrencyForm form = new CurrencyForm();
    form.code = currency.code();
    form.name = currency.name();
    form.rate = currency.rate().stripTrailingZeros().toPlainString();
    form.sortOrder = currency.sortOrder();
    form.version = currency.version();
    return form;
  }

  /** The rate as a number, or null when it is not one. */
  BigDecimal rateValue() {
    if (rate == null || rate.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(rate.trim().replace(" ", "").replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRate() {
    return rate;
  }

  public void setRate(String rate) {
    this.rate = rate;
  }

  public Integer getSortOrder() {
    return sortOrder;
  }

  public void setSortOrder(Integer sortOrder) {
    this.sortOrder = sortOrder;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}

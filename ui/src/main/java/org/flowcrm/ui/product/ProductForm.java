package org.flowcrm.ui.product;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductView;
import org.springframework.validation.BindingResult;

/**
 * The product form. Price and VAT rate are kept as the text the user typed, so that "12,5x" comes
 * back as our own message at the field (and the typed text stays) instead of Spring's conversion
 * error; their range and scale are the service's to check.
 */
public class ProductForm {

  @NotBlank
  @Size(max = 255)
  private String name;

  @Size(max = 10000)
  private String description;

  private Long sectionId;
  private String price = "";
  private String currency;

  @Size(max = 20)
  private String unit;

  private String vatRate = "";
  private boolean active = true;
  private Long version;

  static ProductForm of(ProductView product) {
    ProductForm form = new ProductForm();
    form.name = product.name();
    form.description = product.description();
    form.sectionId = product.sectionId();
    form.price = product.price() == null ? "" : product.price().toPlainString();
    form.currency = product.currency();
    form.unit = product.unit();
    form.vatRate = product.vatRate() == null ? "" : product.vatRate().toPlainString();
    form.active = product.active();
    form.version = product.version();
    return form;
  }

  /**
   * The command, or null when price or VAT rate is not a number (then the reason is in {@code
   * errors} at that field). A decimal comma is accepted, as Polish users type it.
   */
  ProductCommand toCommand(BindingResult errors, String sku) {
    BigDecimal parsedPrice = decimal(price, "price", true, errors);
    BigDecimal parsedVat = decimal(vatRate, "vatRate", false, errors);
    if (errors.hasErrors()) {
      return null;
    }
    return new ProductCommand(
        name.strip(),
        sku,
        blankToNull(description),
        active,
        parsedPrice,
        blankToNull(currency),
        blankToNull(unit),
        parsedVat,
        sectionId);
  }

  private static BigDecimal decimal(
      String text, String field, boolean required, BindingResult errors) {
    if (text == null || text.isBlank()) {
      if (required) {
        errors.rejectValue(field, "product.field.required");
      }
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      errors.rejectValue(field, "product.field.notANumber");
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Long getSectionId() {
    return sectionId;
  }

  public void setSectionId(Long sectionId) {
    this.sectionId = sectionId;
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String price) {
    this.price = price;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getVatRate() {
    return vatRate;
  }

  public void setVatRate(String vatRate) {
    this.vatRate = vatRate;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}

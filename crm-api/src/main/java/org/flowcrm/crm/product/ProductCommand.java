package org.flowcrm.crm.product;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/** The editable fields of a product; the currency defaults to the base currency. */
public record ProductCommand(
    @NotBlank @Size(max = 255) String name,
    @Size(max = 64) String sku,
    @Size(max = 10000) String description,
    Boolean active,
    @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal price,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    @Size(max = 20) String unit,
    @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal vatRate,
    Long sectionId,
    Map<String, Object> customFields) {
  /**
   * Without custom fields: a write through this constructor leaves a record's custom fields as they
   * are.
   */
  public ProductCommand(
      String name,
      String sku,
      String description,
      Boolean active,
      BigDecimal price,
      String currency,
      String unit,
      BigDecimal vatRate,
      Long sectionId) {
    this(name, sku, description, active, price, currency, unit, vatRate, sectionId, null);
  }
}

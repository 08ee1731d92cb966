package org.flowcrm.crm.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a deal, a lead's product interests, a quote or an invoice: {@code quantity × price},
 * less {@code discountPercent}, plus {@code taxPercent} on top. {@code productId} points into the
 * catalog when the line was taken from it; the name and price are copied so that later catalog
 * changes do not rewrite history.
 */
@Embeddable
public record ProductRow(
    @Column(name = "product_id") Long productId,
    @NotBlank @Size(max = 255) @Column(name = "name") String name,
    @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 11, fraction = 4)
        @Column(name = "quantity")
        BigDecimal quantity,
    @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) @Column(name = "price")
        BigDecimal price,
    @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @Column(name = "discount_percent")
        BigDecimal discountPercent,
    @DecimalMin("0")
        @DecimalMax("100")
        @Digits(integer = 3, fraction = 2)
        @Column(name = "tax_percent")
        BigDecimal taxPercent) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public ProductRow {
    discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
    taxPercent = taxPercent == null ? BigDecimal.ZERO : taxPercent;
  }

  /** Quantity × price less the discount, before tax, rounded to cents. */
  public BigDecimal net() {
    BigDecimal gross = quantity.multiply(price);
    BigDecimal discount = gross.multiply(discountPercent).divide(HUNDRED);
    return gross.subtract(discount).setScale(2, RoundingMode.HALF_UP);
  }

  /** The tax on {@link #net()}, rounded to cents. */
  public BigDecimal tax() {
    return net().multiply(taxPercent).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
  }

  /** What the line adds to the total: net plus tax. */
  public BigDecimal total() {
    return net().add(tax());
  }
}

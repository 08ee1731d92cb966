package org.flowcrm.crm.onlinestore;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.shared.Address;

/**
 * An order as an online store sends it, in the simple JSON form; a CommerceML document is read into
 * the same record ({@link CommerceMl}). {@code storeCode} and {@code orderId} identify it: sending
 * the same pair again updates the order's deal.
 */
@Schema(description = "An online-store order in the simple JSON form")
public record StoreOrderCommand(
    @Schema(example = "main-shop")
        @NotBlank
        @Size(max = 40)
        @Pattern(
            regexp = "[A-Za-z0-9._-]+",
            message = "must be letters, digits, dot, underscore or dash")
        String storeCode,
    @Schema(example = "10045") @NotBlank @Size(max = 64) String orderId,
    @Schema(example = "2026-03-02") LocalDate date,
    @Schema(example = "EUR")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        String currency,
    @NotNull @Valid Customer customer,
    @NotEmpty @Size(max = 500) List<@Valid @NotNull Row> rows,
    @Valid Delivery delivery) {

  public StoreOrderCommand {
    rows = rows == null ? List.of() : rows;
  }

  /** Who ordered: found among the contacts by e-mail or phone, else created. */
  public record Customer(
      @Schema(example = "Anna Wisniewska") @NotBlank @Size(max = 200) String name,
      @Schema(example = "anna@example.com") @Size(max = 254) @Email String email,
      @Schema(example = "+48 600 100 200")
          @Size(max = 40)
          @Pattern(
              regexp = "\\+?[0-9 ()./\\-]{3,40}",
              message = "must be a phone number: digits, spaces, + ( ) . / -")
          String phone,
      @Valid Address address) {}

  /**
   * One ordered item: matched to the catalog by {@code sku}, else by exact {@code name}; an
   * unmatched row keeps its name and price without a product link.
   */
  public record Row(
      @Schema(example = "SD-100") @Size(max = 64) String sku,
      @Schema(example = "Standing desk") @Size(max = 255) String name,
      @Schema(example = "1")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 11, fraction = 4)
          BigDecimal quantity,
      @Schema(example = "899.00") @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2)
          BigDecimal unitPrice,
      @Schema(example = "0") @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
          BigDecimal discountPercent) {}

  /** The client's delivery wishes; they become the deal's {@code DeliveryWishes}. */
  public record Delivery(
      @Schema(example = "ul. Prosta 1, 00-001 Warszawa") @Size(max = 500) String address,
      @Schema(example = "2026-03-05") LocalDate date,
      @Schema(example = "10:00-14:00") @Size(max = 50) String timeWindow,
      @Schema(example = "Call 30 minutes before") @Size(max = 2000) String comment) {

    boolean isEmpty() {
      return address == null && date == null && timeWindow == null && comment == null;
    }
  }
}

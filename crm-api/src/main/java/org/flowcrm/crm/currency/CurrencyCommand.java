package org.flowcrm.crm.currency;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Creates or changes a currency; the code cannot change. */
public record CurrencyCommand(
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        String code,
    @NotBlank @Size(max = 100) String name,
    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 11, fraction = 8)
        BigDecimal rate,
    Integer sortOrder) {}

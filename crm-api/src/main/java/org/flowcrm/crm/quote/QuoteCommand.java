package org.flowcrm.crm.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.shared.ProductRow;

/** The editable fields of a quote (a draft); the amount is the total of the rows. */
public record QuoteCommand(
    @NotBlank @Size(max = 255) String title,
    Long contactId,
    Long companyId,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    LocalDate issueDate,
    LocalDate validUntil,
    Long responsibleId,
    @Size(max = 10000) String comments,
    @Size(max = 500) List<@Valid @NotNull ProductRow> rows) {

  public QuoteCommand {
    rows = rows == null ? List.of() : rows;
  }
}

package org.flowcrm.crm.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.ProductRow;

/**
 * The editable fields of a lead. {@code status} is a status code (the first open status when left
 * out on creation); it cannot be set to the converted status, conversion does that.
 */
public record LeadCommand(
    @NotBlank @Size(max = 255) String title,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Size(max = 255) String companyName,
    @Size(max = 150) String position,
    @Valid Address address,
    @NotNull LeadSource source,
    @Size(max = 40) String status,
    Long responsibleId,
    @Size(max = 20) List<@Valid @NotNull Phone> phones,
    @Size(max = 20) List<@Valid @NotNull Email> emails,
    @Size(max = 100) List<@Valid @NotNull ProductRow> productInterests,
    Map<String, Object> customFields) {
  /**
   * Without custom fields: a write through this constructor leaves a record's custom fields as they
   * are.
   */
  public LeadCommand(
      String title,
      String firstName,
      String lastName,
      String companyName,
      String position,
      Address address,
      LeadSource source,
      String status,
      Long responsibleId,
      List<Phone> phones,
      List<Email> emails,
      List<ProductRow> productInterests) {
    this(
        title,
        firstName,
        lastName,
        companyName,
        position,
        address,
        source,
        status,
        responsibleId,
        phones,
        emails,
        productInterests,
        null);
  }

  public LeadCommand {
    phones = phones == null ? List.of() : phones;
    emails = emails == null ? List.of() : emails;
    productInterests = productInterests == null ? List.of() : productInterests;
  }
}

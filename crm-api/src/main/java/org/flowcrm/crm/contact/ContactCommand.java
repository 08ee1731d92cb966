package org.flowcrm.crm.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;

/** The editable fields of a contact. */
public record ContactCommand(
    @NotBlank @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Size(max = 150) String position,
    @Past LocalDate birthday,
    @Valid Address address,
    @Size(max = 20) List<@Valid @NotNull Phone> phones,
    @Size(max = 20) List<@Valid @NotNull Email> emails,
    @Size(max = 50) List<@NotNull Long> companyIds,
    Long responsibleId,
    @Size(max = 20000) String notes,
    Boolean vip,
    Map<String, Object> customFields) {

  /**
   * Without the VIP flag and custom fields: an update keeps the flag and the custom fields the
   * contact has.
   */
  public ContactCommand(
      String firstName,
      String lastName,
      String position,
      LocalDate birthday,
      Address address,
      List<Phone> phones,
      List<Email> emails,
      List<Long> companyIds,
      Long responsibleId,
      String notes) {
    this(
        firstName,
        lastName,
        position,
        birthday,
        address,
        phones,
        emails,
        companyIds,
        responsibleId,
        notes,
        null,
        null);
  }

  /** Without custom fields: an update keeps the custom fields the contact has. */
  public ContactCommand(
      String firstName,
      String lastName,
      String position,
      LocalDate birthday,
      Address address,
      List<Phone> phones,
      List<Email> emails,
      List<Long> companyIds,
      Long responsibleId,
      String notes,
      Boolean vip) {
    this(
        firstName,
        lastName,
        position,
        birthday,
        address,
        phones,
        emails,
        companyIds,
        responsibleId,
        notes,
        vip,
        null);
  }

  public ContactCommand {
    phones = phones == null ? List.of() : phones;
    emails = emails == null ? List.of() : emails;
    companyIds = companyIds == null ? List.of() : companyIds;
  }
}

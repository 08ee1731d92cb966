package org.flowcrm.crm.company;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;

/** The editable fields of a company. */
public record CompanyCommand(
    @NotBlank @Size(max = 255) String name,
    @Size(max = 100) String industry,
    @Min(0) Integer employees,
    @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal revenue,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
        String revenueCurrency,
    @Size(max = 255) String website,
    @Size(max = 50) String taxNumber,
    @Valid BankDetails bankDetails,
    @Size(max = 10) List<@Valid @NotNull CompanyAddress> addresses,
    @Size(max = 20) List<@Valid @NotNull Phone> phones,
    @Size(max = 20) List<@Valid @NotNull Email> emails,
    Long responsibleId,
    @Size(max = 20000) String notes,
    Boolean vip,
    Map<String, Object> customFields) {

  /**
   * Without the VIP flag and custom fields: an update keeps the flag and the custom fields the
   * company has.
   */
  public CompanyCommand(
      String name,
      String industry,
      Integer employees,
      BigDecimal revenue,
      String revenueCurrency,
      String website,
      String taxNumber,
      BankDetails bankDetails,
      List<CompanyAddress> addresses,
      List<Phone> phones,
      List<Email> emails,
      Long responsibleId,
      String notes) {
    this(
        name,
        industry,
        employees,
        revenue,
        revenueCurrency,
        website,
        taxNumber,
        bankDetails,
        addresses,
        phones,
        emails,
        responsibleId,
        notes,
        null,
        null);
  }

  /** Without custom fields: an update keeps the custom fields the company has. */
  public CompanyCommand(
      String name,
      String industry,
      Integer employees,
      BigDecimal revenue,
      String revenueCurrency,
      String website,
      String taxNumber,
      BankDetails bankDetails,
      List<CompanyAddress> addresses,
      List<Phone> phones,
      List<Email> emails,
      Long responsibleId,
      String notes,
      Boolean vip) {
    this(
        name,
        industry,
        employees,
        revenue,
        revenueCurrency,
        website,
        taxNumber,
        bankDetails,
        addresses,
        phones,
        emails,
        responsibleId,
        notes,
        vip,
        null);
  }

  public CompanyCommand {
    addresses = addresses == null ? List.of() : addresses;
    phones = phones == null ? List.of() : phones;
    emails = emails == null ? List.of() : emails;
  }

  /** The same command with these custom field values. */
  public CompanyCommand withCustomFields(Map<String, Object> values) {
    return new CompanyCommand(
        name,
        industry,
        employees,
        revenue,
        revenueCurrency,
        website,
        taxNumber,
        bankDetails,
        addresses,
        phones,
        emails,
        responsibleId,
        notes,
        vip,
        values);
  }

  /** A company with just a name and the contact data a lead had. */
  public static CompanyCommand named(
      String name, List<Phone> phones, List<Email> emails, Long responsibleId) {
    return new CompanyCommand(
        name, null, null, null, null, null, null, null, null, phones, emails, responsibleId, null);
  }
}

package org.flowcrm.crm.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;

/** A contact as callers see it. */
public record ContactView(
    long id,
    long version,
    String firstName,
    String lastName,
    String fullName,
    String position,
    LocalDate birthday,
    Address address,
    List<Phone> phones,
    List<Email> emails,
    List<Long> companyIds,
    Long responsibleId,
    Long sourceLeadId,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    boolean vip,
    Map<String, Object> customFields) {

  static ContactView of(Contact c) {
    String fullName =
        c.getLastName() == null ? c.getFirstName() : c.getFirstName() + " " + c.getLastName();
    return new ContactView(
        c.getId(),
        c.getVersion(),
        c.getFirstName(),
        c.getLastName(),
        fullName,
        c.getPosition(),
        c.getBirthday(),
        c.getAddress(),
        c.getPhones(),
        c.getEmails(),
        c.getCompanyIds().stream().sorted().toList(),
        c.getResponsibleId(),
        c.getSourceLeadId(),
        c.getNotes(),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.isVip(),
        c.getCustomFields());
  }
}

package org.flowcrm.crm.company;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;

/** A company as callers see it. */
public record CompanyView(
    long id,
    long version,
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
    Long sourceLeadId,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    boolean vip,
    Map<String, Object> customFields) {

  static CompanyView of(Company c) {
    return new CompanyView(
        c.getId(),
        c.getVersion(),
        c.getName(),
        c.getIndustry(),
        c.getEmployees(),
        c.getRevenue(),
        c.getRevenueCurrency(),
        c.getWebsite(),
        c.getTaxNumber(),
        c.getBankDetails(),
        c.getAddresses(),
        c.getPhones(),
        c.getEmails(),
        c.getResponsibleId(),
        c.getSourceLeadId(),
        c.getNotes(),
        c.getCreatedAt(),
        c.getUpdatedAt(),
        c.isVip(),
        c.getCustomFields());
  }
}

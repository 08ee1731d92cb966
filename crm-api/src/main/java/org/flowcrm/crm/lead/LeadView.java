package org.flowcrm.crm.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.ProductRowView;

/** A lead as callers see it, with the records it was converted into. */
public record LeadView(
    long id,
    long version,
    String title,
    String firstName,
    String lastName,
    String companyName,
    String position,
    Address address,
    LeadSource source,
    String status,
    String statusName,
    StatusSemantic statusSemantic,
    Long responsibleId,
    List<Phone> phones,
    List<Email> emails,
    List<ProductRowView> productInterests,
    Long convertedContactId,
    Long convertedCompanyId,
    Long convertedDealId,
    Instant convertedAt,
    ProcessLink process,
    Instant createdAt,
    Instant updatedAt,
    Map<String, Object> customFields) {

  static LeadView of(Lead l) {
    return new LeadView(
        l.getId(),
        l.getVersion(),
        l.getTitle(),
        l.getFirstName(),
        l.getLastName(),
        l.getCompanyName(),
        l.getPosition(),
        l.getAddress(),
        l.getSource(),
        l.getStatus().getCode(),
        l.getStatus().getName(),
        l.getStatus().getSemantic(),
        l.getResponsibleId(),
        l.getPhones(),
        l.getEmails(),
        l.getProductInterests().stream().map(ProductRowView::of).toList(),
        l.getConvertedContactId(),
        l.getConvertedCompanyId(),
        l.getConvertedDealId(),
        l.getConvertedAt(),
        l.getProcessLink(),
        l.getCreatedAt(),
        l.getUpdatedAt(),
        l.getCustomFields());
  }
}

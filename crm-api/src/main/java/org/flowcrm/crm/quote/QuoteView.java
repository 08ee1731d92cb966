package org.flowcrm.crm.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.shared.ProductRowView;

/** A quote as callers see it. */
public record QuoteView(
    long id,
    long version,
    String number,
    QuoteStatus status,
    String title,
    Long dealId,
    Long contactId,
    Long companyId,
    String currency,
    BigDecimal amount,
    BigDecimal taxAmount,
    LocalDate issueDate,
    LocalDate validUntil,
    Long responsibleId,
    String comments,
    List<ProductRowView> rows,
    Instant createdAt,
    Instant updatedAt) {

  static QuoteView of(Quote q) {
    return new QuoteView(
        q.getId(),
        q.getVersion(),
        q.getNumber(),
        q.getStatus(),
        q.getTitle(),
        q.getDealId(),
        q.getContactId(),
        q.getCompanyId(),
        q.getCurrency(),
        q.getAmount(),
        q.getTaxAmount(),
        q.getIssueDate(),
        q.getValidUntil(),
        q.getResponsibleId(),
        q.getComments(),
        q.getRows().stream().map(ProductRowView::of).toList(),
        q.getCreatedAt(),
        q.getUpdatedAt());
  }
}

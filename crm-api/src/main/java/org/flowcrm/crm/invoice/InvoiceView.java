package org.flowcrm.crm.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.shared.ProductRowView;

/** An invoice as callers see it; {@code publicToken} makes the customer's link. */
public record InvoiceView(
    long id,
    long version,
    String number,
    InvoiceStatus status,
    String title,
    Long dealId,
    Long quoteId,
    Long contactId,
    Long companyId,
    String currency,
    BigDecimal amount,
    BigDecimal taxAmount,
    LocalDate issueDate,
    LocalDate dueDate,
    PaymentMethod paymentMethod,
    String paymentDetails,
    Instant paidAt,
    String publicToken,
    Long responsibleId,
    String comments,
    List<ProductRowView> rows,
    Instant createdAt,
    Instant updatedAt) {

  static InvoiceView of(Invoice i) {
    return new InvoiceView(
        i.getId(),
        i.getVersion(),
        i.getNumber(),
        i.getStatus(),
        i.getTitle(),
        i.getDealId(),
        i.getQuoteId(),
        i.getContactId(),
        i.getCompanyId(),
        i.getCurrency(),
        i.getAmount(),
        i.getTaxAmount(),
        i.getIssueDate(),
        i.getDueDate(),
        i.getPaymentMethod(),
        i.getPaymentDetails(),
        i.getPaidAt(),
        i.getPublicToken(),
        i.getResponsibleId(),
        i.getComments(),
        i.getRows().stream().map(ProductRowView::of).toList(),
        i.getCreatedAt(),
        i.getUpdatedAt());
  }
}

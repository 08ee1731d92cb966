package org.flowcrm.crm.invoice;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.ProductRow;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An invoice. Only a draft can be edited; paid and cancelled are final. */
@Entity
@Table(name = "crm_invoice")
class Invoice extends AggregateRoot<Invoice> {

  @Column(name = "number", nullable = false, length = 30, updatable = false)
  private String number;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", nullable = false, length = 12)
  private InvoiceStatus status = InvoiceStatus.DRAFT;

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "deal_id")
  private Long dealId;

  @Column(name = "quote_id")
  private Long quoteId;

  @Column(name = "contact_id")
  private Long contactId;

  @Column(name = "company_id")
  private Long companyId;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "amount", nullable = false, precision = 17, scale = 2)
  private BigDecimal amount;

  @Column(name = "tax_amount", nullable = false, precision = 17, scale = 2)
  private BigDecimal taxAmount;

  @Column(name = "issue_date", nullable = false)
  private LocalDate issueDate;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "payment_method", length = 20)
  private PaymentMethod paymentMethod;

  @Column(name = "payment_details", length = 1000)
  private String paymentDetails;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "public_token", nullable = false, length = 64, updatable = false)
  private String publicToken;

  @Column(name = "responsible_id")
  private Long responsibleId;

  @Column(name = "comments", length = 10000)
  private String comments;

  @ElementCollection
  @CollectionTable(name = "crm_invoice_product_row", joinColumns = @JoinColumn(name = "invoice_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<ProductRow> rows = new ArrayList<>();

  protected Invoice() {}

  Invoice(String number, String publicToken, Long dealId, Long quoteId) {
    this.number = number;
    this.publicToken = publicToken;
    this.dealId = dealId;
    this.quoteId = quoteId;
  }

  void update(InvoiceCommand c, String currency) {
    if (status != InvoiceStatus.DRAFT) {
      throw new ConflictException(
          "Invoice " + number + " is " + status + "; only a draft can be edited");
    }
    this.title = c.title();
    this.contactId = c.contactId();
    this.companyId = c.companyId();
    this.currency = currency;
    this.issueDate = c.issueDate() == null ? LocalDate.now() : c.issueDate();
    this.dueDate = c.dueDate();
    this.paymentMethod = c.paymentMethod();
    this.paymentDetails = c.paymentDetails();
    this.responsibleId = c.responsibleId();
    this.comments = c.comments();
    this.rows.clear();
    this.rows.addAll(c.rows());
    this.amount = rows.stream().map(ProductRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    this.taxAmount = rows.stream().map(ProductRow::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    touch();
  }

  /** Moves to {@code target} if the life cycle allows it; paying publishes {@link InvoicePaid}. */
  void changeStatus(InvoiceStatus target) {
    if (target == status) {
      return;
    }
    if (!status.allows(target)) {
      throw new ConflictException(
          "Invoice " + number + " is " + status + " and cannot become " + target);
    }
    status = target;
    touch();
    if (target == InvoiceStatus.PAID) {
      paidAt = Instant.now();
      registerEvent(new InvoicePaid(getId(), number, dealId, amount, currency, paidAt));
    }
  }

  String getNumber() {
    return number;
  }

  InvoiceStatus getStatus() {
    return status;
  }

  String getTitle() {
    return title;
  }

  Long getDealId() {
    return dealId;
  }

  Long getQuoteId() {
    return quoteId;
  }

  Long getContactId() {
    return contactId;
  }

  Long getCompanyId() {
    return companyId;
  }

  String getCurrency() {
    return currency;
  }

  BigDecimal getAmount() {
    return amount;
  }

  BigDecimal getTaxAmount() {
    return taxAmount;
  }

  LocalDate getIssueDate() {
    return issueDate;
  }

  LocalDate getDueDate() {
    return dueDate;
  }

  PaymentMethod getPaymentMethod() {
    return paymentMethod;
  }

  String getPaymentDetails() {
    return paymentDetails;
  }

  Instant getPaidAt() {
    return paidAt;
  }

  String getPublicToken() {
    return publicToken;
  }

  Long getResponsibleId() {
    return responsibleId;
  }

  String getComments() {
    return comments;
  }

  List<ProductRow> getRows() {
    return List.copyOf(rows);
  }
}

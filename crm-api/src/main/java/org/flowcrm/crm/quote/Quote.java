package org.flowcrm.crm.quote;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.ProductRow;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A quote. Only a draft can be edited; accepted, declined and cancelled are final. */
@Entity
@Table(name = "crm_quote")
class Quote extends AggregateRoot<Quote> {

  @Column(name = "number", nullable = false, length = 30, updatable = false)
  private String number;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", nullable = false, length = 12)
  private QuoteStatus status = QuoteStatus.DRAFT;

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "deal_id")
  private Long dealId;

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

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Column(name = "responsible_id")
  private Long responsibleId;

  @Column(name = "comments", length = 10000)
  private String comments;

  @ElementCollection
  @CollectionTable(name = "crm_quote_product_row", joinColumns = @JoinColumn(name = "quote_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<ProductRow> rows = new ArrayList<>();

  protected Quote() {}

  Quote(String number, Long dealId) {
    this.number = number;
    this.dealId = dealId;
  }

  void update(QuoteCommand c, String currency) {
    if (status != QuoteStatus.DRAFT) {
      throw new ConflictException(
          "Quote " + number + " is " + status + "; only a draft can be edited");
    }
    this.title = c.title();
    this.contactId = c.contactId();
    this.companyId = c.companyId();
    this.currency = currency;
    this.issueDate = c.issueDate() == null ? LocalDate.now() : c.issueDate();
    this.validUntil = c.validUntil();
    this.responsibleId = c.responsibleId();
    this.comments = c.comments();
    this.rows.clear();
    this.rows.addAll(c.rows());
    this.amount = rows.stream().map(ProductRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    this.taxAmount = rows.stream().map(ProductRow::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    touch();
  }

  void changeStatus(QuoteStatus target) {
    if (target == status) {
      return;
    }
    if (!status.allows(target)) {
      throw new ConflictException(
          "Quote " + number + " is " + status + " and cannot become " + target);
    }
    status = target;
    touch();
  }

  String getNumber() {
    return number;
  }

  QuoteStatus getStatus() {
    return status;
  }

  String getTitle() {
    return title;
  }

  Long getDealId() {
    return dealId;
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

  LocalDate getValidUntil() {
    return validUntil;
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

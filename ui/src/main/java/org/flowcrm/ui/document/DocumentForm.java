package org.flowcrm.ui.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flowcrm.crm.invoice.InvoiceCommand;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.invoice.PaymentMethod;
import org.flowcrm.crm.quote.QuoteCommand;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.ui.record.AddressRow;
import org.flowcrm.ui.record.ProductRowInput;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the quote and invoice forms post: the fields of {@link QuoteCommand} and {@link
 * InvoiceCommand} (a quote uses {@code validUntil}, an invoice {@code dueDate} and the payment
 * fields), the product rows as typed, and for an edit the version it was rendered with.
 */
public class DocumentForm {

  private String title;
  private Long contactId;
  private Long companyId;
  private String currency;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate issueDate;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate validUntil;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate dueDate;

  private PaymentMethod paymentMethod;
  private String paymentDetails;
  private Long responsibleId;
  private String comments;
  private List<ProductRowInput> rows = new ArrayList<>();
  private Long version;

  /**
   * A new document: the signed-in user responsible, dated today, due (valid) after {@code days}.
   */
  static DocumentForm blank(Long responsibleId, String currency, int days) {
    DocumentForm form = new DocumentForm();
    form.responsibleId = responsibleId;
    form.currency = currency;
    form.issueDate = LocalDate.now();
    form.validUntil = form.issueDate.plusDays(days);
    form.dueDate = form.issueDate.plusDays(days);
    form.paymentMethod = PaymentMethod.BANK_TRANSFER;
    return form;
  }

  static DocumentForm of(QuoteView q) {
    DocumentForm form = new DocumentForm();
    form.title = q.title();
    form.contactId = q.contactId();
    form.companyId = q.companyId();
    form.currency = q.currency();
    form.issueDate = q.issueDate();
    form.validUntil = q.validUntil();
    form.responsibleId = q.responsibleId();
    form.comments = q.comments();
    form.rows = ProductRowInput.of(q.rows());
    form.version = q.version();
    return form;
  }

  static DocumentForm of(InvoiceView i) {
    DocumentForm form = new DocumentForm();
    form.title = i.title();
    form.contactId = i.contactId();
    form.companyId = i.companyId();
    form.currency = i.currency();
    form.issueDate = i.issueDate();
    form.dueDate = i.dueDate();
    form.paymentMethod = i.paymentMethod();
    form.paymentDetails = i.paymentDetails();
    form.responsibleId = i.responsibleId();
    form.comments = i.comments();
    form.rows = ProductRowInput.of(i.rows());
    form.version = i.version();
    return form;
  }

  /** The named product lines and where each stands in the form. */
  ProductRowInput.Lines lines() {
    return ProductRowInput.lines(rows);
  }

  QuoteCommand toQuoteCommand() {
    return new QuoteCommand(
        AddressRow.trim(title),
        contactId,
        companyId,
        currencyCode(),
        issueDate,
        validUntil,
        responsibleId,
        AddressRow.trim(comments),
        lines().rows());
  }

  InvoiceCommand toInvoiceCommand() {
    return new InvoiceCommand(
        AddressRow.trim(title),
        contactId,
        companyId,
        currencyCode(),
        issueDate,
        dueDate,
        paymentMethod,
        AddressRow.trim(paymentDetails),
        responsibleId,
        AddressRow.trim(comments),
        lines().rows());
  }

  private String currencyCode() {
    return AddressRow.upper(AddressRow.trim(currency));
  }

  /** One empty line at the end, where the next product is typed. */
  void ensureEmptyLine() {
    if (rows.isEmpty()
        || rows.get(rows.size() - 1) == null
        || !rows.get(rows.size() - 1).isBlank()) {
      rows.add(ProductRowInput.blank());
    }
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Long getContactId() {
    return contactId;
  }

  public void setContactId(Long contactId) {
    this.contactId = contactId;
  }

  public Long getCompanyId() {
    return companyId;
  }

  public void setCompanyId(Long companyId) {
    this.companyId = companyId;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public LocalDate getIssueDate() {
    return issueDate;
  }

  public void setIssueDate(LocalDate issueDate) {
    this.issueDate = issueDate;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public void setDueDate(LocalDate dueDate) {
    this.dueDate = dueDate;
  }

  public PaymentMethod getPaymentMethod() {
    return paymentMethod;
  }

  public void setPaymentMethod(PaymentMethod paymentMethod) {
    this.paymentMethod = paymentMethod;
  }

  public String getPaymentDetails() {
    return paymentDetails;
  }

  public void setPaymentDetails(String paymentDetails) {
    this.paymentDetails = paymentDetails;
  }

  public Long getResponsibleId() {
    return responsibleId;
  }

  public void setResponsibleId(Long responsibleId) {
    this.responsibleId = responsibleId;
  }

  public String getComments() {
    return comments;
  }

  public void setComments(String comments) {
    this.comments = comments;
  }

  public List<ProductRowInput> getRows() {
    return rows;
  }

  public void setRows(List<ProductRowInput> rows) {
    this.rows = rows;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}

package org.flowcrm.crm.invoice;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.NumberSequence;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.shared.ProductRowView;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Invoices: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class InvoiceService {

  /** Days between issue and due date of an invoice created from a deal. */
  public static final int DEFAULT_PAYMENT_DAYS = 14;

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "i.id", SortType.LONG),
          new SortField("number", "i.number", SortType.STRING),
          new SortField("amount", "i.amount", SortType.DECIMAL),
          new SortField("issueDate", "i.issue_date", SortType.DATE));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Invoices invoices;
  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;
  private final CurrencyService currencies;
  private final UserService users;
  private final NumberSequence numbers;
  private final JdbcTemplate jdbc;
  private final AccessPolicy policy;

  InvoiceService(
      Invoices invoices,
      DealService deals,
      ContactService contacts,
      CompanyService companies,
      CurrencyService currencies,
      UserService users,
      NumberSequence numbers,
      JdbcTemplate jdbc,
      AccessPolicy policy) {
    this.invoices = invoices;
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
    this.currencies = currencies;
    this.users = users;
    this.numbers = numbers;
    this.jdbc = jdbc;
    this.policy = policy;
  }

  /** Creates a draft invoice by hand. */
  @Transactional
  public InvoiceView create(@Valid InvoiceCommand command) {
    return create(command, null);
  }

  /**
   * Creates a draft invoice from a deal in one step: its rows (or its amount as one row), currency,
   * company and first contact as payer, responsible, due in {@value #DEFAULT_PAYMENT_DAYS} days.
   */
  @Transactional
  public InvoiceView createFromDeal(long dealId) {
    DealView deal = deals.get(dealId);
    return create(
        new InvoiceCommand(
            deal.title(),
            deal.contactIds().isEmpty() ? null : deal.contactIds().get(0),
            deal.companyId(),
            deal.currency(),
            LocalDate.now(),
            LocalDate.now().plusDays(DEFAULT_PAYMENT_DAYS),
            PaymentMethod.BANK_TRANSFER,
            null,
            deal.responsibleId(),
            null,
            rowsOf(deal)),
        dealId);
  }

  /** The deal's rows, or its amount as a single row when it has none. */
  public static List<ProductRow> rowsOf(DealView deal) {
    if (!deal.rows().isEmpty()) {
      return deal.rows().stream().map(InvoiceService::row).toList();
    }
    if (deal.amount().signum() > 0) {
      return List.of(new ProductRow(null, deal.title(), BigDecimal.ONE, deal.amount(), null, null));
    }
    return List.of();
  }

  private static ProductRow row(ProductRowView r) {
    return new ProductRow(
        r.productId(), r.name(), r.quantity(), r.price(), r.discountPercent(), r.taxPercent());
  }

  private InvoiceView create(InvoiceCommand command, Long dealId) {
    policy.requireCreate(EntityType.INVOICE, command.responsibleId());
    String currency = check(command);
    Invoice invoice =
        new Invoice(
            "INV-" + String.format("%06d", numbers.next("INVOICE")), newToken(), dealId, null);
    invoice.update(command, currency);
    return InvoiceView.of(invoices.saveAndFlush(invoice));
  }

  public InvoiceView get(long id) {
    return InvoiceView.of(require(id, Action.READ));
  }

  /** The invoice behind a customer's public link. */
  public InvoiceView getByPublicToken(String token) {
    return invoices
        .findByPublicToken(token)
        .map(InvoiceView::of)
        .orElseThrow(() -> new NotFoundException("Invoice", "with this link"));
  }

  /** Changes a draft invoice. */
  @Transactional
  public InvoiceView update(long id, @Valid InvoiceCommand command, Long expectedVersion) {
    Invoice invoice = require(id, Action.UPDATE);
    Versions.check("Invoice", id, invoice.getVersion(), expectedVersion);
    invoice.update(command, check(command));
    return InvoiceView.of(invoices.saveAndFlush(invoice));
  }

  /** Moves an invoice along its life cycle; {@code PAID} publishes {@link InvoicePaid}. */
  @Transactional
  public InvoiceView changeStatus(long id, InvoiceStatus status, Long expectedVersion) {
    Invoice invoice = require(id, Action.UPDATE);
    Versions.check("Invoice", id, invoice.getVersion(), expectedVersion);
    invoice.changeStatus(status);
    return InvoiceView.of(invoices.saveAndFlush(invoice));
  }

  /** Marks sent invoices whose due date is before {@code today} as overdue; returns how many. */
  @Transactional
  public int markOverdue(LocalDate today) {
    List<Invoice> due = invoices.findByStatusInAndDueDateBefore(List.of(InvoiceStatus.SENT), today);
    due.forEach(i -> i.changeStatus(InvoiceStatus.OVERDUE));
    invoices.saveAll(due);
    return due.size();
  }

  public CursorPage<InvoiceView> list(InvoiceFilter f, ListRequest request) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery query =
        new KeysetQuery("crm_invoice i", "i.id")
            .whereIfPresent(f.status() == null ? null : f.status().name(), "i.status = ?")
            .whereIfPresent(f.dealId(), "i.deal_id = ?")
            .whereIfPresent(f.contactId(), "i.contact_id = ?")
            .whereIfPresent(f.companyId(), "i.company_id = ?")
            .whereIfPresent(f.responsibleId(), "i.responsible_id = ?");
    policy.filter(EntityType.INVOICE, Action.READ, "i.responsible_id").applyTo(query);
    KeysetQuery.Page page = query.page(jdbc, order, request);
    Map<Long, Invoice> found =
        invoices.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Invoice::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(InvoiceView::of).toList(),
        page.nextCursor());
  }

  private String check(InvoiceCommand command) {
    String currency = command.currency() == null ? currencies.baseCode() : command.currency();
    currencies.requireKnown(currency, "currency");
    users.requireActive(command.responsibleId(), "responsibleId");
    if (command.contactId() != null) {
      contacts.requireExisting(List.of(command.contactId()), "contactId");
    }
    if (command.companyId() != null) {
      companies.requireExisting(List.of(command.companyId()), "companyId");
    }
    return currency;
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private Invoice require(long id) {
    return invoices.findById(id).orElseThrow(() -> new NotFoundException("Invoice", id));
  }

  /**
   * The invoice, if the caller may {@code action} it: 404 when he may not see it, 403 otherwise.
   */
  private Invoice require(long id, Action action) {
    Invoice invoice = require(id);
    policy.require(EntityType.INVOICE, action, id, invoice.getResponsibleId());
    return invoice;
  }
}

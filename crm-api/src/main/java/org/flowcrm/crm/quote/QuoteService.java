package org.flowcrm.crm.quote;

import jakarta.validation.Valid;
import java.time.LocalDate;
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
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.NumberSequence;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Quotes: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class QuoteService {

  /** Days a quote created from a deal stays valid. */
  public static final int DEFAULT_VALIDITY_DAYS = 30;

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "q.id", SortType.LONG),
          new SortField("number", "q.number", SortType.STRING),
          new SortField("amount", "q.amount", SortType.DECIMAL),
          new SortField("issueDate", "q.issue_date", SortType.DATE));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);

  private final Quotes quotes;
  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;
  private final CurrencyService currencies;
  private final UserService users;
  private final NumberSequence numbers;
  private final JdbcTemplate jdbc;
  private final AccessPolicy policy;

  QuoteService(
      Quotes quotes,
      DealService deals,
      ContactService contacts,
      CompanyService companies,
      CurrencyService currencies,
      UserService users,
      NumberSequence numbers,
      JdbcTemplate jdbc,
      AccessPolicy policy) {
    this.quotes = quotes;
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
    this.currencies = currencies;
    this.users = users;
    this.numbers = numbers;
    this.jdbc = jdbc;
    this.policy = policy;
  }

  @Transactional
  public QuoteView create(@Valid QuoteCommand command) {
    return create(command, null);
  }

  /** Creates a draft quote from a deal: its rows, currency, payer and responsible. */
  @Transactional
  public QuoteView createFromDeal(long dealId) {
    DealView deal = deals.get(dealId);
    return create(
        new QuoteCommand(
            deal.title(),
            deal.contactIds().isEmpty() ? null : deal.contactIds().get(0),
            deal.companyId(),
            deal.currency(),
            LocalDate.now(),
            LocalDate.now().plusDays(DEFAULT_VALIDITY_DAYS),
            deal.responsibleId(),
            null,
            InvoiceService.rowsOf(deal)),
        dealId);
  }

  private QuoteView create(QuoteCommand command, Long dealId) {
    policy.requireCreate(EntityType.QUOTE, command.responsibleId());
    String currency = check(command);
    Quote quote = new Quote("Q-" + String.format("%06d", numbers.next("QUOTE")), dealId);
    quote.update(command, currency);
    return QuoteView.of(quotes.saveAndFlush(quote));
  }

  public QuoteView get(long id) {
    return QuoteView.of(require(id, Action.READ));
  }

  @Transactional
  public QuoteView update(long id, @Valid QuoteCommand command, Long expectedVersion) {
    Quote quote = require(id, Action.UPDATE);
    Versions.check("Quote", id, quote.getVersion(), expectedVersion);
    quote.update(command, check(command));
    return QuoteView.of(quotes.saveAndFlush(quote));
  }

  @Transactional
  public QuoteView changeStatus(long id, QuoteStatus status, Long expectedVersion) {
    Quote quote = require(id, Action.UPDATE);
    Versions.check("Quote", id, quote.getVersion(), expectedVersion);
    quote.changeStatus(status);
    return QuoteView.of(quotes.saveAndFlush(quote));
  }

  public CursorPage<QuoteView> list(QuoteFilter f, ListRequest request) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery query =
        new KeysetQuery("crm_quote q", "q.id")
            .whereIfPresent(f.status() == null ? null : f.status().name(), "q.status = ?")
            .whereIfPresent(f.dealId(), "q.deal_id = ?")
            .whereIfPresent(f.contactId(), "q.contact_id = ?")
            .whereIfPresent(f.companyId(), "q.company_id = ?");
    policy.filter(EntityType.QUOTE, Action.READ, "q.responsible_id").applyTo(query);
    KeysetQuery.Page page = query.page(jdbc, order, request);
    Map<Long, Quote> found =
        quotes.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Quote::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(QuoteView::of).toList(),
        page.nextCursor());
  }

  private String check(QuoteCommand command) {
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

  private Quote require(long id) {
    return quotes.findById(id).orElseThrow(() -> new NotFoundException("Quote", id));
  }

  /** The quote, if the caller may {@code action} it: 404 when he may not see it, 403 otherwise. */
  private Quote require(long id, Action action) {
    Quote quote = require(id);
    policy.require(EntityType.QUOTE, action, id, quote.getResponsibleId());
    return quote;
  }
}

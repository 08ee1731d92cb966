package org.flowcrm.crm.company;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.shared.BulkAction;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.BulkRunner;
import org.flowcrm.crm.shared.BulkSelection;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.FullText;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/** Companies: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class CompanyService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "c.id", SortType.LONG),
          new SortField("name", "c.name", SortType.STRING),
          new SortField("createdAt", "c.created_at", SortType.TIMESTAMP),
          new SortField("updatedAt", "c.updated_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);

  private final CustomFieldService customFields;
  private final Companies companies;
  private final UserService users;
  private final CurrencyService currencies;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final TransactionTemplate writing;
  private final AccessPolicy policy;
  private final BulkRunner bulk;

  CompanyService(
      Companies companies,
      UserService users,
      CurrencyService currencies,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      AccessPolicy policy,
      CustomFieldService customFields,
      BulkRunner bulk) {
    this.customFields = customFields;
    this.companies = companies;
    this.users = users;
    this.currencies = currencies;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
    this.policy = policy;
    this.bulk = bulk;
  }

  @Transactional
  public CompanyView create(@Valid CompanyCommand command) {
    return create(command, null, true);
  }

  /** Creates a company converted from lead {@code leadId}; it remembers the lead. */
  @Transactional
  public CompanyView createFromLead(@Valid CompanyCommand command, long leadId) {
    return create(command, leadId, false);
  }

  private CompanyView create(CompanyCommand command, Long leadId, boolean requireAll) {
    policy.requireCreate(EntityType.COMPANY, command.responsibleId());
    check(command);
    Company company = new Company(leadId);
    company.update(command);
    company.setCustomFields(
        customFields.merge(
            CustomizableEntity.COMPANY, command.customFields(), Map.of(), requireAll));
    return CompanyView.of(companies.saveAndFlush(company));
  }

  public CompanyView get(long id) {
    return CompanyView.of(require(id, Action.READ));
  }

  @Transactional
  public CompanyView update(long id, @Valid CompanyCommand command, Long expectedVersion) {
    Company company = require(id, Action.UPDATE);
    Versions.check("Company", id, company.getVersion(), expectedVersion);
    check(command);
    company.update(command);
    company.setCustomFields(
        customFields.merge(
            CustomizableEntity.COMPANY,
            command.customFields(),
            company.getCustomFields(),
            command.customFields() != null));
    return CompanyView.of(companies.saveAndFlush(company));
  }

  /** Deletes a company; refused (409) while deals or contacts still point to it. */
  @Transactional
  public void delete(long id, Long expectedVersion) {
    Company company = require(id, Action.DELETE);
    Versions.check("Company", id, company.getVersion(), expectedVersion);
    companies.delete(company);
    companies.flush();
  }

  public CursorPage<CompanyView> list(CompanyFilter filter, ListRequest request) {
    return list(filter, request, Action.READ);
  }

  /** One page of what {@code filter} matches within the caller's scope for every action. */
  private CursorPage<CompanyView> list(
      CompanyFilter filter, ListRequest request, Action... actions) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery.Page page = query(filter, actions).page(jdbc, order, request);
    Map<Long, Company> found =
        companies.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Company::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(CompanyView::of).toList(),
        page.nextCursor());
  }

  /** Refuses (403) before anything is written when the caller may not export at all. */
  public void requireExport() {
    policy.requireAny(EntityType.COMPANY, Action.EXPORT);
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void export(CompanyFilter filter, String sort, Consumer<CompanyView> sink) {
    requireExport();
    ListRequest request = new ListRequest(sort, ListRequest.MAX_LIMIT, null);
    do {
      ListRequest current = request;
      CursorPage<CompanyView> page =
          readOnly.execute(status -> list(filter, current, Action.READ, Action.EXPORT));
      page.items().forEach(sink);
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
  }

  /** Company names by id (for search texts, lists and exports). */
  public Map<Long, String> names(Collection<Long> ids) {
    return companies.findAllById(ids.stream().filter(Objects::nonNull).distinct().toList()).stream()
        .collect(Collectors.toMap(Company::getId, Company::getName));
  }

  /** Checks that every id names a company, naming {@code field} in a 422 otherwise. */
  public void requireExisting(Collection<Long> ids, String field) {
    List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return;
    }
    Map<Long, String> found = names(wanted);
    for (Long id : wanted) {
      if (!found.containsKey(id)) {
        throw new InvalidFieldException(field, "company " + id + " does not exist");
      }
    }
  }

  private void check(CompanyCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    currencies.requireKnown(command.revenueCurrency(), "revenueCurrency");
  }

  /**
   * Records sharing one of these e-mail addresses or phone numbers (at most 20), to warn before
   * creating a duplicate.
   */
  public List<CompanyView> findDuplicates(List<String> emails, List<String> phones) {
    List<Long> ids =
        org.flowcrm.crm.shared.Duplicates.find(
            jdbc, "crm_company", "crm_company_email", "company_id", emails, phones, 20);
    // Only what the caller may read: a duplicate warning must not reveal others' records.
    return companies.findAllById(ids).stream()
        .filter(record -> policy.canRead(EntityType.COMPANY, record.getResponsibleId()))
        .map(CompanyView::of)
        .toList();
  }

  /**
   * Makes {@code responsibleId} responsible for every company matching {@code filter}, one
   * transaction per page of {@value ListRequest#MAX_LIMIT}; returns how many were assigned.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int assignAll(CompanyFilter filter, long responsibleId) {
    users.requireActive(responsibleId, "responsibleId");
    SortOrder byId = new SortOrder(SORT_FIELDS.get(0), false);
    ListRequest request = new ListRequest("id", ListRequest.MAX_LIMIT, null);
    int assigned = 0;
    do {
      KeysetQuery.Page page = query(filter, Action.READ, Action.UPDATE).page(jdbc, byId, request);
      assigned +=
          writing.execute(
              status -> {
                List<Company> found = companies.findAllById(page.ids());
                found.forEach(item -> item.assignTo(responsibleId));
                companies.saveAll(found);
                return found.size();
              });
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
    return assigned;
  }

  /** What a bulk request may do to companies. */
  public static final Set<BulkAction> BULK_ACTIONS = Set.of(BulkAction.ASSIGN, BulkAction.DELETE);

  /**
   * Assigns or deletes the picked companies, or every one the filter matches that the caller can
   * see; each is checked as if it were changed alone, in one transaction per {@value
   * BulkRunner#CHUNK_SIZE}; refused ones are reported and the others change. Bad input (a missing
   * or unknown user or status) is refused before anything is written.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public BulkResult bulk(@Valid BulkCommand<CompanyFilter> command) {
    command.check(BULK_ACTIONS);
    if (command.action() == BulkAction.ASSIGN) {
      users.requireActive(command.responsibleId(), "responsibleId");
    }
    SortOrder byId = new SortOrder(SORT_FIELDS.get(0), false);
    List<Long> ids =
        command.ids() != null
            ? command.distinctIds()
            : readOnly.execute(
                status ->
                    bulk.matching(
                        request -> query(command.filter(), Action.READ).page(jdbc, byId, request)));
    return bulk.run(
        ids,
        id -> {
          switch (command.action()) {
            case ASSIGN -> {
              Company item = require(id, Action.UPDATE);
              item.assignTo(command.responsibleId());
              companies.save(item);
            }
            case DELETE -> {
              Company item = require(id, Action.DELETE);
              companies.delete(item);
              companies.flush();
            }
            default -> throw new IllegalStateException("not a company action: " + command.action());
          }
        });
  }

  /**
   * Of the picked {@code ids}, or (ids null) of every company {@code filter} matches, those the
   * caller may also {@code action} and those he may not, checked in SQL; for bulk work another
   * feature does per company (starting a task).
   */
  public BulkSelection select(List<Long> ids, CompanyFilter filter, Action action) {
    CompanyFilter f =
        filter == null || ids != null ? new CompanyFilter(null, null, null, null) : filter;
    return bulk.select(
        ids, "c.id", () -> query(f, Action.READ), () -> query(f, Action.READ, action), jdbc);
  }

  private KeysetQuery query(CompanyFilter f, Action... actions) {
    KeysetQuery query =
        new KeysetQuery("crm_company c", "c.id")
            .whereIfPresent(f.responsibleId(), "c.responsible_id = ?")
            .whereIfPresent(f.industry(), "c.industry = ?")
            .whereIfPresent(f.sourceLeadId(), "c.source_lead_id = ?");
    if (f.q() != null && !f.q().isBlank()) {
      String terms = FullText.booleanQuery(f.q());
      if (terms != null) {
        query.where("MATCH (c.search_text) AGAINST (? IN BOOLEAN MODE)", terms);
      } else {
        query.where("c.name LIKE ?", FullText.likePrefix(f.q()));
      }
    }
    customFields.applyFilter(CustomizableEntity.COMPANY, f.customFields(), "c", query);
    for (Action action : actions) {
      policy.filter(EntityType.COMPANY, action, "c.responsible_id").applyTo(query);
    }
    return query;
  }

  private Company require(long id) {
    return companies.findById(id).orElseThrow(() -> new NotFoundException("Company", id));
  }

  /**
   * The company, if the caller may {@code action} it: 404 when he may not see it, 403 otherwise.
   */
  private Company require(long id, Action action) {
    Company company = require(id);
    policy.require(EntityType.COMPANY, action, id, company.getResponsibleId());
    return company;
  }
}

package org.flowcrm.crm.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.shared.BulkAction;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.BulkRunner;
import org.flowcrm.crm.shared.BulkSelection;
import org.flowcrm.crm.shared.Caller;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.FieldProblem;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/** Leads: the public API of the feature, including conversion. */
@Service
@Validated
@Transactional(readOnly = true)
public class LeadService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "l.id", SortType.LONG),
          new SortField("title", "l.title", SortType.STRING),
          new SortField("createdAt", "l.created_at", SortType.TIMESTAMP),
          new SortField("updatedAt", "l.updated_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);

  private final CustomFieldService customFields;
  private final ApplicationEventPublisher events;
  private final Leads leads;
  private final LeadStatuses statuses;
  private final LeadComments comments;
  private final ContactService contacts;
  private final CompanyService companies;
  private final DealService deals;
  private final UserService users;
  private final Caller caller;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final TransactionTemplate writing;
  private final AccessPolicy policy;
  private final BulkRunner bulk;

  LeadService(
      Leads leads,
      LeadStatuses statuses,
      LeadComments comments,
      ContactService contacts,
      CompanyService companies,
      DealService deals,
      UserService users,
      Caller caller,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      AccessPolicy policy,
      CustomFieldService customFields,
      ApplicationEventPublisher events,
      BulkRunner bulk) {
    this.events = events;
    this.customFields = customFields;
    this.leads = leads;
    this.statuses = statuses;
    this.comments = comments;
    this.contacts = contacts;
    this.companies = companies;
    this.deals = deals;
    this.users = users;
    this.caller = caller;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
    this.policy = policy;
    this.bulk = bulk;
  }

  /** Creates a lead and publishes {@link LeadCreated}. */
  @Transactional
  public LeadView create(@Valid LeadCommand command) {
    policy.requireCreate(EntityType.LEAD, command.responsibleId());
    users.requireActive(command.responsibleId(), "responsibleId");
    LeadStatus status =
        command.status() == null
            ? statuses
                .findFirstBySemanticOrderBySortOrderAscIdAsc(StatusSemantic.OPEN)
                .orElseThrow(() -> new IllegalStateException("No open lead status configured"))
            : status(command.status());
    if (status.getSemantic() == StatusSemantic.CONVERTED) {
      throw new InvalidFieldException("status", "a new lead cannot start as converted");
    }
    Lead lead = new Lead(command.source(), status);
    lead.update(command);
    lead.setCustomFields(
        customFields.merge(CustomizableEntity.LEAD, command.customFields(), Map.of(), true));
    lead = leads.saveAndFlush(lead);
    // published directly, not registered on the lead: a second save() would merge the lead and
    // mark its collections dirty, bumping the version the response reports
    events.publishEvent(lead.creation());
    return LeadView.of(lead);
  }

  /**
   * Title and status of each of {@code ids} the caller may read, in one query: for pages that show
   * what many records are linked to (the task inbox), instead of loading each lead. Leads he may
   * not read, and deleted ones, are absent from the map.
   */
  public Map<Long, LeadHeadline> headlines(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    ScopeFilter scope = policy.filter(EntityType.LEAD, Action.READ, "l.responsible_id");
    List<Object> parameters = new ArrayList<>(ids);
    parameters.addAll(scope.parameters());
    Map<Long, LeadHeadline> found = new java.util.HashMap<>();
    jdbc.query(
        "SELECT l.id, l.title, s.name FROM crm_lead l JOIN crm_lead_status s ON s.id = l.status_id"
            + " WHERE l.id IN ("
            + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
            + ")"
            + scope.andSql(),
        (java.sql.ResultSet rs) -> {
          found.put(
              rs.getLong(1), new LeadHeadline(rs.getLong(1), rs.getString(2), rs.getString(3)));
        },
        parameters.toArray());
    return found;
  }

  public LeadView get(long id) {
    return LeadView.of(require(id, Action.READ));
  }

  public Optional<LeadView> findByProcessInstanceKey(long processInstanceKey) {
    return leads
        .findFirstByProcessInstanceKey(processInstanceKey)
        .filter(lead -> policy.canRead(EntityType.LEAD, lead.getResponsibleId()))
        .map(LeadView::of);
  }

  @Transactional
  public LeadView update(long id, @Valid LeadCommand command, Long expectedVersion) {
    Lead lead = require(id, Action.UPDATE);
    Versions.check("Lead", id, lead.getVersion(), expectedVersion);
    users.requireActive(command.responsibleId(), "responsibleId");
    if (command.status() != null) {
      lead.changeStatus(status(command.status()));
    }
    lead.update(command);
    lead.setCustomFields(
        customFields.merge(
            CustomizableEntity.LEAD,
            command.customFields(),
            lead.getCustomFields(),
            command.customFields() != null));
    return LeadView.of(leads.saveAndFlush(lead));
  }

  /** Sets a lead's status (an open or junk one). */
  @Transactional
  public LeadView changeStatus(long id, String statusCode, Long expectedVersion) {
    Lead lead = require(id, Action.UPDATE);
    Versions.check("Lead", id, lead.getVersion(), expectedVersion);
    lead.changeStatus(status(statusCode));
    return LeadView.of(leads.saveAndFlush(lead));
  }

  /**
   * Converts a lead in one transaction: creates (or links) a contact, a company and a deal, links
   * them to each other and back to the lead, marks the lead converted and publishes {@link
   * LeadConverted}. A junk or already converted lead is refused (409), and a failure anywhere
   * leaves nothing behind.
   */
  @Transactional
  public ConversionResult convert(long id, @Valid ConversionCommand command, Long expectedVersion) {
    Lead lead = require(id, Action.UPDATE);
    Versions.check("Lead", id, lead.getVersion(), expectedVersion);
    lead.checkConvertible();
    checkChoice(command, lead);

    Long companyId = command.companyId();
    if (command.company()) {
      companyId =
          companies
              .createFromLead(
                  CompanyCommand.named(
                          lead.getCompanyName(),
                          command.contact() || command.contactId() != null
                              ? List.of()
                              : lead.getPhones(),
                          command.contact() || command.contactId() != null
                              ? List.of()
                              : lead.getEmails(),
                          lead.getResponsibleId())
                      .withCustomFields(carried(lead, CustomizableEntity.COMPANY)),
                  id)
              .id();
    } else if (companyId != null) {
      companies.requireExisting(List.of(companyId), "companyId");
    }

    Long contactId = command.contactId();
    if (command.contact()) {
      boolean hasFirst = lead.getFirstName() != null && !lead.getFirstName().isBlank();
      contactId =
          contacts
              .createFromLead(
                  new ContactCommand(
                      hasFirst ? lead.getFirstName() : lead.getLastName(),
                      hasFirst ? lead.getLastName() : null,
                      lead.getPosition(),
                      null,
                      lead.getAddress(),
                      lead.getPhones(),
                      lead.getEmails(),
                      companyId == null ? List.of() : List.of(companyId),
                      lead.getResponsibleId(),
                      null,
                      null,
                      carried(lead, CustomizableEntity.CONTACT)),
                  id)
              .id();
    } else if (contactId != null) {
      contacts.requireExisting(List.of(contactId), "contactId");
    }

    Long dealId = null;
    if (command.deal()) {
      dealId =
          deals
              .createFromLead(
                  new DealCommand(
                      command.dealTitle() == null || command.dealTitle().isBlank()
                          ? lead.getTitle()
                          : command.dealTitle(),
                      command.pipelineId(),
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      lead.getResponsibleId(),
                      null,
                      companyId,
                      contactId == null ? List.of() : List.of(contactId),
                      lead.getProductInterests(),
                      carried(lead, CustomizableEntity.DEAL)),
                  id)
              .id();
    }

    LeadStatus converted =
        statuses
            .findFirstBySemanticOrderBySortOrderAscIdAsc(StatusSemantic.CONVERTED)
            .orElseThrow(() -> new IllegalStateException("No converted lead status configured"));
    lead.markConverted(converted, contactId, companyId, dealId, caller.userId());
    leads.saveAndFlush(lead);
    return new ConversionResult(id, contactId, companyId, dealId);
  }

  private Map<String, Object> carried(Lead lead, CustomizableEntity target) {
    return customFields.carryOver(CustomizableEntity.LEAD, lead.getCustomFields(), target);
  }

  private static void checkChoice(ConversionCommand command, Lead lead) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!command.contact() && !command.company() && !command.deal()) {
      problems.add(
          new FieldProblem(
              "createDeal", "choose at least one of createContact, createCompany, createDeal"));
    }
    if (command.contact() && command.contactId() != null) {
      problems.add(
          new FieldProblem(
              "contactId", "either create a contact or link an existing one, not both"));
    }
    if (command.company() && command.companyId() != null) {
      problems.add(
          new FieldProblem(
              "companyId", "either create a company or link an existing one, not both"));
    }
    if (command.contact() && blank(lead.getFirstName()) && blank(lead.getLastName())) {
      problems.add(
          new FieldProblem(
              "createContact", "the lead has no person name to create a contact from"));
    }
    if (command.company() && blank(lead.getCompanyName())) {
      problems.add(
          new FieldProblem(
              "createCompany", "the lead has no company name to create a company from"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldException(problems);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    Lead lead = require(id, Action.DELETE);
    Versions.check("Lead", id, lead.getVersion(), expectedVersion);
    leads.delete(lead);
    leads.flush();
  }

  @Transactional
  public LeadCommentView addComment(long leadId, @NotBlank @Size(max = 10000) String text) {
    require(leadId, Action.UPDATE);
    return LeadCommentView.of(comments.save(new LeadComment(leadId, caller.userId(), text)));
  }

  public List<LeadCommentView> comments(long leadId) {
    require(leadId, Action.READ);
    return comments.findByLeadIdOrderByCreatedAtAscIdAsc(leadId).stream()
        .map(LeadCommentView::of)
        .toList();
  }

  public List<LeadStatusView> statuses() {
    return statuses.findAllByOrderBySortOrderAscIdAsc().stream().map(LeadStatusView::of).toList();
  }

  /** Adds an open or junk status to the list. */
  @Transactional
  public LeadStatusView createStatus(@Valid LeadStatusCommand command) {
    policy.requireAdministrator("LEAD_STATUSES");
    StatusSemantic semantic = command.semantic() == null ? StatusSemantic.OPEN : command.semantic();
    if (semantic == StatusSemantic.CONVERTED) {
      throw new InvalidFieldException("semantic", "there is exactly one converted status");
    }
    if (statuses.findByCode(command.code()).isPresent()) {
      throw new ConflictException("Lead status " + command.code() + " already exists");
    }
    return LeadStatusView.of(
        statuses.saveAndFlush(
            new LeadStatus(
                command.code(),
                command.name(),
                semantic,
                command.sortOrder() == null ? 50 : command.sortOrder())));
  }

  /** Renames or reorders a status; its code and meaning stay. */
  @Transactional
  public LeadStatusView renameStatus(String code, @Valid LeadStatusCommand command) {
    policy.requireAdministrator("LEAD_STATUSES");
    LeadStatus status =
        statuses.findByCode(code).orElseThrow(() -> new NotFoundException("Lead status", code));
    status.rename(
        command.name(), command.sortOrder() == null ? status.getSortOrder() : command.sortOrder());
    return LeadStatusView.of(status);
  }

  public CursorPage<LeadView> list(LeadFilter filter, ListRequest request) {
    return list(filter, request, Action.READ);
  }

  /** One page of what {@code filter} matches within the caller's scope for every action. */
  private CursorPage<LeadView> list(LeadFilter filter, ListRequest request, Action... actions) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery.Page page = query(filter, actions).page(jdbc, order, request);
    Map<Long, Lead> found =
        leads.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Lead::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(LeadView::of).toList(),
        page.nextCursor());
  }

  /** Refuses (403) before anything is written when the caller may not export at all. */
  public void requireExport() {
    policy.requireAny(EntityType.LEAD, Action.EXPORT);
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void export(LeadFilter filter, String sort, Consumer<LeadView> sink) {
    requireExport();
    ListRequest request = new ListRequest(sort, ListRequest.MAX_LIMIT, null);
    do {
      ListRequest current = request;
      CursorPage<LeadView> page =
          readOnly.execute(status -> list(filter, current, Action.READ, Action.EXPORT));
      page.items().forEach(sink);
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
  }

  /**
   * Records sharing one of these e-mail addresses or phone numbers (at most 20), to warn before
   * creating a duplicate.
   */
  public List<LeadView> findDuplicates(List<String> emails, List<String> phones) {
    List<Long> ids =
        org.flowcrm.crm.shared.Duplicates.find(
            jdbc, "crm_lead", "crm_lead_email", "lead_id", emails, phones, 20);
    // Only what the caller may read: a duplicate warning must not reveal others' leads.
    return leads.findAllById(ids).stream()
        .filter(lead -> policy.canRead(EntityType.LEAD, lead.getResponsibleId()))
        .map(LeadView::of)
        .toList();
  }

  /**
   * Makes {@code responsibleId} responsible for every lead matching {@code filter}, one transaction
   * per page of {@value ListRequest#MAX_LIMIT}; returns how many were assigned.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int assignAll(LeadFilter filter, long responsibleId) {
    users.requireActive(responsibleId, "responsibleId");
    SortOrder byId = new SortOrder(SORT_FIELDS.get(0), false);
    ListRequest request = new ListRequest("id", ListRequest.MAX_LIMIT, null);
    int assigned = 0;
    do {
      KeysetQuery.Page page = query(filter, Action.READ, Action.UPDATE).page(jdbc, byId, request);
      assigned +=
          writing.execute(
              status -> {
                List<Lead> found = leads.findAllById(page.ids());
                found.forEach(item -> item.assignTo(responsibleId));
                leads.saveAll(found);
                return found.size();
              });
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
    return assigned;
  }

  /** What a bulk request may do to leads. */
  public static final Set<BulkAction> BULK_ACTIONS =
      Set.of(BulkAction.ASSIGN, BulkAction.DELETE, BulkAction.CHANGE_STATUS);

  /**
   * Assigns, deletes or changes the status of the picked leads, or every one the filter matches
   * that the caller can see; each is checked as if it were changed alone, in one transaction per
   * {@value BulkRunner#CHUNK_SIZE}; refused ones are reported and the others change. Bad input (a
   * missing or unknown user or status) is refused before anything is written.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public BulkResult bulk(@Valid BulkCommand<LeadFilter> command) {
    command.check(BULK_ACTIONS);
    if (command.action() == BulkAction.ASSIGN) {
      users.requireActive(command.responsibleId(), "responsibleId");
    }
    if (command.action() == BulkAction.CHANGE_STATUS) {
      status(command.status());
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
              Lead item = require(id, Action.UPDATE);
              item.assignTo(command.responsibleId());
              leads.save(item);
            }
            case DELETE -> {
              Lead item = require(id, Action.DELETE);
              leads.delete(item);
              leads.flush();
            }
            case CHANGE_STATUS -> {
              Lead lead = require(id, Action.UPDATE);
              lead.changeStatus(status(command.status()));
              leads.save(lead);
            }
            default -> throw new IllegalStateException("not a lead action: " + command.action());
          }
        });
  }

  /**
   * Of the picked {@code ids}, or (ids null) of every lead {@code filter} matches, those the caller
   * may also {@code action} and those he may not, checked in SQL; for bulk work another feature
   * does per lead (starting a task).
   */
  public BulkSelection select(List<Long> ids, LeadFilter filter, Action action) {
    LeadFilter f = filter == null || ids != null ? new LeadFilter(null, null, null, null) : filter;
    return bulk.select(
        ids, "l.id", () -> query(f, Action.READ), () -> query(f, Action.READ, action), jdbc);
  }

  private KeysetQuery query(LeadFilter f, Action... actions) {
    KeysetQuery query =
        new KeysetQuery("crm_lead l", "l.id")
            .whereIfPresent(
                f.status(), "l.status_id = (SELECT s.id FROM crm_lead_status s WHERE s.code = ?)")
            .whereIfPresent(f.source() == null ? null : f.source().name(), "l.source = ?")
            .whereIfPresent(f.responsibleId(), "l.responsible_id = ?");
    if (f.q() != null && !f.q().isBlank()) {
      String terms = FullText.booleanQuery(f.q());
      if (terms != null) {
        query.where("MATCH (l.search_text) AGAINST (? IN BOOLEAN MODE)", terms);
      } else {
        query.where("l.title LIKE ?", FullText.likePrefix(f.q()));
      }
    }
    customFields.applyFilter(CustomizableEntity.LEAD, f.customFields(), "l", query);
    for (Action action : actions) {
      policy.filter(EntityType.LEAD, action, "l.responsible_id").applyTo(query);
    }
    return query;
  }

  private LeadStatus status(String code) {
    return statuses
        .findByCode(code)
        .orElseThrow(
            () ->
                new InvalidFieldException(
                    "status",
                    "unknown lead status "
                        + code
                        + "; use one of "
                        + statuses().stream().map(LeadStatusView::code).toList()));
  }

  /** The lead, if the caller may {@code action} it: 404 when he may not see it, 403 otherwise. */
  private Lead require(long id, Action action) {
    Lead lead = leads.findById(id).orElseThrow(() -> new NotFoundException("Lead", id));
    policy.require(EntityType.LEAD, action, id, lead.getResponsibleId());
    return lead;
  }
}

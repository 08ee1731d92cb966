package org.flowcrm.crm.contact;

import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyService;
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

/** Contacts: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class ContactService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "c.id", SortType.LONG),
          new SortField("lastName", "c.last_name", SortType.STRING),
          new SortField("firstName", "c.first_name", SortType.STRING),
          new SortField("createdAt", "c.created_at", SortType.TIMESTAMP),
          new SortField("updatedAt", "c.updated_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);

  private final CustomFieldService customFields;
  private final Contacts contacts;
  private final CompanyService companies;
  private final UserService users;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final TransactionTemplate writing;
  private final AccessPolicy policy;
  private final BulkRunner bulk;

  ContactService(
      Contacts contacts,
      CompanyService companies,
      UserService users,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      AccessPolicy policy,
      CustomFieldService customFields,
      BulkRunner bulk) {
    this.customFields = customFields;
    this.contacts = contacts;
    this.companies = companies;
    this.users = users;
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
    this.policy = policy;
    this.bulk = bulk;
  }

  @Transactional
  public ContactView create(@Valid ContactCommand command) {
    return create(command, null, true);
  }

  /** Creates a contact converted from lead {@code leadId}; it remembers the lead. */
  @Transactional
  public ContactView createFromLead(@Valid ContactCommand command, long leadId) {
    return create(command, leadId, false);
  }

  private ContactView create(ContactCommand command, Long leadId, boolean requireAll) {
    policy.requireCreate(EntityType.CONTACT, command.responsibleId());
    Contact contact = new Contact(leadId);
    contact.update(command, check(command));
    contact.setCustomFields(
        customFields.merge(
            CustomizableEntity.CONTACT, command.customFields(), Map.of(), requireAll));
    return ContactView.of(contacts.saveAndFlush(contact));
  }

  public ContactView get(long id) {
    return ContactView.of(require(id, Action.READ));
  }

  @Transactional
  public ContactView update(long id, @Valid ContactCommand command, Long expectedVersion) {
    Contact contact = require(id, Action.UPDATE);
    Versions.check("Contact", id, contact.getVersion(), expectedVersion);
    contact.update(command, check(command));
    contact.setCustomFields(
        customFields.merge(
            CustomizableEntity.CONTACT,
            command.customFields(),
            contact.getCustomFields(),
            command.customFields() != null));
    return ContactView.of(contacts.saveAndFlush(contact));
  }

  /** Deletes a contact; refused (409) while deals still point to it. */
  @Transactional
  public void delete(long id, Long expectedVersion) {
    Contact contact = require(id, Action.DELETE);
    Versions.check("Contact", id, contact.getVersion(), expectedVersion);
    contacts.delete(contact);
    contacts.flush();
  }

  public CursorPage<ContactView> list(ContactFilter filter, ListRequest request) {
    return list(filter, request, Action.READ);
  }

  /** One page of what {@code filter} matches within the caller's scope for every action. */
  private CursorPage<ContactView> list(
      ContactFilter filter, ListRequest request, Action... actions) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    KeysetQuery.Page page = query(filter, actions).page(jdbc, order, request);
    Map<Long, Contact> found =
        contacts.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Contact::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(ContactView::of).toList(),
        page.nextCursor());
  }

  /** Refuses (403) before anything is written when the caller may not export at all. */
  public void requireExport() {
    policy.requireAny(EntityType.CONTACT, Action.EXPORT);
  }

  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public void export(ContactFilter filter, String sort, Consumer<ContactView> sink) {
    requireExport();
    ListRequest request = new ListRequest(sort, ListRequest.MAX_LIMIT, null);
    do {
      ListRequest current = request;
      CursorPage<ContactView> page =
          readOnly.execute(status -> list(filter, current, Action.READ, Action.EXPORT));
      page.items().forEach(sink);
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
  }

  /** Checks that every id names a contact, naming {@code field} in a 422 otherwise. */
  public void requireExisting(Collection<Long> ids, String field) {
    List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return;
    }
    List<Long> found = contacts.findAllById(wanted).stream().map(Contact::getId).toList();
    for (Long id : wanted) {
      if (!found.contains(id)) {
        throw new InvalidFieldException(field, "contact " + id + " does not exist");
      }
    }
  }

  /** Checks references and returns the names of the contact's companies. */
  private Collection<String> check(ContactCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    companies.requireExisting(command.companyIds(), "companyIds");
    return companies.names(command.companyIds()).values();
  }

  /**
   * Records sharing one of these e-mail addresses or phone numbers (at most 20), to warn before
   * creating a duplicate.
   */
  public List<ContactView> findDuplicates(List<String> emails, List<String> phones) {
    List<Long> ids =
        org.flowcrm.crm.shared.Duplicates.find(
            jdbc, "crm_contact", "crm_contact_email", "contact_id", emails, phones, 20);
    // Only what the caller may read: a duplicate warning must not reveal others' records.
    return contacts.findAllById(ids).stream()
        .filter(record -> policy.canRead(EntityType.CONTACT, record.getResponsibleId()))
        .map(ContactView::of)
        .toList();
  }

  /**
   * Makes {@code responsibleId} responsible for every contact matching {@code filter}, one
   * transaction per page of {@value ListRequest#MAX_LIMIT}; returns how many were assigned.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int assignAll(ContactFilter filter, long responsibleId) {
    users.requireActive(responsibleId, "responsibleId");
    SortOrder byId = new SortOrder(SORT_FIELDS.get(0), false);
    ListRequest request = new ListRequest("id", ListRequest.MAX_LIMIT, null);
    int assigned = 0;
    do {
      KeysetQuery.Page page = query(filter, Action.READ, Action.UPDATE).page(jdbc, byId, request);
      assigned +=
          writing.execute(
              status -> {
                List<Contact> found = contacts.findAllById(page.ids());
                found.forEach(item -> item.assignTo(responsibleId));
                contacts.saveAll(found);
                return found.size();
              });
      request = page.nextCursor() == null ? null : request.withAfter(page.nextCursor());
    } while (request != null);
    return assigned;
  }

  /** What a bulk request may do to contacts. */
  public static final Set<BulkAction> BULK_ACTIONS = Set.of(BulkAction.ASSIGN, BulkAction.DELETE);

  /**
   * Assigns or deletes the picked contacts, or every one the filter matches that the caller can
   * see; each is checked as if it were changed alone, in one transaction per {@value
   * BulkRunner#CHUNK_SIZE}; refused ones are reported and the others change. Bad input (a missing
   * or unknown user or status) is refused before anything is written.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public BulkResult bulk(@Valid BulkCommand<ContactFilter> command) {
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
              Contact item = require(id, Action.UPDATE);
              item.assignTo(command.responsibleId());
              contacts.save(item);
            }
            case DELETE -> {
              Contact item = require(id, Action.DELETE);
              contacts.delete(item);
              contacts.flush();
            }
            default -> throw new IllegalStateException("not a contact action: " + command.action());
          }
        });
  }

  /**
   * Of the picked {@code ids}, or (ids null) of every contact {@code filter} matches, those the
   * caller may also {@code action} and those he may not, checked in SQL; for bulk work another
   * feature does per contact (starting a task).
   */
  public BulkSelection select(List<Long> ids, ContactFilter filter, Action action) {
    ContactFilter f =
        filter == null || ids != null ? new ContactFilter(null, null, null, null) : filter;
    return bulk.select(
        ids, "c.id", () -> query(f, Action.READ), () -> query(f, Action.READ, action), jdbc);
  }

  private KeysetQuery query(ContactFilter f, Action... actions) {
    KeysetQuery query =
        new KeysetQuery("crm_contact c", "c.id")
            .whereIfPresent(f.responsibleId(), "c.responsible_id = ?")
            .whereIfPresent(f.sourceLeadId(), "c.source_lead_id = ?")
            .whereIfPresent(
                f.companyId(),
                "EXISTS (SELECT 1 FROM crm_contact_company cc WHERE cc.contact_id = c.id AND cc.company_id = ?)");
    if (f.q() != null && !f.q().isBlank()) {
      String terms = FullText.booleanQuery(f.q());
      if (terms != null) {
        query.where("MATCH (c.search_text) AGAINST (? IN BOOLEAN MODE)", terms);
      } else {
        String prefix = FullText.likePrefix(f.q());
        query.where("(c.last_name LIKE ? OR c.first_name LIKE ?)", prefix, prefix);
      }
    }
    customFields.applyFilter(CustomizableEntity.CONTACT, f.customFields(), "c", query);
    for (Action action : actions) {
      policy.filter(EntityType.CONTACT, action, "c.responsible_id").applyTo(query);
    }
    return query;
  }

  private Contact require(long id) {
    return contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
  }

  /**
   * The contact, if the caller may {@code action} it: 404 when he may not see it, 403 otherwise.
   */
  private Contact require(long id, Action action) {
    Contact contact = require(id);
    policy.require(EntityType.CONTACT, action, id, contact.getResponsibleId());
    return contact;
  }
}

package org.flowcrm.crm.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.BulkRunner;
import org.flowcrm.crm.shared.BulkSelection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * "Start a task" on a list: one CRM task per selected record (the picked ids, or every record the
 * list's filter matches), each linked to its record, all in one transaction. A record the caller
 * may not change (UPDATE) gets no task and is counted as refused; the selection is checked by the
 * records' own services in SQL, the tasks are created by {@link TaskService}.
 */
@Service
@Validated
public class BulkTaskService {

  /** Tasks handed to {@link TaskService#createForEach} at once (its limit). */
  static final int PER_CALL = 1000;

  private final TaskService tasks;
  private final LeadService leads;
  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;

  BulkTaskService(
      TaskService tasks,
      LeadService leads,
      DealService deals,
      ContactService contacts,
      CompanyService companies) {
    this.tasks = tasks;
    this.leads = leads;
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
  }

  /** Which records: {@code ids} picked in a list, or (ids null) all {@code filter} matches. */
  public record Selection<F>(@Size(max = BulkCommand.MAX_IDS) List<@NotNull Long> ids, F filter) {}

  @Transactional
  public BulkResult forLeads(@Valid Selection<LeadFilter> selection, @Valid TaskCommand task) {
    return start(
        ItemType.LEAD, task, () -> leads.select(ids(selection), selection.filter(), Action.UPDATE));
  }

  @Transactional
  public BulkResult forDeals(@Valid Selection<DealFilter> selection, @Valid TaskCommand task) {
    return start(
        ItemType.DEAL, task, () -> deals.select(ids(selection), selection.filter(), Action.UPDATE));
  }

  @Transactional
  public BulkResult forContacts(
      @Valid Selection<ContactFilter> selection, @Valid TaskCommand task) {
    return start(
        ItemType.CONTACT,
        task,
        () -> contacts.select(ids(selection), selection.filter(), Action.UPDATE));
  }

  @Transactional
  public BulkResult forCompanies(
      @Valid Selection<CompanyFilter> selection, @Valid TaskCommand task) {
    return start(
        ItemType.COMPANY,
        task,
        () -> companies.select(ids(selection), selection.filter(), Action.UPDATE));
  }

  private static List<Long> ids(Selection<?> selection) {
    if (selection.ids() == null && selection.filter() == null) {
      throw new BadParameterException(
          "ids", "give the ids of the records, or a filter (may be {}) to select all it matches");
    }
    if (selection.ids() != null && selection.ids().isEmpty()) {
      throw new BadParameterException("ids", "select at least one record");
    }
    return selection.ids();
  }

  private BulkResult start(ItemType type, TaskCommand task, Supplier<BulkSelection> select) {
    BulkSelection selection = select.get();
    List<ItemLink> items =
        selection.permitted().stream().map(id -> new ItemLink(type, id)).toList();
    for (int from = 0; from < items.size(); from += PER_CALL) {
      tasks.createForEach(task, items.subList(from, Math.min(items.size(), from + PER_CALL)));
    }
    List<BulkResult.Refusal> refusals = new ArrayList<>();
    for (long id : selection.refused()) {
      if (refusals.size() < BulkRunner.MAX_REPORTED_REFUSALS) {
        refusals.add(
            new BulkResult.Refusal(
                id,
                "FORBIDDEN",
                "you may not change this "
                    + type.name().toLowerCase()
                    + ", so no task is started"));
      }
    }
    return new BulkResult(
        items.size() + selection.refused().size(),
        items.size(),
        selection.refused().size(),
        List.copyOf(refusals));
  }
}

package org.flowcrm.ui.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.BulkAction;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.task.BulkTaskService;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.listview.ListViews;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The action bar's form post ({@code POST /leads/bulk}, {@code /deals/bulk}, {@code
 * /contacts/bulk}, {@code /companies/bulk}): the ticked rows ({@code ids}), or with {@code
 * allMatching} every record the list's filter matches, go to crm-api's bulk service, and the list
 * comes back (same filter) with what was changed and what was refused, in the service's words.
 * Works as a plain form without script.
 */
@Controller
class BulkPagesController {

  /** Refusals named one by one in the message; the rest are counted. */
  static final int NAMED_REFUSALS = 5;

  private final LeadService leads;
  private final DealService deals;
  private final ContactService contacts;
  private final CompanyService companies;
  private final BulkTaskService bulkTasks;

  BulkPagesController(
      LeadService leads,
      DealService deals,
      ContactService contacts,
      CompanyService companies,
      BulkTaskService bulkTasks) {
    this.leads = leads;
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
    this.bulkTasks = bulkTasks;
  }

  /** What the form sends besides the list's own filter fields. */
  record Request(
      String action,
      List<Long> ids,
      Boolean allMatching,
      Long responsibleId,
      Long stageId,
      String newStatus,
      String taskTitle,
      LocalDate taskDue,
      Long taskResponsibleId) {

    boolean everyMatching() {
      return Boolean.TRUE.equals(allMatching);
    }

    <F> BulkCommand<F> command(BulkAction bulkAction, F filter) {
      boolean allMatching = everyMatching();
      return new BulkCommand<>(
          bulkAction,
          allMatching ? null : ids,
          allMatching ? filter : null,
          responsibleId,
          stageId,
          newStatus == null || newStatus.isBlank() ? null : newStatus);
    }

    <F> BulkTaskService.Selection<F> selection(F filter) {
      return everyMatching()
          ? new BulkTaskService.Selection<>(null, filter)
          : new BulkTaskService.Selection<>(ids, null);
    }

    /** The task to start for each record, due at the end of the chosen day (the server's zone). */
    TaskCommand task() {
      Instant deadline =
          taskDue == null
              ? null
              : taskDue.atTime(LocalTime.of(23, 59)).atZone(ZoneId.systemDefault()).toInstant();
      return new TaskCommand(
          taskTitle == null ? null : taskTitle.strip(),
          null,
          taskResponsibleId,
          deadline,
          List.of(),
          List.of());
    }
  }

  @PostMapping("/leads/bulk")
  String leads(
      Request request,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam Map<String, String> params,
      RedirectAttributes redirect) {
    String statusCode = blankToNull(status);
    LeadFilter filter = new LeadFilter(statusCode, null, null, q, ListViews.customFilters(params));
    run(
        request,
        redirect,
        action ->
            action == BulkAction.START_TASK
                ? bulkTasks.forLeads(request.selection(filter), request.task())
                : leads.bulk(request.command(action, filter)));
    return redirect(
        back("/leads", q).queryParamIfPresent("status", Optional.ofNullable(statusCode)));
  }

  @PostMapping("/deals/bulk")
  String deals(
      Request request,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long stage,
      @RequestParam(required = false) Long responsible,
      @RequestParam Map<String, String> params,
      RedirectAttributes redirect) {
    DealFilter filter = DealFilter.ofList(stage, responsible, q, ListViews.customFilters(params));
    run(
        request,
        redirect,
        action ->
            action == BulkAction.START_TASK
                ? bulkTasks.forDeals(request.selection(filter), request.task())
                : deals.bulk(request.command(action, filter)));
    return redirect(
        back("/deals/list", q)
            .queryParamIfPresent("stage", Optional.ofNullable(stage))
            .queryParamIfPresent("responsible", Optional.ofNullable(responsible)));
  }

  @PostMapping("/contacts/bulk")
  String contacts(
      Request request,
      @RequestParam(required = false) String q,
      @RequestParam Map<String, String> params,
      RedirectAttributes redirect) {
    ContactFilter filter = new ContactFilter(null, null, null, q, ListViews.customFilters(params));
    run(
        request,
        redirect,
        action ->
            action == BulkAction.START_TASK
                ? bulkTasks.forContacts(request.selection(filter), request.task())
                : contacts.bulk(request.command(action, filter)));
    return redirect(back("/contacts", q));
  }

  @PostMapping("/companies/bulk")
  String companies(
      Request request,
      @RequestParam(required = false) String q,
      @RequestParam Map<String, String> params,
      RedirectAttributes redirect) {
    CompanyFilter filter = new CompanyFilter(null, null, null, q, ListViews.customFilters(params));
    run(
        request,
        redirect,
        action ->
            action == BulkAction.START_TASK
                ? bulkTasks.forCompanies(request.selection(filter), request.task())
                : companies.bulk(request.command(action, filter)));
    return redirect(back("/companies", q));
  }

  private interface Bulk {
    BulkResult run(BulkAction action);
  }

  /**
   * Runs the bulk action and leaves the outcome as the next page's flash message: all done
   * (success), some refused (the first few named with the reason), or nothing changed because the
   * input was incomplete (an error naming what to choose).
   */
  private static void run(Request request, RedirectAttributes redirect, Bulk bulk) {
    BulkAction action;
    try {
      action = BulkAction.valueOf(String.valueOf(request.action()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      Flash.error(redirect, "bulk.error.action");
      return;
    }
    if (!request.everyMatching() && (request.ids() == null || request.ids().isEmpty())) {
      Flash.error(redirect, "bulk.error.nothing");
      return;
    }
    if (action == BulkAction.START_TASK) {
      if (request.taskTitle() == null || request.taskTitle().isBlank()) {
        Flash.error(redirect, "bulk.error.taskTitle");
        return;
      }
      if (request.taskResponsibleId() == null) {
        Flash.error(redirect, "bulk.error.taskResponsibleId");
        return;
      }
    }
    BulkResult result;
    try {
      result = bulk.run(action);
    } catch (BadParameterException missing) {
      Flash.error(redirect, errorKey(missing.parameter()), missing.getMessage());
      return;
    } catch (InvalidFieldException invalid) {
      Flash.error(
          redirect,
          errorKey(invalid.problems().get(0).field()),
          invalid.problems().get(0).message());
      return;
    }
    if (action == BulkAction.START_TASK) {
      redirect.addFlashAttribute(
          Flash.ATTRIBUTE,
          new Flash(
              result.done() == 0 ? Flash.Kind.INFO : Flash.Kind.SUCCESS,
              "bulk.task.done",
              List.of(result.done(), result.refused())));
      return;
    }
    if (result.refused() == 0) {
      Flash.success(redirect, "bulk.done", result.done());
      return;
    }
    String named =
        result.refusals().stream()
            .limit(NAMED_REFUSALS)
            .map(r -> "#" + r.id() + ": " + r.message())
            .collect(Collectors.joining("; "));
    if (result.refused() > NAMED_REFUSALS) {
      named += "; …";
    }
    redirect.addFlashAttribute(
        Flash.ATTRIBUTE,
        new Flash(
            result.done() == 0 ? Flash.Kind.ERROR : Flash.Kind.INFO,
            "bulk.done.refused",
            List.of(result.done(), result.refused(), named)));
  }

  /** The message for a missing or invalid argument, by the field the service names. */
  private static String errorKey(String field) {
    return switch (field) {
      case "responsibleId", "stageId", "status", "action" -> "bulk.error." + field;
      default -> "bulk.error.other";
    };
  }

  private static String redirect(UriComponentsBuilder list) {
    return "redirect:" + list.build().encode().toUriString();
  }

  private static UriComponentsBuilder back(String path, String q) {
    return UriComponentsBuilder.fromPath(path)
        .queryParamIfPresent("q", Optional.ofNullable(blankToNull(q)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package org.flowcrm.ui.bulk;

import java.util.List;
import java.util.Locale;
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
import org.flowcrm.ui.layout.Flash;
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

  BulkPagesController(
      LeadService leads, DealService deals, ContactService contacts, CompanyService companies) {
    this.leads = leads;
    this.deals = deals;
    this.contacts = contacts;
    this.companies = companies;
  }

  /** What the form sends besides the list's own filter fields. */
  record Request(
      String action,
      List<Long> ids,
      Boolean allMatching,
      Long responsibleId,
      Long stageId,
      String newStatus) {

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
  }

  @PostMapping("/leads/bulk")
  String leads(
      Request request,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      RedirectAttributes redirect) {
    String statusCode = blankToNull(status);
    run(
        request,
        redirect,
        action -> leads.bulk(request.command(action, new LeadFilter(statusCode, null, null, q))));
    return redirect(
        back("/leads", q).queryParamIfPresent("status", Optional.ofNullable(statusCode)));
  }

  @PostMapping("/deals/bulk")
  String deals(
      Request request,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Long stage,
      @RequestParam(required = false) Long responsible,
      RedirectAttributes redirect) {
    run(
        request,
        redirect,
        action ->
            deals.bulk(
                request.command(
                    action,
                    new DealFilter(
                        null, stage, responsible, null, null, null, null, null, null, null, q))));
    return redirect(
        back("/deals/list", q)
            .queryParamIfPresent("stage", Optional.ofNullable(stage))
            .queryParamIfPresent("responsible", Optional.ofNullable(responsible)));
  }

  @PostMapping("/contacts/bulk")
  String contacts(
      Request request, @RequestParam(required = false) String q, RedirectAttributes redirect) {
    run(
        request,
        redirect,
        action -> contacts.bulk(request.command(action, new ContactFilter(null, null, null, q))));
    return redirect(back("/contacts", q));
  }

  @PostMapping("/companies/bulk")
  String companies(
      Request request, @RequestParam(required = false) String q, RedirectAttributes redirect) {
    run(
        request,
        redirect,
        action -> companies.bulk(request.command(action, new CompanyFilter(null, null, null, q))));
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

package org.flowcrm.ui.mailing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mail.MailTemplateView;
import org.flowcrm.crm.mailing.MailingCommand;
import org.flowcrm.crm.mailing.MailingService;
import org.flowcrm.crm.mailing.MailingView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.ui.layout.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Send mail" from the contact and lead lists: the bulk bar's second button posts the selection
 * (ticked rows, or all matching the list's filter) to {@code /mailings/new}, which asks for the
 * template and says how many records it goes to; confirming starts the mailing in crm-api and shows
 * its progress page, which htmx refreshes while it runs.
 */
@Controller
class MailingPagesController {

  static final String NEW_VIEW = "mailing/new";
  static final String PROGRESS_VIEW = "mailing/progress";
  static final String PROGRESS_FRAGMENT = "mailing/progress-fragment";

  private final MailingService mailings;
  private final MailTemplateService templates;
  private final JsonMapper json;

  MailingPagesController(MailingService mailings, MailTemplateService templates, JsonMapper json) {
    this.mailings = mailings;
    this.templates = templates;
    this.json = json;
  }

  /** What the list's bulk form and the confirmation form post. */
  record Selection(
      String kind, List<Long> ids, Boolean allMatching, String q, String status, String template) {

    boolean everyMatching() {
      return Boolean.TRUE.equals(allMatching);
    }

    ItemType type() {
      return "leads".equals(kind) ? ItemType.LEAD : ItemType.CONTACT;
    }

    String listPath() {
      return type() == ItemType.LEAD ? "/leads" : "/contacts";
    }
  }

  @PostMapping("/mailings/new")
  String choose(Selection selection, Model model, RedirectAttributes redirect) {
    if (!selection.everyMatching() && (selection.ids() == null || selection.ids().isEmpty())) {
      Flash.error(redirect, "bulk.error.nothing");
      return backToList(selection);
    }
    int count;
    try {
      count = mailings.countRecipients(command(selection, null));
    } catch (InvalidFieldException | BadParameterException nobody) {
      Flash.error(redirect, "mailing.error.nobody");
      return backToList(selection);
    }
    model.addAttribute("count", count);
    return form(selection, model, null);
  }

  @PostMapping("/mailings")
  String start(Selection selection, Model model, RedirectAttributes redirect) {
    if (selection.template() == null || selection.template().isBlank()) {
      model.addAttribute("count", countOrZero(selection));
      return form(selection, model, "mailing.error.template");
    }
    MailingView started;
    try {
      started = mailings.start(command(selection, selection.template()));
    } catch (InvalidFieldException | BadParameterException refused) {
      model.addAttribute("count", countOrZero(selection));
      model.addAttribute("problem", refused.getMessage());
      return form(selection, model, "mailing.error.refused");
    }
    Flash.success(redirect, "mailing.started", started.total());
    return "redirect:/mailings/" + started.id();
  }

  @GetMapping("/mailings/{id}")
  String progress(@PathVariable long id, Model model) {
    model.addAttribute("mailing", mailings.get(id));
    return PROGRESS_VIEW;
  }

  /** The progress block alone, for htmx to swap in every few seconds while the mailing runs. */
  @GetMapping("/mailings/{id}/progress")
  String progressFragment(@PathVariable long id, Model model) {
    model.addAttribute("mailing", mailings.get(id));
    return PROGRESS_FRAGMENT;
  }

  private String form(Selection selection, Model model, String errorKey) {
    // one entry per code: the mailing picks each recipient's locale variant itself
    Map<String, MailTemplateView> offered = new LinkedHashMap<>();
    templates.list().stream()
        .filter(t -> t.documentType() == null)
        .forEach(t -> offered.putIfAbsent(t.code(), t));
    // plain values: Freemarker reaches only public classes' methods, and Selection is ours alone
    model.addAttribute("leads", selection.type() == ItemType.LEAD);
    model.addAttribute("allMatching", selection.everyMatching());
    model.addAttribute("ids", selection.ids() == null ? List.of() : selection.ids());
    model.addAttribute("q", selection.q() == null ? "" : selection.q());
    model.addAttribute("status", selection.status() == null ? "" : selection.status());
    model.addAttribute("chosenTemplate", selection.template() == null ? "" : selection.template());
    model.addAttribute("templates", List.copyOf(offered.values()));
    if (errorKey != null) {
      model.addAttribute("errorKey", errorKey);
    }
    return NEW_VIEW;
  }

  private int countOrZero(Selection selection) {
    try {
      return mailings.countRecipients(command(selection, null));
    } catch (InvalidFieldException | BadParameterException nobody) {
      return 0;
    }
  }

  private MailingCommand command(Selection selection, String template) {
    boolean all = selection.everyMatching();
    JsonNode filter = null;
    if (all) {
      String q = blankToNull(selection.q());
      filter =
          selection.type() == ItemType.LEAD
              ? json.valueToTree(new LeadFilter(blankToNull(selection.status()), null, null, q))
              : json.valueToTree(new ContactFilter(null, null, null, q, Map.of()));
    }
    return new MailingCommand(
        selection.type(), template, null, all ? null : selection.ids(), filter);
  }

  private static String backToList(Selection selection) {
    UriComponentsBuilder list = UriComponentsBuilder.fromPath(selection.listPath());
    if (blankToNull(selection.q()) != null) {
      list.queryParam("q", selection.q());
    }
    if (selection.type() == ItemType.LEAD && blankToNull(selection.status()) != null) {
      list.queryParam("status", selection.status());
    }
    return "redirect:" + list.build().encode().toUriString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

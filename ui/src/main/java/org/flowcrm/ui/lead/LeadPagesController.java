package org.flowcrm.ui.lead;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.lead.ConversionCommand;
import org.flowcrm.crm.lead.ConversionResult;
import org.flowcrm.crm.lead.LeadCommentView;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.lead.StatusSemantic;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.bulk.BulkBar;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.flowcrm.ui.listview.ListViews;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.RecordExtras;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Leads: {@code /leads} (search, status filter, sort, keyset "next page"), {@code /leads/new} and
 * the card {@code /leads/{id}} with comments, status change and conversion. Every change posts a
 * form and redirects (post/redirect/get); refusals of the service come back as a message on the
 * card, in the service's words.
 */
@Controller
class LeadPagesController {

  static final String LIST_VIEW = "lead/list";
  static final String FORM_VIEW = "lead/form";
  static final String CARD_VIEW = "lead/card";

  private final RecordExtras extras;
  private final CustomFieldInputs customFieldInputs;
  private final LeadService leads;
  private final UserService users;
  private final BulkBar bulkBar;
  private final ListViews listViews;

  LeadPagesController(
      LeadService leads,
      UserService users,
      BulkBar bulkBar,
      ListViews listViews,
      RecordExtras extras,
      CustomFieldInputs customFieldInputs) {
    this.extras = extras;
    this.customFieldInputs = customFieldInputs;
    this.bulkBar = bulkBar;
    this.listViews = listViews;
    this.leads = leads;
    this.users = users;
  }

  @GetMapping("/leads")
  String list(
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> cols,
      Model model) {
    ListViews.State state = listViews.read(model, ListKind.LEADS, params, cols);
    LeadFilter filter =
        new LeadFilter(state.filter("status"), null, null, state.filter("q"), state.custom());
    model.addAttribute("leads", listViews.page(model, state, page -> leads.list(filter, page)));
    model.addAttribute("statuses", leads.statuses());
    model.addAttribute("status", state.filters().getOrDefault("status", ""));
    bulkBar.addTo(model, "leads");
    return LIST_VIEW;
  }

  @GetMapping("/leads/new")
  String newLead(Model model) {
    LeadForm form = new LeadForm();
    model.addAttribute("lead", form);
    return form(model, form);
  }

  @PostMapping("/leads")
  String create(
      @Valid @ModelAttribute("lead") LeadForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return form(model, form);
    }
    LeadView created;
    try {
      created =
          leads.create(
              form.toCommand(
                  SignedInUser.id(),
                  customFieldInputs.values(CustomizableEntity.LEAD, form.getCustomFields())));
    } catch (RuntimeException refused) {
      // every custom field gets its entry first, so a refusal has a field to stand at
      String view = form(model, form);
      Map<String, String> names =
          new LinkedHashMap<>(customFieldInputs.errorFields(CustomizableEntity.LEAD));
      names.putAll(
          Map.of("emails[0].value", "email", "phones[0].value", "phone", "title", "title"));
      if (ServiceErrors.bind(refused, errors, names)) {
        return view;
      }
      throw refused;
    }
    Flash.success(redirect, "lead.created", created.title());
    return "redirect:/leads/" + created.id();
  }

  private String form(Model model, LeadForm form) {
    customFieldInputs.addTo(model, CustomizableEntity.LEAD, form.getCustomFields());
    Map<String, String> sources = new LinkedHashMap<>();
    for (LeadSource source : LeadSource.values()) {
      sources.put(source.name(), "lead.source." + source.name());
    }
    model.addAttribute("sources", sources);
    return FORM_VIEW;
  }

  @GetMapping("/leads/{id}")
  String card(@PathVariable long id, Model model) {
    LeadView lead = leads.get(id);
    List<LeadCommentView> comments = leads.comments(id);
    List<TimelineEntry> timeline = new ArrayList<>();
    timeline.add(new TimelineEntry(lead.createdAt(), "lead.timeline.created", null, null));
    for (LeadCommentView c : comments) {
      timeline.add(
          new TimelineEntry(c.createdAt(), "lead.timeline.comment", c.text(), c.authorId()));
    }
    if (lead.convertedAt() != null) {
      timeline.add(new TimelineEntry(lead.convertedAt(), "lead.timeline.converted", null, null));
    }
    timeline.sort(Comparator.comparing(TimelineEntry::at).reversed());
    List<Long> authors =
        timeline.stream().map(TimelineEntry::authorId).filter(a -> a != null).distinct().toList();
    List<Long> people = new ArrayList<>(authors);
    if (lead.responsibleId() != null) {
      people.add(lead.responsibleId());
    }
    model.addAttribute("lead", lead);
    model.addAttribute("timeline", timeline);
    Map<String, String> names = new LinkedHashMap<>();
    users.displayNames(people).forEach((userId, name) -> names.put(String.valueOf(userId), name));
    model.addAttribute("names", names);
    model.addAttribute(
        "statuses",
        leads.statuses().stream().filter(s -> s.semantic() != StatusSemantic.CONVERTED).toList());
    model.addAttribute("convertible", lead.statusSemantic() == StatusSemantic.OPEN);
    extras.addTo(model, CustomizableEntity.LEAD, id, lead.customFields());
    return CARD_VIEW;
  }

  @PostMapping("/leads/{id}/status")
  String changeStatus(
      @PathVariable long id,
      @RequestParam String status,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    try {
      LeadView lead = leads.changeStatus(id, status, version);
      Flash.success(redirect, "lead.status.changed", lead.statusName());
    } catch (ConflictException | InvalidFieldException | PreconditionFailedException refused) {
      Flash.error(redirect, "lead.status.refused", refused.getMessage());
    }
    return "redirect:/leads/" + id;
  }

  @PostMapping("/leads/{id}/comments")
  String comment(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String text,
      RedirectAttributes redirect) {
    if (text.isBlank()) {
      Flash.error(redirect, "lead.comment.empty");
    } else {
      try {
        leads.addComment(id, text.strip());
        Flash.success(redirect, "lead.comment.added");
      } catch (jakarta.validation.ConstraintViolationException tooLong) {
        Flash.error(redirect, "lead.comment.tooLong");
      }
    }
    return "redirect:/leads/" + id + "#timeline";
  }

  @PostMapping("/leads/{id}/conversion")
  String convert(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean createContact,
      @RequestParam(defaultValue = "false") boolean createCompany,
      @RequestParam(defaultValue = "false") boolean createDeal,
      @RequestParam(required = false) String dealTitle,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    try {
      ConversionResult result =
          leads.convert(
              id,
              new ConversionCommand(
                  createContact,
                  createCompany,
                  createDeal,
                  null,
                  null,
                  null,
                  dealTitle == null || dealTitle.isBlank() ? null : dealTitle.strip()),
              version);
      Flash.success(redirect, "lead.convert.done");
      if (result.dealId() != null) {
        return "redirect:/deals/" + result.dealId();
      }
    } catch (ConflictException | PreconditionFailedException refused) {
      Flash.error(redirect, "lead.convert.refused", refused.getMessage());
    } catch (InvalidFieldException refused) {
      Flash.error(
          redirect,
          "lead.convert.refused",
          String.join("; ", refused.problems().stream().map(p -> p.message()).toList()));
    }
    return "redirect:/leads/" + id;
  }

  /** One line of the card's timeline; {@code authorId} is null for the system's own entries. */
  public record TimelineEntry(java.time.Instant at, String kindKey, String text, Long authorId) {}
}

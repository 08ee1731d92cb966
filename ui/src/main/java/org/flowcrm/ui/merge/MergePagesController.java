package org.flowcrm.ui.merge;

import java.util.List;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.merge.MergeCommand;
import org.flowcrm.crm.merge.MergeService;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /{contacts|companies|leads}/{id}/duplicates} (the card's warning, an htmx fragment),
 * {@code GET …/merge} (candidates, then both side by side) and {@code POST …/merge} (the merge; the
 * record in the path is kept).
 */
@Controller
class MergePagesController {

  static final String PAGE_VIEW = "merge/page";
  static final String NOTICE_VIEW = "merge/notice";
  private static final String KINDS = "{kind:contacts|companies|leads}";

  private final ContactService contacts;
  private final CompanyService companies;
  private final LeadService leads;
  private final MergeService merges;

  MergePagesController(
      ContactService contacts, CompanyService companies, LeadService leads, MergeService merges) {
    this.contacts = contacts;
    this.companies = companies;
    this.leads = leads;
    this.merges = merges;
  }

  @GetMapping("/" + KINDS + "/{id}/duplicates")
  String notice(@PathVariable String kind, @PathVariable long id, Model model) {
    model.addAttribute("kind", kind);
    model.addAttribute("record", load(kind, id));
    model.addAttribute("candidates", candidates(kind, load(kind, id)));
    return NOTICE_VIEW;
  }

  @GetMapping("/" + KINDS + "/{id}/merge")
  String page(
      @PathVariable String kind,
      @PathVariable long id,
      @RequestParam(required = false) Long duplicate,
      Model model) {
    MergeRecord kept = load(kind, id);
    model.addAttribute("kind", kind);
    model.addAttribute("record", kept);
    if (duplicate == null || duplicate == id) {
      model.addAttribute("candidates", candidates(kind, kept));
    } else {
      MergeRecord other = load(kind, duplicate);
      model.addAttribute("duplicate", other);
      model.addAttribute("fieldKeys", List.copyOf(kept.fields().keySet()));
    }
    return PAGE_VIEW;
  }

  @PostMapping("/" + KINDS + "/{id}/merge")
  String merge(
      @PathVariable String kind,
      @PathVariable long id,
      @RequestParam long duplicateId,
      @RequestParam long version,
      @RequestParam long duplicateVersion,
      RedirectAttributes redirect) {
    MergeCommand command = new MergeCommand(duplicateId, version, duplicateVersion, null);
    try {
      switch (kind) {
        case "contacts" -> merges.mergeContacts(id, command);
        case "companies" -> merges.mergeCompanies(id, command);
        default -> merges.mergeLeads(id, command);
      }
    } catch (ConflictException
        | PreconditionFailedException
        | ForbiddenException
        | BadParameterException refused) {
      Flash.error(redirect, "merge.refused", refused.getMessage());
      return "redirect:/" + kind + "/" + id + "/merge?duplicate=" + duplicateId;
    }
    Flash.success(redirect, "merge.done", "#" + duplicateId);
    return "redirect:/" + kind + "/" + id;
  }

  private MergeRecord load(String kind, long id) {
    return switch (kind) {
      case "contacts" -> MergeRecord.of(contacts.get(id));
      case "companies" -> MergeRecord.of(companies.get(id));
      default -> MergeRecord.of(leads.get(id));
    };
  }

  /** Records sharing an e-mail or phone with this one, which the caller may see. */
  private List<MergeRecord> candidates(String kind, MergeRecord record) {
    List<MergeRecord> found =
        switch (kind) {
          case "contacts" ->
              contacts.findDuplicates(record.emails(), record.phones()).stream()
                  .map(MergeRecord::of)
                  .toList();
          case "companies" ->
              companies.findDuplicates(record.emails(), record.phones()).stream()
                  .map(MergeRecord::of)
                  .toList();
          default ->
              leads.findDuplicates(record.emails(), record.phones()).stream()
                  .map(MergeRecord::of)
                  .toList();
        };
    return found.stream().filter(candidate -> candidate.id() != record.id()).toList();
  }
}

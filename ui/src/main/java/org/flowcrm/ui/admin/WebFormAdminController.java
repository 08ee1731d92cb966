package org.flowcrm.ui.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.webform.AcceptedSubmission;
import org.flowcrm.crm.webform.LeadField;
import org.flowcrm.crm.webform.SubmissionReview;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.crm.webform.WebFormTarget;
import org.flowcrm.crm.webform.WebFormView;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Web forms for lead capture: {@code /admin/web-forms} lists them with their public address, {@code
 * /admin/web-forms/new} and {@code /admin/web-forms/{id}} build one (what it creates: a lead, or a
 * contact and a deal in a pipeline; fields mapped to person fields or custom fields, required
 * flags, consent, button, responsible: a user, an assignment rule or round robin; holding suspected
 * spam; thank-you or redirect) and show its public URL and the embed snippet with copy buttons.
 * {@code /admin/web-forms/held} is the review queue of held submissions. The public form itself is
 * crm-api's ({@code /public/forms/{token}}).
 */
@Controller
class WebFormAdminController {

  static final String LIST_VIEW = "admin/web-form-list";
  static final String FORM_VIEW = "admin/web-form-form";
  static final String HELD_VIEW = "admin/web-form-held";
  private static final String WHAT = "WEB_FORMS";

  private final WebFormService forms;
  private final SubmissionReview review;
  private final UserService users;
  private final PipelineService pipelines;
  private final AssignmentRuleService rules;
  private final AccessPolicy policy;
  private final MessageSource messages;

  WebFormAdminController(
      WebFormService forms,
      SubmissionReview review,
      UserService users,
      PipelineService pipelines,
      AssignmentRuleService rules,
      AccessPolicy policy,
      MessageSource messages) {
    this.forms = forms;
    this.review = review;
    this.users = users;
    this.pipelines = pipelines;
    this.rules = rules;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/admin/web-forms")
  String list(Model model) {
    policy.requireAdministrator(WHAT);
    String base = base();
    model.addAttribute("forms", forms.list().stream().map(f -> f.at(base)).toList());
    return LIST_VIEW;
  }

  @GetMapping("/admin/web-forms/new")
  String newForm(Locale locale, Model model) {
    policy.requireAdministrator(WHAT);
    model.addAttribute(
        "form",
        WebFormAdminForm.blank(
            f -> label(f, locale), forms.customFieldChoices(WebFormTarget.LEAD)));
    return page(null, model);
  }

  @PostMapping("/admin/web-forms")
  String create(
      @ModelAttribute("form") WebFormAdminForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    check(form, errors);
    if (!errors.hasErrors()) {
      try {
        WebFormView created = forms.create(form.toCommand());
        Flash.success(redirect, "admin.webForms.created", created.name());
        return "redirect:/admin/web-forms/" + created.id();
      } catch (RuntimeException refused) {
        bind(refused, form, errors);
      }
    }
    response.setStatus(422);
    return page(null, model);
  }

  @GetMapping("/admin/web-forms/{id}")
  String edit(@PathVariable long id, Locale locale, Model model) {
    policy.requireAdministrator(WHAT);
    WebFormView view = forms.get(id);
    model.addAttribute(
        "form",
        WebFormAdminForm.of(view, f -> label(f, locale), forms.customFieldChoices(view.target())));
    return page(view, model);
  }

  @PostMapping("/admin/web-forms/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute("form") WebFormAdminForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    WebFormView view = forms.get(id);
    check(form, errors);
    if (!errors.hasErrors()) {
      try {
        WebFormView saved = forms.update(id, form.toCommand(), form.getVersion());
        Flash.success(redirect, "admin.webForms.saved", saved.name());
        return "redirect:/admin/web-forms/" + id;
      } catch (PreconditionFailedException stale) {
        errors.reject("service", stale.getMessage());
      } catch (RuntimeException refused) {
        bind(refused, form, errors);
      }
    }
    response.setStatus(422);
    return page(view, model);
  }

  @PostMapping("/admin/web-forms/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    WebFormView view = forms.get(id);
    try {
      forms.delete(id, version);
      Flash.success(redirect, "admin.webForms.deleted", view.name());
      return "redirect:/admin/web-forms";
    } catch (PreconditionFailedException stale) {
      Flash.error(redirect, "admin.webForms.refused", stale.getMessage());
      return "redirect:/admin/web-forms/" + id;
    }
  }

  /**
   * The review queue: submissions held as suspected spam, each with what was entered and why it was
   * suspected, to accept (creates what its form creates) or reject (deletes it).
   */
  @GetMapping("/admin/web-forms/held")
  String held(Model model) {
    policy.requireAdministrator(WHAT);
    model.addAttribute("held", review.held(null));
    return HELD_VIEW;
  }

  @PostMapping("/admin/web-forms/held/{id}/accept")
  String accept(@PathVariable long id, RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    try {
      AcceptedSubmission accepted = review.accept(id);
      if (accepted.dealId() != null) {
        Flash.success(
            redirect, "admin.webForms.held.acceptedDeal", String.valueOf(accepted.dealId()));
      } else {
        Flash.success(
            redirect, "admin.webForms.held.acceptedLead", String.valueOf(accepted.leadId()));
      }
    } catch (InvalidFieldException refused) {
      Flash.error(redirect, "admin.webForms.refused", refused.getMessage());
    }
    return "redirect:/admin/web-forms/held";
  }

  @PostMapping("/admin/web-forms/held/{id}/reject")
  String reject(@PathVariable long id, RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    review.reject(id);
    Flash.success(redirect, "admin.webForms.held.rejected");
    return "redirect:/admin/web-forms/held";
  }

  /** What the page can say in its own language before the service is asked. */
  private static void check(WebFormAdminForm form, BindingResult errors) {
    if (form.includedRows().isEmpty()) {
      errors.reject("admin.webForms.error.fields");
    }
    if (WebFormAdminForm.REDIRECT.equals(form.getAfterSubmit())
        && (form.getRedirectUrl() == null || form.getRedirectUrl().isBlank())) {
      errors.rejectValue("redirectUrl", "admin.webForms.error.redirect");
    }
  }

  /** The service's {@code fields[2].label} is the third ticked row, not the form's third row. */
  private static void bind(RuntimeException refused, WebFormAdminForm form, BindingResult errors) {
    List<Integer> rows = form.includedRows();
    boolean bound =
        ServiceErrors.bind(
            refused,
            errors,
            field -> {
              if (field.startsWith("fields[")) {
                int close = field.indexOf(']');
                try {
                  int index = Integer.parseInt(field.substring("fields[".length(), close));
                  String rest = field.substring(close + 1);
                  return index < rows.size()
                      ? "fields["
                          + rows.get(index)
                          + "]"
                          + (rest.equals(".field") || rest.equals(".customField") ? ".label" : rest)
                      : null;
                } catch (RuntimeException notIndexed) {
                  return null;
                }
              }
              if (field.equals("responsibleId") || field.equals("assignmentRuleId")) {
                return "responsible";
              }
              return field.equals("fields") ? null : field;
            });
    if (!bound) {
      throw refused;
    }
  }

  private String page(WebFormView view, Model model) {
    model.addAttribute("webForm", view == null ? null : view.at(base()));
    model.addAttribute("users", users.list(true));
    model.addAttribute("pipelines", pipelines.list());
    model.addAttribute("rules", rules.list());
    // a custom field row shows the field's current name, whatever label the form gives it
    Map<String, String> customFieldNames = new HashMap<>();
    for (WebFormTarget target : WebFormTarget.values()) {
      forms
          .customFieldChoices(target)
          .forEach(f -> customFieldNames.put(WebFormAdminForm.CUSTOM_PREFIX + f.code(), f.label()));
    }
    model.addAttribute("customFieldNames", customFieldNames);
    return FORM_VIEW;
  }

  private String label(LeadField field, Locale locale) {
    return messages.getMessage("admin.webForms.leadField." + field.name(), null, locale);
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}

package org.flowcrm.ui.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.mail.MailTemplateCommand;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mail.MailTemplateView;
import org.flowcrm.crm.mail.RenderedMail;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
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
 * Mail templates: {@code /admin/mail-templates} lists them, {@code /admin/mail-templates/{id}}
 * edits name, subject and body. "Preview" renders what is typed (not yet saved) with sample data
 * through the same service and sandbox the mails use, so a template that does not parse or reads a
 * value the data lacks shows Freemarker's message at the field instead of failing a real mail.
 */
@Controller
class MailTemplateAdminController {

  static final String LIST_VIEW = "admin/mail-template-list";
  static final String EDIT_VIEW = "admin/mail-template-edit";
  private static final String WHAT = "MAIL_TEMPLATES";

  private final MailTemplateService templates;
  private final AccessPolicy policy;

  MailTemplateAdminController(MailTemplateService templates, AccessPolicy policy) {
    this.templates = templates;
    this.policy = policy;
  }

  @GetMapping("/admin/mail-templates")
  String list(Model model) {
    policy.requireAdministrator(WHAT);
    model.addAttribute("templates", templates.list());
    return LIST_VIEW;
  }

  @GetMapping("/admin/mail-templates/{id}")
  String edit(@PathVariable long id, Model model) {
    policy.requireAdministrator(WHAT);
    MailTemplateView template = templates.get(id);
    model.addAttribute("form", MailTemplateAdminForm.of(template));
    model.addAttribute("template", template);
    return EDIT_VIEW;
  }

  @PostMapping("/admin/mail-templates/{id}")
  String save(
      @PathVariable long id,
      @ModelAttribute("form") MailTemplateAdminForm form,
      BindingResult errors,
      @RequestParam(defaultValue = "save") String op,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    MailTemplateView template = templates.get(id);
    model.addAttribute("template", template);
    try {
      if (op.equals("preview")) {
        MailTemplateView typed =
            new MailTemplateView(
                template.id(),
                template.version(),
                template.code(),
                template.locale(),
                form.getName(),
                form.getSubject() == null ? "" : form.getSubject(),
                form.getBody() == null ? "" : form.getBody(),
                template.documentType(),
                template.createdAt(),
                template.updatedAt());
        RenderedMail preview = templates.render(typed, sampleData());
        model.addAttribute("preview", preview);
        return EDIT_VIEW;
      }
      MailTemplateView saved =
          templates.update(
              id,
              new MailTemplateCommand(
                  template.code(),
                  template.locale(),
                  form.getName(),
                  form.getSubject(),
                  form.getBody(),
                  template.documentType()),
              form.getVersion());
      Flash.success(redirect, "admin.mailTemplates.saved", saved.name());
      return "redirect:/admin/mail-templates/" + id;
    } catch (BadParameterException invalid) {
      // the service names subject or body when the template does not parse
      errors.rejectValue(invalid.parameter(), "service", invalid.getMessage());
    } catch (PreconditionFailedException stale) {
      errors.reject("service", stale.getMessage());
    } catch (RuntimeException refused) {
      if (!ServiceErrors.bind(refused, errors, f -> f)) {
        throw refused;
      }
    }
    response.setStatus(422);
    return EDIT_VIEW;
  }

  /**
   * Sample records in the shape mails get them (the records' API views): every placeholder the page
   * documents has a value here.
   */
  static Map<String, Object> sampleData() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "lead",
        Map.of(
            "id", 101,
            "title", "Website enquiry: 20 office chairs",
            "firstName", "Anna",
            "lastName", "Nowak",
            "companyName", "Nordwind GmbH",
            "position", "Office manager"));
    model.put(
        "deal",
        Map.of(
            "id",
            202,
            "title",
            "Office chairs for Nordwind",
            "amount",
            new BigDecimal("4920.00"),
            "currency",
            "EUR"));
    model.put(
        "contact", Map.of("firstName", "Anna", "lastName", "Nowak", "fullName", "Anna Nowak"));
    model.put("company", Map.of("name", "Nordwind GmbH"));
    model.put(
        "quote",
        Map.of(
            "number",
            "Q-2026-0042",
            "amount",
            new BigDecimal("4920.00"),
            "currency",
            "EUR",
            "validUntil",
            "2026-12-31",
            "rows",
            List.of(
                Map.of(
                    "name",
                    "Office chair",
                    "quantity",
                    new BigDecimal("20"),
                    "price",
                    new BigDecimal("200.00"),
                    "total",
                    new BigDecimal("4920.00")))));
    model.put(
        "invoice",
        Map.of(
            "number",
            "INV-2026-0107",
            "amount",
            new BigDecimal("4920.00"),
            "currency",
            "EUR",
            "dueDate",
            "2026-12-14"));
    model.put("invoiceUrl", "https://crm.example.com/api/v1/public/invoices/sample/pdf");
    return model;
  }
}

package org.flowcrm.ui.company;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.FormChoices;
import org.flowcrm.ui.record.RecordForms;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "New company" ({@code /companies/new}) and "Edit" ({@code /companies/{id}/edit}): one form with
 * every field of the company (bank details, addresses, phones, e-mails) and its custom fields. The
 * service checks everything (types, required custom fields, permissions) in one transaction, so a
 * refusal writes nothing; its refusals come back at their fields. An edit carries the version it
 * was rendered with and is refused when someone saved the company in between. The save itself is
 * {@link RecordForms}' flow.
 */
@Controller
class CompanyFormsController {

  static final String FORM_VIEW = "company/form";

  private static final RecordForms.Page<CompanyView> PAGE =
      new RecordForms.Page<>(
          CustomizableEntity.COMPANY,
          "companies",
          "company",
          CompanyView::id,
          CompanyView::name,
          CompanyForm.FIELD_NAMES);

  private final CompanyService companies;
  private final CustomFieldInputs customFieldInputs;
  private final FormChoices choices;
  private final RecordForms forms;

  CompanyFormsController(
      CompanyService companies,
      CustomFieldInputs customFieldInputs,
      FormChoices choices,
      RecordForms forms) {
    this.companies = companies;
    this.customFieldInputs = customFieldInputs;
    this.choices = choices;
    this.forms = forms;
  }

  @GetMapping("/companies/new")
  String newCompany(Model model) {
    CompanyForm form = CompanyForm.blank(SignedInUser.id());
    model.addAttribute("company", form);
    return form(model, form, null);
  }

  @PostMapping("/companies")
  String create(
      @ModelAttribute("company") CompanyForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return forms
        .on(PAGE, errors, response, redirect)
        .create(
            form,
            () -> form(model, form, null),
            values -> companies.create(form.toCommand(values)));
  }

  @GetMapping("/companies/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    CompanyView company = companies.get(id);
    CompanyForm form = CompanyForm.of(company);
    model.addAttribute("company", form);
    return form(model, form, company);
  }

  @PostMapping("/companies/{id}/edit")
  String update(
      @PathVariable long id,
      @ModelAttribute("company") CompanyForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CompanyView current = companies.get(id);
    return forms
        .on(PAGE, errors, response, redirect)
        .update(
            form,
            () -> form(model, form, current),
            values -> companies.update(id, form.toCommand(values), form.getVersion()));
  }

  private String form(Model model, CompanyForm form, CompanyView existing) {
    customFieldInputs.addTo(model, CustomizableEntity.COMPANY, form.getCustomFields());
    model.addAttribute("existing", existing);
    model.addAttribute("users", choices.users());
    model.addAttribute("addressTypes", names(AddressType.values()));
    model.addAttribute("phoneTypes", names(PhoneType.values()));
    model.addAttribute("emailTypes", names(EmailType.values()));
    return FORM_VIEW;
  }

  static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }
}

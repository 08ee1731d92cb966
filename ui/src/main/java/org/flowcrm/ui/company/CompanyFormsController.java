package org.flowcrm.ui.company;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.flowcrm.ui.record.AddressRow;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.FormChoices;
import org.flowcrm.ui.record.RowActions;
import org.flowcrm.ui.record.TypedRow;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * "New company" ({@code /companies/new}) and "Edit" ({@code /companies/{id}/edit}): one form with
 * every field of the company (bank details, addresses, phones, e-mails) and its custom fields. The
 * service checks everything (types, required custom fields, permissions) in one transaction, so a
 * refusal writes nothing; its refusals come back at their fields. An edit carries the version it
 * was rendered with and is refused when someone saved the company in between.
 */
@Controller
class CompanyFormsController {

  static final String FORM_VIEW = "company/form";

  private final CompanyService companies;
  private final CustomFieldInputs customFieldInputs;
  private final FormChoices choices;
  private final MessageSource messages;

  CompanyFormsController(
      CompanyService companies,
      CustomFieldInputs customFieldInputs,
      FormChoices choices,
      MessageSource messages) {
    this.companies = companies;
    this.customFieldInputs = customFieldInputs;
    this.choices = choices;
    this.messages = messages;
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
      @RequestParam(required = false) String add,
      @RequestParam(required = false) String remove,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(
        null,
        form,
        errors,
        add,
        remove,
        model,
        response,
        redirect,
        () ->
            companies.create(
                form.toCommand(
                    customFieldInputs.values(CustomizableEntity.COMPANY, form.getCustomFields()))));
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
      @RequestParam(required = false) String add,
      @RequestParam(required = false) String remove,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    CompanyView current = companies.get(id);
    model.addAttribute("existing", current);
    return save(
        current,
        form,
        errors,
        add,
        remove,
        model,
        response,
        redirect,
        () ->
            companies.update(
                id,
                form.toCommand(
                    customFieldInputs.values(CustomizableEntity.COMPANY, form.getCustomFields())),
                form.getVersion()));
  }

  private String save(
      CompanyView existing,
      CompanyForm form,
      BindingResult errors,
      String add,
      String remove,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Supplier<CompanyView> write) {
    if (RowActions.apply(
        add,
        remove,
        Map.of(
            "phones", form.getPhones(),
            "emails", form.getEmails(),
            "addresses", form.getAddresses()),
        Map.<String, Supplier<?>>of(
            "phones",
            () -> new TypedRow(PhoneType.WORK.name(), ""),
            "emails",
            () -> new TypedRow(EmailType.WORK.name(), ""),
            "addresses",
            () -> AddressRow.of(AddressType.ACTUAL.name(), null, null, null, null, null)))) {
      return form(model, form, existing);
    }
    if (errors.hasErrors()) { // a date or number the browser let through unparsed
      response.setStatus(422);
      return form(model, form, existing);
    }
    form.compact();
    CompanyView saved;
    try {
      saved = write.get();
    } catch (PreconditionFailedException | OptimisticLockingFailureException stale) {
      errors.reject("stale", text("record.form.stale"));
      response.setStatus(409);
      return form(model, form, existing);
    } catch (ConflictException refused) {
      errors.reject("refused", refused.getMessage());
      response.setStatus(409);
      return form(model, form, existing);
    } catch (RuntimeException refused) {
      String view = form(model, form, existing);
      Map<String, String> names =
          new LinkedHashMap<>(customFieldInputs.errorFields(CustomizableEntity.COMPANY));
      names.putAll(CompanyForm.FIELD_NAMES);
      if (ServiceErrors.bind(refused, errors, names)) {
        response.setStatus(422);
        form.withEmptyLines();
        return view;
      }
      throw refused;
    }
    Flash.success(redirect, existing == null ? "company.created" : "company.saved", saved.name());
    return "redirect:/companies/" + saved.id();
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

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}

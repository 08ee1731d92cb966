package org.flowcrm.ui.contact;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
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
 * "New contact" ({@code /contacts/new}) and "Edit" ({@code /contacts/{id}/edit}): one form with
 * every field of the contact and its custom fields. The service checks everything (types, required
 * custom fields, permissions) in one transaction, so a refusal writes nothing; its refusals come
 * back at their fields. An edit carries the version it was rendered with and is refused when
 * someone saved the contact in between.
 */
@Controller
class ContactFormsController {

  static final String FORM_VIEW = "contact/form";

  private final ContactService contacts;
  private final CustomFieldInputs customFieldInputs;
  private final FormChoices choices;
  private final MessageSource messages;

  ContactFormsController(
      ContactService contacts,
      CustomFieldInputs customFieldInputs,
      FormChoices choices,
      MessageSource messages) {
    this.contacts = contacts;
    this.customFieldInputs = customFieldInputs;
    this.choices = choices;
    this.messages = messages;
  }

  @GetMapping("/contacts/new")
  String newContact(Model model) {
    ContactForm form = ContactForm.blank(SignedInUser.id());
    model.addAttribute("contact", form);
    return form(model, form, null);
  }

  @PostMapping("/contacts")
  String create(
      @ModelAttribute("contact") ContactForm form,
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
            contacts.create(
                form.toCommand(
                    customFieldInputs.values(CustomizableEntity.CONTACT, form.getCustomFields()))));
  }

  @GetMapping("/contacts/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    ContactView contact = contacts.get(id);
    ContactForm form = ContactForm.of(contact);
    model.addAttribute("contact", form);
    return form(model, form, contact);
  }

  @PostMapping("/contacts/{id}/edit")
  String update(
      @PathVariable long id,
      @ModelAttribute("contact") ContactForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      @RequestParam(required = false) String remove,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ContactView current = contacts.get(id);
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
            contacts.update(
                id,
                form.toCommand(
                    customFieldInputs.values(CustomizableEntity.CONTACT, form.getCustomFields())),
                form.getVersion()));
  }

  private String save(
      ContactView existing,
      ContactForm form,
      BindingResult errors,
      String add,
      String remove,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Supplier<ContactView> write) {
    if (RowActions.apply(
        add,
        remove,
        Map.of("phones", form.getPhones(), "emails", form.getEmails()),
        Map.<String, Supplier<?>>of(
            "phones",
            () -> new TypedRow(PhoneType.WORK.name(), ""),
            "emails",
            () -> new TypedRow(EmailType.WORK.name(), "")))) {
      return form(model, form, existing);
    }
    if (errors.hasErrors()) { // a date or number the browser let through unparsed
      response.setStatus(422);
      return form(model, form, existing);
    }
    form.compact();
    ContactView saved;
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
          new LinkedHashMap<>(customFieldInputs.errorFields(CustomizableEntity.CONTACT));
      if (ServiceErrors.bind(refused, errors, names)) {
        response.setStatus(422);
        form.withEmptyLines();
        return view;
      }
      throw refused;
    }
    Flash.success(
        redirect, existing == null ? "contact.created" : "contact.saved", saved.fullName());
    return "redirect:/contacts/" + saved.id();
  }

  private String form(Model model, ContactForm form, ContactView existing) {
    customFieldInputs.addTo(model, CustomizableEntity.CONTACT, form.getCustomFields());
    model.addAttribute("existing", existing);
    model.addAttribute("users", choices.users());
    model.addAttribute("companies", choices.companies(form.getCompanyIds()));
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

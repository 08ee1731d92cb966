package org.flowcrm.ui.contact;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
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
 * "New contact" ({@code /contacts/new}) and "Edit" ({@code /contacts/{id}/edit}): one form with
 * every field of the contact and its custom fields. The service checks everything (types, required
 * custom fields, permissions) in one transaction, so a refusal writes nothing; its refusals come
 * back at their fields. An edit carries the version it was rendered with and is refused when
 * someone saved the contact in between. The save itself is {@link RecordForms}' flow.
 */
@Controller
class ContactFormsController {

  static final String FORM_VIEW = "contact/form";

  private static final RecordForms.Page<ContactView> PAGE =
      new RecordForms.Page<>(
          CustomizableEntity.CONTACT,
          "contacts",
          "contact",
          ContactView::id,
          ContactView::fullName,
          Map.of());

  private final ContactService contacts;
  private final CustomFieldInputs customFieldInputs;
  private final FormChoices choices;
  private final RecordForms forms;

  ContactFormsController(
      ContactService contacts,
      CustomFieldInputs customFieldInputs,
      FormChoices choices,
      RecordForms forms) {
    this.contacts = contacts;
    this.customFieldInputs = customFieldInputs;
    this.choices = choices;
    this.forms = forms;
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
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return forms
        .on(PAGE, errors, response, redirect)
        .create(
            form, () -> form(model, form, null), values -> contacts.create(form.toCommand(values)));
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
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ContactView current = contacts.get(id);
    return forms
        .on(PAGE, errors, response, redirect)
        .update(
            form,
            () -> form(model, form, current),
            values -> contacts.update(id, form.toCommand(values), form.getVersion()));
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
}

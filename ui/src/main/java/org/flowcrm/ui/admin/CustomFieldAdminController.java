package org.flowcrm.ui.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.ConflictException;
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
 * Custom fields per kind of record: {@code /admin/custom-fields?entity=LEAD} lists them, {@code
 * /admin/custom-fields/new} and {@code /admin/custom-fields/{id}} create and edit one (code, entity
 * and type are fixed once it exists, as the service keeps them), delete removes it with its values.
 */
@Controller
class CustomFieldAdminController {

  static final String LIST_VIEW = "admin/custom-field-list";
  static final String FORM_VIEW = "admin/custom-field-form";
  private static final String WHAT = "Custom fields";

  private final CustomFieldService fields;
  private final AccessPolicy policy;

  CustomFieldAdminController(CustomFieldService fields, AccessPolicy policy) {
    this.fields = fields;
    this.policy = policy;
  }

  @GetMapping("/admin/custom-fields")
  String list(@RequestParam(defaultValue = "LEAD") CustomizableEntity entity, Model model) {
    policy.requireAdministrator(WHAT);
    model.addAttribute("entity", entity.name());
    model.addAttribute("entities", CustomizableEntity.values());
    model.addAttribute("fields", fields.list(entity));
    return LIST_VIEW;
  }

  @GetMapping("/admin/custom-fields/new")
  String newField(@RequestParam(defaultValue = "LEAD") CustomizableEntity entity, Model model) {
    policy.requireAdministrator(WHAT);
    CustomFieldAdminForm form = new CustomFieldAdminForm();
    form.setEntity(entity);
    model.addAttribute("form", form);
    return form(null, model);
  }

  @PostMapping("/admin/custom-fields")
  String create(
      @ModelAttribute("form") CustomFieldAdminForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    Integer position = check(form, errors);
    if (!errors.hasErrors()) {
      try {
        CustomFieldView created = fields.create(form.toCommand(position));
        Flash.success(redirect, "admin.customFields.created", created.label());
        return "redirect:/admin/custom-fields?entity=" + created.entity();
      } catch (ConflictException taken) {
        errors.rejectValue("code", "service", taken.getMessage());
      } catch (RuntimeException refused) {
        if (!ServiceErrors.bind(refused, errors, f -> f)) {
          throw refused;
        }
      }
    }
    response.setStatus(422);
    return form(null, model);
  }

  @GetMapping("/admin/custom-fields/{id}")
  String edit(@PathVariable long id, Model model) {
    policy.requireAdministrator(WHAT);
    CustomFieldView field = fields.get(id);
    model.addAttribute("form", CustomFieldAdminForm.of(field));
    return form(field, model);
  }

  @PostMapping("/admin/custom-fields/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute("form") CustomFieldAdminForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    CustomFieldView field = fields.get(id);
    // what cannot change is taken from the field, not from the post
    form.setEntity(field.entity());
    form.setCode(field.code());
    form.setType(field.type());
    Integer position = check(form, errors);
    if (!errors.hasErrors()) {
      try {
        CustomFieldView saved = fields.update(id, form.toCommand(position), form.getVersion());
        Flash.success(redirect, "admin.customFields.saved", saved.label());
        return "redirect:/admin/custom-fields?entity=" + saved.entity();
      } catch (PreconditionFailedException stale) {
        errors.reject("service", stale.getMessage());
      } catch (RuntimeException refused) {
        if (!ServiceErrors.bind(refused, errors, f -> f)) {
          throw refused;
        }
      }
    }
    response.setStatus(422);
    return form(field, model);
  }

  @PostMapping("/admin/custom-fields/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    CustomFieldView field = fields.get(id);
    try {
      fields.delete(id, version);
      Flash.success(redirect, "admin.customFields.deleted", field.label());
    } catch (PreconditionFailedException stale) {
      Flash.error(redirect, "admin.customFields.refused", stale.getMessage());
    }
    return "redirect:/admin/custom-fields?entity=" + field.entity();
  }

  /** Checks what the page can say in its own language; returns the position, if given. */
  private static Integer check(CustomFieldAdminForm form, BindingResult errors) {
    if (form.getType() == CustomFieldType.LIST && form.optionList().isEmpty()) {
      errors.rejectValue("options", "admin.customFields.error.options");
    }
    String position = form.getPosition();
    if (position == null || position.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(position.strip());
      if (value < 0) {
        errors.rejectValue("position", "admin.customFields.error.position");
      }
      return value;
    } catch (NumberFormatException e) {
      errors.rejectValue("position", "admin.customFields.error.position");
      return null;
    }
  }

  private String form(CustomFieldView existing, Model model) {
    model.addAttribute("field", existing);
    Map<String, String> entities = new LinkedHashMap<>();
    for (CustomizableEntity e : CustomizableEntity.values()) {
      entities.put(e.name(), "admin.customFields.entity." + e.name());
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (CustomFieldType t : CustomFieldType.values()) {
      types.put(t.name(), "admin.customFields.type." + t.name());
    }
    model.addAttribute("entities", entities);
    model.addAttribute("types", types);
    return FORM_VIEW;
  }
}

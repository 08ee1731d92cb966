package org.flowcrm.ui.assignment;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowcrm.crm.assignment.AssignedRecord;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.assignment.AssignmentRuleView;
import org.flowcrm.crm.assignment.ClientType;
import org.flowcrm.crm.assignment.RuleTarget;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.SectionView;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
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
 * Assignment rules for administrators: the ordered list with each rule's conditions in words, and a
 * form to create or change one. The service refuses everyone else (403), so the page needs no check
 * of its own.
 */
@Controller
class AssignmentRulePagesController {

  static final String LIST_VIEW = "assignment/rules";
  static final String FORM_VIEW = "assignment/rule-form";
  private static final String LIST_PATH = "/admin/assignment-rules";

  private final AssignmentRuleService rules;
  private final UserService users;
  private final DepartmentService departments;
  private final ProductService products;

  AssignmentRulePagesController(
      AssignmentRuleService rules,
      UserService users,
      DepartmentService departments,
      ProductService products) {
    this.rules = rules;
    this.users = users;
    this.departments = departments;
    this.products = products;
  }

  @GetMapping(LIST_PATH)
  String list(Model model) {
    List<AssignmentRuleView> all = rules.list();
    model.addAttribute("rules", all);
    model.addAttribute(
        "userNames",
        stringKeys(
            users.displayNames(
                all.stream()
                    .map(AssignmentRuleView::targetUserId)
                    .filter(Objects::nonNull)
                    .toList())));
    model.addAttribute("departmentNames", departmentNames());
    model.addAttribute("sectionNames", sectionNames());
    return LIST_VIEW;
  }

  @GetMapping(LIST_PATH + "/new")
  String newRule(Model model) {
    model.addAttribute("rule", new AssignmentRuleForm());
    return form(model, null);
  }

  @PostMapping(LIST_PATH)
  String create(
      @Valid @ModelAttribute("rule") AssignmentRuleForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return form(model, null);
    }
    AssignmentRuleView created;
    try {
      created = rules.create(form.toCommand());
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of())) {
        return form(model, null);
      }
      throw refused;
    }
    Flash.success(redirect, "assignment.rule.saved", created.name());
    return "redirect:" + LIST_PATH;
  }

  @GetMapping(LIST_PATH + "/{id}")
  String edit(@PathVariable long id, Model model) {
    model.addAttribute("rule", AssignmentRuleForm.of(rules.get(id)));
    return form(model, id);
  }

  @PostMapping(LIST_PATH + "/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("rule") AssignmentRuleForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return form(model, id);
    }
    AssignmentRuleView saved;
    try {
      saved = rules.update(id, form.toCommand(), form.getVersion());
    } catch (PreconditionFailedException stale) {
      errors.reject("stale", stale.getMessage());
      return form(model, id);
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of())) {
        return form(model, id);
      }
      throw refused;
    }
    Flash.success(redirect, "assignment.rule.saved", saved.name());
    return "redirect:" + LIST_PATH;
  }

  @PostMapping(LIST_PATH + "/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    AssignmentRuleView rule = rules.get(id);
    try {
      rules.delete(id, version);
    } catch (PreconditionFailedException stale) {
      Flash.error(redirect, "assignment.rule.stale", rule.name());
      return "redirect:" + LIST_PATH;
    }
    Flash.success(redirect, "assignment.rule.deleted", rule.name());
    return "redirect:" + LIST_PATH;
  }

  private String form(Model model, Long id) {
    model.addAttribute("ruleId", id);
    model.addAttribute("entityTypes", keys("assignment.entity.", AssignedRecord.values()));
    model.addAttribute("clientTypes", keys("assignment.client.", ClientType.values()));
    model.addAttribute("sources", keys("lead.source.", LeadSource.values()));
    model.addAttribute("targets", keys("assignment.target.", RuleTarget.values()));
    Map<String, String> people = new LinkedHashMap<>();
    for (UserView user : users.list(true)) {
      people.put(String.valueOf(user.id()), user.displayName());
    }
    model.addAttribute("userNames", people);
    model.addAttribute("departmentNames", departmentNames());
    model.addAttribute("sectionNames", sectionNames());
    return FORM_VIEW;
  }

  /** Enum value → message key of its label, in declaration order. */
  private static Map<String, String> keys(String prefix, Enum<?>[] values) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Enum<?> value : values) {
      keys.put(value.name(), prefix + value.name());
    }
    return keys;
  }

  private Map<String, String> departmentNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (DepartmentView department : departments.list()) {
      names.put(String.valueOf(department.id()), department.name());
    }
    return names;
  }

  /** Catalog sections depth first, nested ones indented with their path. */
  private Map<String, String> sectionNames() {
    Map<String, String> names = new LinkedHashMap<>();
    addSections(products.sectionTree(), "", names);
    return names;
  }

  private static void addSections(
      List<SectionView> sections, String path, Map<String, String> names) {
    for (SectionView section : sections) {
      String name = path.isEmpty() ? section.name() : path + " / " + section.name();
      names.put(String.valueOf(section.id()), name);
      addSections(section.children(), name, names);
    }
  }

  private static Map<String, String> stringKeys(Map<Long, String> byId) {
    Map<String, String> names = new LinkedHashMap<>();
    byId.forEach((id, name) -> names.put(String.valueOf(id), name));
    return names;
  }
}

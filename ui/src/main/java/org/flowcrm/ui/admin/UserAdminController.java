package org.flowcrm.ui.admin;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.RoleView;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.Presence;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.layout.Flash;
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
 * Users: {@code /admin/users} (login, name, roles, department, presence, active), {@code
 * /admin/users/new} and the user's page {@code /admin/users/{id}} (name, e-mail, roles, department,
 * presence; deactivate or reactivate; a new password). Post/redirect/get; refusals of the services
 * are shown at the field they name or above the form.
 */
@Controller
class UserAdminController {

  static final String LIST_VIEW = "admin/users";
  static final String NEW_VIEW = "admin/user-new";
  static final String EDIT_VIEW = "admin/user-edit";

  /** The characters crm-api's UserCommand allows in a login. */
  private static final String LOGIN_PATTERN = "[A-Za-z0-9._@-]+";

  private final UserService users;
  private final DepartmentService departments;
  private final RoleService roles;
  private final UserAdministration administration;

  UserAdminController(
      UserService users,
      DepartmentService departments,
      RoleService roles,
      UserAdministration administration) {
    this.users = users;
    this.departments = departments;
    this.roles = roles;
    this.administration = administration;
  }

  /** One row of the list. */
  public record UserRow(UserView user, List<String> roleNames, String department) {}

  @GetMapping("/admin/users")
  String list(Model model) {
    Map<String, String> roleNames = roleNames();
    Map<Long, String> departmentNames =
        departments.list().stream()
            .collect(Collectors.toMap(DepartmentView::id, DepartmentView::name));
    List<UserRow> rows =
        users.list(null).stream()
            .map(
                u ->
                    new UserRow(
                        u,
                        roles.rolesOf(u.id()).stream()
                            .map(code -> roleNames.getOrDefault(code, code))
                            .toList(),
                        u.departmentId() == null ? "" : departmentNames.get(u.departmentId())))
            .toList();
    model.addAttribute("rows", rows);
    return LIST_VIEW;
  }

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    model.addAttribute("user", new NewUserForm());
    return newForm(model);
  }

  @PostMapping("/admin/users")
  String create(
      @Valid @ModelAttribute("user") NewUserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (form.getLogin() != null
        && !form.getLogin().isEmpty()
        && !form.getLogin().matches(LOGIN_PATTERN)) {
      errors.rejectValue("login", "admin.users.login.pattern");
    }
    if (form.getRoles().isEmpty()) {
      errors.rejectValue("roles", "admin.users.roles.required");
    }
    if (errors.hasErrors()) {
      return newForm(model);
    }
    UserView created;
    try {
      created = administration.create(form);
    } catch (RuntimeException refused) {
      AdminErrors.bind(refused, errors, Map.of("displayName", "displayName"));
      return newForm(model);
    }
    Flash.success(redirect, "admin.users.created", created.login());
    return "redirect:/admin/users/" + created.id();
  }

  @GetMapping("/admin/users/{id}")
  String edit(@PathVariable long id, Model model) {
    UserView user = users.get(id);
    model.addAttribute("user", UserEditForm.of(user, roles.rolesOf(id)));
    model.addAttribute("password", new PasswordForm());
    return editForm(user, model);
  }

  @PostMapping("/admin/users/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("user") UserEditForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    UserView user = users.get(id);
    if (!errors.hasErrors()) {
      try {
        administration.update(id, form);
        Flash.success(redirect, "admin.users.saved", user.login());
        return "redirect:/admin/users/" + id;
      } catch (RuntimeException refused) {
        AdminErrors.bind(refused, errors, Map.of());
      }
    }
    model.addAttribute("password", new PasswordForm());
    return editForm(user, model);
  }

  @PostMapping("/admin/users/{id}/active")
  String setActive(
      @PathVariable long id,
      @RequestParam boolean active,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    UserView user = users.get(id);
    if (!active && id == SignedInUser.id()) {
      Flash.error(redirect, "admin.users.deactivate.self");
      return "redirect:/admin/users/" + id;
    }
    try {
      administration.setActive(id, active, version);
    } catch (PreconditionFailedException stale) {
      Flash.error(redirect, "admin.users.stale");
      return "redirect:/admin/users/" + id;
    }
    Flash.success(
        redirect, active ? "admin.users.reactivated" : "admin.users.deactivated", user.login());
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/admin/users/{id}/password")
  String setPassword(
      @PathVariable long id,
      @Valid @ModelAttribute("password") PasswordForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    UserView user = users.get(id);
    if (!errors.hasErrors()) {
      try {
        administration.setPassword(id, form.getPassword());
        Flash.success(redirect, "admin.users.passwordSet", user.login());
        return "redirect:/admin/users/" + id;
      } catch (RuntimeException refused) {
        AdminErrors.bind(refused, errors, Map.of());
      }
    }
    model.addAttribute("user", UserEditForm.of(user, roles.rolesOf(id)));
    return editForm(user, model);
  }

  private String newForm(Model model) {
    addChoices(model);
    return NEW_VIEW;
  }

  private String editForm(UserView user, Model model) {
    addChoices(model);
    model.addAttribute("edited", user);
    model.addAttribute("self", user.id() == SignedInUser.id());
    return EDIT_VIEW;
  }

  private void addChoices(Model model) {
    model.addAttribute("roleChoices", roleNames());
    Map<String, String> departmentChoices = new LinkedHashMap<>();
    departmentChoices.put("", "");
    for (DepartmentTree.Node node : DepartmentTree.of(departments.list())) {
      departmentChoices.put(String.valueOf(node.department().id()), node.indentedName());
    }
    model.addAttribute("departmentChoices", departmentChoices);
    model.addAttribute("presences", List.of(Presence.values()));
  }

  /** Role names by code, without the processes' own role (reserved for the system user). */
  private Map<String, String> roleNames() {
    return roles.list().stream()
        .filter(r -> !SystemUser.ROLE.equals(r.code()))
        .collect(Collectors.toMap(RoleView::code, RoleView::name, (a, b) -> a, LinkedHashMap::new));
  }
}

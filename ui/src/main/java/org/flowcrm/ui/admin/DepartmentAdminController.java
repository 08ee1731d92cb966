package org.flowcrm.ui.admin;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.layout.Flash;
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
 * Departments: {@code /admin/departments} shows the tree with heads and member counts and a form
 * for a new department; {@code /admin/departments/{id}} renames, moves (another parent) or changes
 * the head, and deletes. The service refuses deleting a department that has members or
 * sub-departments, and moving one under itself; both are shown in its words.
 */
@Controller
class DepartmentAdminController {

  static final String TREE_VIEW = "admin/departments";
  static final String EDIT_VIEW = "admin/department-edit";

  private final DepartmentService departments;
  private final UserService users;

  DepartmentAdminController(DepartmentService departments, UserService users) {
    this.departments = departments;
    this.users = users;
  }

  /** A department in the tree with its head's name and how many users work in it. */
  public record Row(DepartmentView department, int depth, String head, long members) {}

  @GetMapping("/admin/departments")
  String tree(Model model) {
    model.addAttribute("department", new DepartmentForm());
    return treePage(model);
  }

  @PostMapping("/admin/departments")
  String create(
      @Valid @ModelAttribute("department") DepartmentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return treePage(model);
    }
    DepartmentView created;
    try {
      created = departments.create(form.toCommand());
    } catch (RuntimeException refused) {
      AdminErrors.bind(refused, errors, Map.of());
      return treePage(model);
    }
    Flash.success(redirect, "admin.departments.created", created.name());
    return "redirect:/admin/departments";
  }

  @GetMapping("/admin/departments/{id}")
  String edit(@PathVariable long id, Model model) {
    DepartmentView department = departments.get(id);
    model.addAttribute("department", DepartmentForm.of(department));
    return editPage(department, model);
  }

  @PostMapping("/admin/departments/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("department") DepartmentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    DepartmentView department = departments.get(id);
    if (!errors.hasErrors()) {
      try {
        DepartmentView saved = departments.update(id, form.toCommand(), form.getVersion());
        Flash.success(redirect, "admin.departments.saved", saved.name());
        return "redirect:/admin/departments";
      } catch (RuntimeException refused) {
        AdminErrors.bind(refused, errors, Map.of());
      }
    }
    return editPage(department, model);
  }

  @PostMapping("/admin/departments/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    DepartmentView department = departments.get(id);
    try {
      departments.delete(id, version);
    } catch (ConflictException | PreconditionFailedException refused) {
      Flash.error(redirect, "admin.departments.deleteRefused", refused.getMessage());
      return "redirect:/admin/departments/" + id;
    }
    Flash.success(redirect, "admin.departments.deleted", department.name());
    return "redirect:/admin/departments";
  }

  private String treePage(Model model) {
    List<DepartmentView> all = departments.list();
    List<UserView> everyone = users.list(null);
    Map<Long, String> names =
        everyone.stream().collect(Collectors.toMap(UserView::id, UserView::displayName));
    Map<Long, Long> members =
        everyone.stream()
            .filter(u -> u.departmentId() != null)
            .collect(Collectors.groupingBy(UserView::departmentId, Collectors.counting()));
    model.addAttribute(
        "rows",
        DepartmentTree.of(all).stream()
            .map(
                n ->
                    new Row(
                        n.department(),
                        n.depth(),
                        n.department().headUserId() == null
                            ? ""
                            : names.getOrDefault(n.department().headUserId(), ""),
                        members.getOrDefault(n.department().id(), 0L)))
            .toList());
    addChoices(all, null, everyone, model);
    return TREE_VIEW;
  }

  private String editPage(DepartmentView department, Model model) {
    model.addAttribute("edited", department);
    addChoices(departments.list(), department.id(), users.list(null), model);
    return EDIT_VIEW;
  }

  /**
   * Parents to choose (not the department itself nor one below it: the service would refuse) and
   * heads (active users).
   */
  private static void addChoices(
      List<DepartmentView> all, Long editedId, List<UserView> everyone, Model model) {
    Map<String, String> parents = new LinkedHashMap<>();
    parents.put("", "");
    int skipBelow = -1;
    for (DepartmentTree.Node node : DepartmentTree.of(all)) {
      if (skipBelow >= 0 && node.depth() > skipBelow) {
        continue;
      }
      skipBelow = -1;
      if (editedId != null && node.department().id() == editedId) {
        skipBelow = node.depth();
        continue;
      }
      parents.put(String.valueOf(node.department().id()), node.indentedName());
    }
    model.addAttribute("parentChoices", parents);
    Map<String, String> heads = new LinkedHashMap<>();
    heads.put("", "");
    everyone.stream()
        .filter(UserView::active)
        .forEach(u -> heads.put(String.valueOf(u.id()), u.displayName() + " (" + u.login() + ")"));
    model.addAttribute("headChoices", heads);
  }
}

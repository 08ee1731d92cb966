package org.flowcrm.ui.admin;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.DealRestriction;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.Permission;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.permission.RoleView;
import org.flowcrm.crm.permission.Scope;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
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
 * Roles: {@code /admin/roles} lists them and creates one (empty, or a copy of another); {@code
 * /admin/roles/{code}} is the permission matrix as a grid, entity type × action, each cell a scope
 * select, saved whole in one post (RoleService audits every changed cell), and the role's deal
 * restrictions per pipeline and stage. The PROCESS role is shown read-only: the service refuses
 * changes to it.
 */
@Controller
class RoleAdminController {

  static final String LIST_VIEW = "admin/roles";
  static final String ROLE_VIEW = "admin/role";

  /** The characters crm-api's RoleCommand allows in a code. */
  private static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";

  private final RoleService roles;
  private final RoleAdministration administration;
  private final PipelineService pipelines;

  RoleAdminController(
      RoleService roles, RoleAdministration administration, PipelineService pipelines) {
    this.roles = roles;
    this.administration = administration;
    this.pipelines = pipelines;
  }

  @GetMapping("/admin/roles")
  String list(Model model) {
    model.addAttribute("role", new RoleForm());
    return listPage(model);
  }

  @PostMapping("/admin/roles")
  String create(
      @Valid @ModelAttribute("role") RoleForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (form.getCode() != null
        && !form.getCode().isEmpty()
        && !form.getCode().matches(CODE_PATTERN)) {
      errors.rejectValue("code", "admin.roles.code.pattern");
    }
    if (errors.hasErrors()) {
      return listPage(model);
    }
    RoleView created;
    try {
      created = administration.create(form);
    } catch (RuntimeException refused) {
      AdminErrors.bind(refused, errors, Map.of());
      return listPage(model);
    }
    Flash.success(redirect, "admin.roles.created", created.code());
    return "redirect:/admin/roles/" + created.code();
  }

  @GetMapping("/admin/roles/{code}")
  String role(@PathVariable String code, Model model) {
    RoleView role =
        roles.list().stream()
            .filter(r -> r.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Role", code));
    // Keyed by names: templates look hash entries up by string.
    Map<String, Map<String, String>> grid = new LinkedHashMap<>();
    for (Permission cell : roles.matrix(code).permissions()) {
      grid.computeIfAbsent(cell.entity().name(), k -> new LinkedHashMap<>())
          .put(cell.action().name(), cell.scope().name());
    }
    List<PipelineView> allPipelines = pipelines.list();
    Map<String, String> pipelineNames = new LinkedHashMap<>();
    Map<String, String> stageNames = new LinkedHashMap<>();
    for (PipelineView p : allPipelines) {
      pipelineNames.put(String.valueOf(p.id()), p.name());
      p.stages().forEach(s -> stageNames.put(String.valueOf(s.id()), s.name()));
    }
    model.addAttribute("edited", role);
    model.addAttribute("readOnly", SystemUser.ROLE.equals(role.code()));
    model.addAttribute("entities", List.of(EntityType.values()));
    model.addAttribute("actions", List.of(Action.values()));
    model.addAttribute("scopes", List.of(Scope.values()));
    model.addAttribute("grid", grid);
    model.addAttribute("restrictions", roles.dealRestrictions(code));
    model.addAttribute("pipelines", allPipelines);
    model.addAttribute("pipelineNames", pipelineNames);
    model.addAttribute("stageNames", stageNames);
    return ROLE_VIEW;
  }

  /** The whole grid: one parameter {@code ENTITY.ACTION} per cell, its value a scope. */
  @PostMapping("/admin/roles/{code}/permissions")
  String savePermissions(
      @PathVariable String code,
      @RequestParam Map<String, String> params,
      RedirectAttributes redirect) {
    List<Permission> cells = new ArrayList<>();
    for (EntityType entity : EntityType.values()) {
      for (Action action : Action.values()) {
        String value = params.get(entity.name() + "." + action.name());
        if (value == null) {
          continue;
        }
        Scope scope;
        try {
          scope = Scope.valueOf(value);
        } catch (IllegalArgumentException unknown) {
          Flash.error(redirect, "admin.roles.scope.unknown", entity + "." + action, value);
          return "redirect:/admin/roles/" + code;
        }
        cells.add(new Permission(entity, action, scope));
      }
    }
    try {
      roles.updateMatrix(code, cells);
    } catch (ConflictException | InvalidFieldException refused) {
      Flash.error(redirect, "admin.roles.refused", refused.getMessage());
      return "redirect:/admin/roles/" + code;
    }
    Flash.success(redirect, "admin.roles.permissionsSaved", code);
    return "redirect:/admin/roles/" + code;
  }

  /**
   * Deal restrictions: the ones still ticked ({@code keep}: {@code pipeline:stage:semantic}) plus
   * the new one, if any of its fields is chosen; the service replaces the role's list with these.
   */
  @PostMapping("/admin/roles/{code}/restrictions")
  String saveRestrictions(
      @PathVariable String code,
      @RequestParam(required = false) List<String> keep,
      @RequestParam(required = false) Long newPipelineId,
      @RequestParam(required = false) Long newStageId,
      @RequestParam(required = false) String newSemantic,
      RedirectAttributes redirect) {
    List<DealRestriction> wanted = new ArrayList<>();
    for (String kept : keep == null ? List.<String>of() : keep) {
      String[] parts = kept.split(":", -1);
      if (parts.length == 3) {
        wanted.add(new DealRestriction(number(parts[0]), number(parts[1]), text(parts[2])));
      }
    }
    String semantic = text(newSemantic);
    if (newPipelineId != null || newStageId != null || semantic != null) {
      wanted.add(new DealRestriction(newPipelineId, newStageId, semantic));
    }
    try {
      roles.replaceDealRestrictions(code, wanted);
    } catch (InvalidFieldException refused) {
      Flash.error(
          redirect,
          "admin.roles.restrictions.refused",
          refused.problems().stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
      return "redirect:/admin/roles/" + code;
    } catch (ConflictException refused) {
      Flash.error(redirect, "admin.roles.restrictions.refused", refused.getMessage());
      return "redirect:/admin/roles/" + code;
    }
    Flash.success(redirect, "admin.roles.restrictionsSaved", code);
    return "redirect:/admin/roles/" + code;
  }

  @PostMapping("/admin/roles/{code}/delete")
  String delete(@PathVariable String code, RedirectAttributes redirect) {
    try {
      roles.delete(code);
    } catch (ConflictException refused) {
      Flash.error(redirect, "admin.roles.refused", refused.getMessage());
      return "redirect:/admin/roles/" + code;
    }
    Flash.success(redirect, "admin.roles.deleted", code);
    return "redirect:/admin/roles";
  }

  private String listPage(Model model) {
    List<RoleView> all = roles.list();
    model.addAttribute("roles", all);
    Map<String, String> copyChoices = new LinkedHashMap<>();
    copyChoices.put("", "");
    all.stream()
        .filter(r -> !SystemUser.ROLE.equals(r.code()))
        .forEach(r -> copyChoices.put(r.code(), r.name() + " (" + r.code() + ")"));
    model.addAttribute("copyChoices", copyChoices);
    return LIST_VIEW;
  }

  private static Long number(String value) {
    return value == null || value.isBlank() ? null : Long.valueOf(value);
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

package org.flowcrm.ui.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineCommand.StageCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.admin.PipelineAdminForm.StageRow;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.springframework.context.MessageSource;
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
 * Pipelines and their stages: {@code /admin/pipelines} lists them and creates one (with a first
 * stage and the won and lost ones, which every pipeline needs); {@code /admin/pipelines/{id}}
 * renames it and edits its stages in one plain form. Every button of that form (save, up, down,
 * remove) posts all rows, so a move never loses a name typed meanwhile and no script is needed.
 */
@Controller
class PipelineAdminController {

  static final String LIST_VIEW = "admin/pipeline-list";
  static final String EDIT_VIEW = "admin/pipeline-edit";
  private static final String WHAT = "PIPELINES";

  private final PipelineService pipelines;
  private final AccessPolicy policy;
  private final MessageSource messages;

  PipelineAdminController(PipelineService pipelines, AccessPolicy policy, MessageSource messages) {
    this.pipelines = pipelines;
    this.policy = policy;
    this.messages = messages;
  }

  @GetMapping("/admin/pipelines")
  String list(Model model) {
    policy.requireAdministrator(WHAT);
    model.addAttribute("pipelines", pipelines.list());
    return LIST_VIEW;
  }

  @PostMapping("/admin/pipelines")
  String create(
      @RequestParam(defaultValue = "") String name,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    if (name.isBlank() || name.strip().length() > 100) {
      response.setStatus(422);
      model.addAttribute("pipelines", pipelines.list());
      model.addAttribute("newName", name);
      model.addAttribute(
          "nameError",
          name.isBlank() ? "admin.pipelines.error.name" : "admin.pipelines.error.nameLong");
      return LIST_VIEW;
    }
    PipelineView created =
        pipelines.create(
            new PipelineCommand(
                name.strip(),
                null,
                List.of(
                    new StageCommand("NEW", text("admin.pipelines.default.new", locale), null, 10),
                    new StageCommand(
                        "WON", text("admin.pipelines.default.won", locale), StageSemantic.WON, 100),
                    new StageCommand(
                        "LOST",
                        text("admin.pipelines.default.lost", locale),
                        StageSemantic.LOST,
                        0))));
    Flash.success(redirect, "admin.pipelines.created", created.name());
    return "redirect:/admin/pipelines/" + created.id();
  }

  @GetMapping("/admin/pipelines/{id}")
  String edit(@PathVariable long id, Model model) {
    policy.requireAdministrator(WHAT);
    PipelineView pipeline = pipelines.get(id);
    model.addAttribute("form", PipelineAdminForm.of(pipeline));
    return page(pipeline, model);
  }

  @PostMapping("/admin/pipelines/{id}")
  String save(
      @PathVariable long id,
      @ModelAttribute("form") PipelineAdminForm form,
      BindingResult errors,
      @RequestParam(defaultValue = "save") String op,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    PipelineView pipeline = pipelines.get(id);
    // rows as submitted, each with the form path its errors belong to
    List<StageCommand> commands = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    if (form.getName() == null || form.getName().isBlank()) {
      errors.rejectValue("name", "admin.pipelines.error.name");
    }
    for (int i = 0; i < form.getStages().size(); i++) {
      StageRow row = form.getStages().get(i);
      String path = "stages[" + i + "]";
      if (row.getName() == null || row.getName().isBlank()) {
        errors.rejectValue(path + ".name", "admin.pipelines.error.stageName");
      }
      Integer probability = probability(row.getProbability(), path + ".probability", errors);
      commands.add(
          new StageCommand(row.getCode(), strip(row.getName()), row.getSemantic(), probability));
      paths.add(path);
    }
    int open = (int) commands.stream().filter(c -> semantic(c) == StageSemantic.OPEN).count();
    applyMove(op, commands, paths, open);
    if (form.getNewName() != null && !form.getNewName().isBlank()) {
      String code =
          form.getNewCode() == null || form.getNewCode().isBlank()
              ? PipelineAdminForm.codeFrom(form.getNewName())
              : form.getNewCode().strip();
      Integer probability = probability(form.getNewProbability(), "newProbability", errors);
      int at = (int) commands.stream().filter(c -> semantic(c) == StageSemantic.OPEN).count();
      commands.add(at, new StageCommand(code, form.getNewName().strip(), null, probability));
      paths.add(at, "new");
    } else if (form.getNewCode() != null && !form.getNewCode().isBlank()) {
      errors.rejectValue("newName", "admin.pipelines.error.stageName");
    }
    if (errors.hasErrors()) {
      response.setStatus(422);
      return page(pipeline, model);
    }
    try {
      PipelineView saved =
          pipelines.update(
              id, new PipelineCommand(form.getName().strip(), null, commands), form.getVersion());
      Flash.success(redirect, "admin.pipelines.saved", saved.name());
      return "redirect:/admin/pipelines/" + id;
    } catch (ConflictException | PreconditionFailedException refused) {
      Flash.error(redirect, "admin.pipelines.refused", refused.getMessage());
      return "redirect:/admin/pipelines/" + id;
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, field -> formField(field, paths))) {
        response.setStatus(422);
        return page(pipeline, model);
      }
      throw refused;
    }
  }

  @PostMapping("/admin/pipelines/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    policy.requireAdministrator(WHAT);
    PipelineView pipeline = pipelines.get(id);
    try {
      pipelines.delete(id, version);
      Flash.success(redirect, "admin.pipelines.deleted", pipeline.name());
      return "redirect:/admin/pipelines";
    } catch (ConflictException | PreconditionFailedException refused) {
      Flash.error(redirect, "admin.pipelines.refused", refused.getMessage());
      return "redirect:/admin/pipelines/" + id;
    }
  }

  private String page(PipelineView pipeline, Model model) {
    model.addAttribute("pipeline", pipeline);
    return EDIT_VIEW;
  }

  /** {@code up:2} / {@code down:2} / {@code remove:2}: moves only among the open stages. */
  private static void applyMove(
      String op, List<StageCommand> commands, List<String> paths, int open) {
    int colon = op.indexOf(':');
    if (colon < 0) {
      return;
    }
    int index;
    try {
      index = Integer.parseInt(op.substring(colon + 1));
    } catch (NumberFormatException e) {
      return;
    }
    if (index < 0 || index >= open) {
      return;
    }
    switch (op.substring(0, colon)) {
      case "up" -> swap(commands, paths, index, index - 1, open);
      case "down" -> swap(commands, paths, index, index + 1, open);
      case "remove" -> {
        commands.remove(index);
        paths.remove(index);
      }
      default -> {}
    }
  }

  private static void swap(List<StageCommand> commands, List<String> paths, int a, int b, int n) {
    if (b < 0 || b >= n) {
      return;
    }
    commands.set(a, commands.set(b, commands.get(a)));
    paths.set(a, paths.set(b, paths.get(a)));
  }

  /** {@code stages[3].name} of the service's command → the form row that stage came from. */
  private static String formField(String field, List<String> paths) {
    if (field.equals("stages")) {
      return null;
    }
    if (field.startsWith("stages[")) {
      int close = field.indexOf(']');
      try {
        int index = Integer.parseInt(field.substring("stages[".length(), close));
        String rest = field.substring(close + 1);
        if (index < paths.size()) {
          String path = paths.get(index);
          if (path.equals("new")) {
            return switch (rest) {
              case ".code" -> "newCode";
              case ".probability" -> "newProbability";
              default -> "newName";
            };
          }
          return rest.equals(".semantic") ? path + ".name" : path + rest;
        }
      } catch (RuntimeException notIndexed) {
        return null;
      }
    }
    return field;
  }

  private static Integer probability(String text, String field, BindingResult errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < 0 || value > 100) {
        errors.rejectValue(field, "admin.pipelines.error.probability");
      }
      return value;
    } catch (NumberFormatException e) {
      errors.rejectValue(field, "admin.pipelines.error.probability");
      return null;
    }
  }

  private static StageSemantic semantic(StageCommand command) {
    return command.semantic() == null ? StageSemantic.OPEN : command.semantic();
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}

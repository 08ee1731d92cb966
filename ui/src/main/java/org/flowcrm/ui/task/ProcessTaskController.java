package org.flowcrm.ui.task;

import io.camunda.client.api.search.response.UserTask;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.signin.SignedInUser;
import org.flowcrm.ui.task.TaskInboxController.Linked;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One process user task {@code /tasks/process/{key}}: its name, process, due date, the lead or deal
 * it is about, for a courier's task the delivery wishes, deadline and documents ({@link
 * CourierDelivery}), and its form; claim (assign to me), unclaim, and complete with the form's
 * variables. Completing is refused unless the task is assigned to the caller, so two people never
 * fill in the same task.
 */
@Controller
class ProcessTaskController {

  static final String VIEW = "task/process-task";

  private final ProcessTasks tasks;
  private final TaskForms forms;
  private final LeadService leads;
  private final DealService deals;

  ProcessTaskController(ProcessTasks tasks, TaskForms forms, LeadService leads, DealService deals) {
    this.tasks = tasks;
    this.forms = forms;
    this.leads = leads;
    this.deals = deals;
  }

  /** A process user task as the pages show it. */
  public record View(
      long key,
      String name,
      String processId,
      String elementId,
      String state,
      String assignee,
      List<String> candidateGroups,
      Instant created,
      Instant due,
      boolean mine,
      boolean open) {

    static View of(UserTask t, String me) {
      return new View(
          t.getUserTaskKey(),
          t.getName() == null || t.getName().isBlank() ? t.getElementId() : t.getName(),
          t.getBpmnProcessId(),
          t.getElementId(),
          t.getState() == null ? "" : t.getState().name(),
          t.getAssignee(),
          t.getCandidateGroups() == null ? List.of() : t.getCandidateGroups(),
          t.getCreationDate() == null ? null : t.getCreationDate().toInstant(),
          t.getDueDate() == null ? null : t.getDueDate().toInstant(),
          Objects.equals(me, t.getAssignee()),
          t.getState() != null && "CREATED".equals(t.getState().name()));
    }

    public boolean overdue() {
      return open && due != null && due.isBefore(Instant.now());
    }
  }

  @GetMapping("/tasks/process/{key}")
  String task(@PathVariable long key, Model model) {
    UserTask task = require(key);
    Optional<TaskForm> form = forms.of(task);
    show(task, form, Map.of(), Map.of(), model);
    return VIEW;
  }

  @PostMapping("/tasks/process/{key}/claim")
  String claim(@PathVariable long key, RedirectAttributes redirect) {
    try {
      tasks.claim(key, SignedInUser.login());
      Flash.success(redirect, "process.task.claimed");
    } catch (ProcessTasks.Refused refused) {
      Flash.error(redirect, "process.task.refused", refused.getMessage());
    }
    return "redirect:/tasks/process/" + key;
  }

  @PostMapping("/tasks/process/{key}/unclaim")
  String unclaim(@PathVariable long key, RedirectAttributes redirect) {
    UserTask task = require(key);
    if (!SignedInUser.login().equals(task.getAssignee())) {
      Flash.error(redirect, "process.task.notMine");
      return "redirect:/tasks/process/" + key;
    }
    try {
      tasks.unclaim(key);
      Flash.success(redirect, "process.task.unclaimed");
    } catch (ProcessTasks.Refused refused) {
      Flash.error(redirect, "process.task.refused", refused.getMessage());
    }
    return "redirect:/tasks/process/" + key;
  }

  @PostMapping("/tasks/process/{key}/complete")
  String complete(
      @PathVariable long key,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    UserTask task = require(key);
    if (!SignedInUser.login().equals(task.getAssignee())) {
      Flash.error(redirect, "process.task.notMine");
      return "redirect:/tasks/process/" + key;
    }
    Optional<TaskForm> form = forms.of(task);
    TaskForm.Submission submission =
        form.map(f -> f.bind(request::getParameter))
            .orElse(new TaskForm.Submission(Map.of(), Map.of(), Map.of()));
    if (!submission.valid()) {
      response.setStatus(422);
      show(task, form, submission.values(), submission.errors(), model);
      return VIEW;
    }
    try {
      tasks.complete(key, submission.variables());
    } catch (ProcessTasks.Refused refused) {
      Flash.error(redirect, "process.task.refused", refused.getMessage());
      return "redirect:/tasks/process/" + key;
    }
    Flash.success(redirect, "process.task.completed", task.getName());
    return "redirect:/tasks?process=mine";
  }

  /** The engine failed while showing a page: the error page, in the engine's words, not a 500. */
  @ExceptionHandler(ProcessTasks.Refused.class)
  String engineFailed(ProcessTasks.Refused refused, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
    model.addAttribute("status", HttpServletResponse.SC_BAD_GATEWAY);
    model.addAttribute("detail", refused.getMessage());
    return "error";
  }

  private UserTask require(long key) {
    return tasks.get(key).orElseThrow(() -> new NotFoundException("User task", key));
  }

  private void show(
      UserTask task,
      Optional<TaskForm> form,
      Map<String, String> values,
      Map<String, String> errors,
      Model model) {
    Optional<Map<String, String>> variables = tasks.variables(task.getUserTaskKey());
    model.addAttribute("task", View.of(task, SignedInUser.login()));
    model.addAttribute("linked", linked(task, variables));
    model.addAttribute("delivery", variables.flatMap(CourierDelivery::of).orElse(null));
    model.addAttribute("form", form.orElse(null));
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
  }

  /**
   * The lead and deal the task is about: the process variables {@code leadId} and {@code dealId};
   * when the engine cannot search variables, the lead or deal that recorded this process instance
   * as driving it (the workers record it through {@code ProcessLinkService}).
   */
  List<Linked> linked(UserTask task, Optional<Map<String, String>> variables) {
    List<Linked> found = new ArrayList<>();
    Long pik = task.getProcessInstanceKey();
    if (variables.isPresent()) {
      id(variables.get().get("leadId")).flatMap(this::lead).ifPresent(found::add);
      id(variables.get().get("dealId")).flatMap(this::deal).ifPresent(found::add);
    }
    if (found.isEmpty() && pik != null) {
      leads.findByProcessInstanceKey(pik).flatMap(l -> lead(l.id())).ifPresent(found::add);
      deals.findByProcessInstanceKey(pik).flatMap(d -> deal(d.id())).ifPresent(found::add);
    }
    return found;
  }

  private Optional<Linked> lead(long id) {
    try {
      var lead = leads.get(id);
      return Optional.of(
          new Linked("task.linked.lead", lead.title(), lead.statusName(), "/leads/" + id));
    } catch (NotFoundException deleted) {
      return Optional.empty();
    }
  }

  private Optional<Linked> deal(long id) {
    try {
      var deal = deals.get(id);
      return Optional.of(
          new Linked("task.linked.deal", deal.title(), deal.stageName(), "/deals/" + id));
    } catch (NotFoundException deleted) {
      return Optional.empty();
    }
  }

  /** A variable's JSON value as an id: {@code 42} or {@code "42"}. */
  private static Optional<Long> id(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(json.replace("\"", "").strip()));
    } catch (NumberFormatException notAnId) {
      return Optional.empty();
    }
  }
}

package org.flowcrm.ui.task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.deal.DealHeadline;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadHeadline;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.task.TaskFilter;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskStatus;
import org.flowcrm.crm.task.TaskView;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.signin.SignedInUser;
import org.flowcrm.ui.timeline.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox {@code /tasks}: the signed-in user's CRM tasks, filtered to open (default),
 * overdue or done; the task page {@code /tasks/{id}} shows the linked lead or deal beside the task
 * and starts, completes or reopens it.
 */
@Controller
class TaskInboxController {

  static final String INBOX_VIEW = "task/inbox";
  static final String TASK_VIEW = "task/task";
  static final int PAGE_SIZE = 25;
  static final List<String> FILTERS = List.of("open", "overdue", "done");

  static final List<String> PROCESS_FILTERS = List.of("mine", "groups", "due");

  private final TaskService tasks;
  private final LeadService leads;
  private final DealService deals;
  private final ProcessTasks processTasks;

  TaskInboxController(
      TaskService tasks, LeadService leads, DealService deals, ProcessTasks processTasks) {
    this.tasks = tasks;
    this.leads = leads;
    this.deals = deals;
    this.processTasks = processTasks;
  }

  @GetMapping("/tasks")
  String inbox(
      @RequestParam(defaultValue = "open") String show,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "mine") String process,
      Model model) {
    String filter = FILTERS.contains(show) ? show : "open";
    String processFilter = PROCESS_FILTERS.contains(process) ? process : "mine";
    processTasks(processFilter, model);
    long me = SignedInUser.id();
    TaskFilter query =
        switch (filter) {
          case "overdue" -> new TaskFilter(null, me, null, true, null, null);
          case "done" -> new TaskFilter(TaskStatus.DONE, me, null, null, null, null);
          default -> new TaskFilter(TaskStatus.OPEN, me, null, null, null, null);
        };
    CursorPage<TaskView> page =
        tasks.list(query, new ListRequest("-id", PAGE_SIZE, Paging.cursor(after)));
    List<Row> rows = linked(page.items());
    model.addAttribute("rows", rows);
    model.addAttribute("show", filter);
    model.addAttribute("filters", FILTERS);
    String path = "/tasks?process=" + processFilter + "&show=" + filter;
    model.addAttribute("firstHref", after == null || after.isBlank() ? "" : path);
    model.addAttribute(
        "nextHref",
        page.nextCursor() == null
            ? ""
            : path
                + "&after="
                + java.net.URLEncoder.encode(
                    page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8));
    return INBOX_VIEW;
  }

  /**
   * The process user tasks of the chosen filter; when the engine is absent or refuses, the page
   * says so and still lists the CRM tasks.
   */
  private void processTasks(String filter, Model model) {
    model.addAttribute("process", filter);
    model.addAttribute("processFilters", PROCESS_FILTERS);
    model.addAttribute("processAvailable", processTasks.available());
    List<ProcessTaskController.View> rows = new ArrayList<>();
    if (processTasks.available()) {
      String me = SignedInUser.login();
      try {
        for (var task :
            processTasks.search(
                ProcessTasks.Filter.valueOf(filter.toUpperCase(java.util.Locale.ROOT)),
                me,
                SignedInUser.groups())) {
          rows.add(ProcessTaskController.View.of(task, me));
        }
      } catch (ProcessTasks.Refused refused) {
        model.addAttribute("processError", refused.getMessage());
      }
    }
    model.addAttribute("processRows", rows);
    model.addAttribute("myGroups", SignedInUser.groups());
  }

  /** A task with what it is about. */
  public record Row(TaskView task, List<Linked> linked) {}

  /** A lead or deal a task is linked to, with the title and where it stands. */
  public record Linked(String kindKey, String title, String state, String href) {}

  /**
   * The tasks with the leads and deals they are linked to: titles and states of all of them in one
   * query per kind (a page of 25 tasks loaded up to 25 deals one by one). A record deleted after
   * the task was made, or one the caller may not read, is left out; the task still stands on its
   * own.
   */
  private List<Row> linked(List<TaskView> tasks) {
    Set<Long> leadIds = new HashSet<>();
    Set<Long> dealIds = new HashSet<>();
    for (TaskView task : tasks) {
      for (ItemLink link : task.links()) {
        if (link.type() == ItemType.LEAD) {
          leadIds.add(link.id());
        } else if (link.type() == ItemType.DEAL) {
          dealIds.add(link.id());
        }
      }
    }
    Map<Long, LeadHeadline> leadHeadlines = leads.headlines(leadIds);
    Map<Long, DealHeadline> dealHeadlines = deals.headlines(dealIds);
    List<Row> rows = new ArrayList<>();
    for (TaskView task : tasks) {
      List<Linked> found = new ArrayList<>();
      for (ItemLink link : task.links()) {
        if (link.type() == ItemType.LEAD && leadHeadlines.containsKey(link.id())) {
          LeadHeadline lead = leadHeadlines.get(link.id());
          found.add(
              new Linked(
                  "task.linked.lead", lead.title(), lead.statusName(), "/leads/" + lead.id()));
        } else if (link.type() == ItemType.DEAL && dealHeadlines.containsKey(link.id())) {
          DealHeadline deal = dealHeadlines.get(link.id());
          found.add(
              new Linked(
                  "task.linked.deal", deal.title(), deal.stageName(), "/deals/" + deal.id()));
        }
      }
      rows.add(new Row(task, found));
    }
    return rows;
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable long id, Model model) {
    TaskView task = tasks.get(id);
    model.addAttribute("task", task);
    model.addAttribute("linked", linked(List.of(task)).get(0).linked());
    return TASK_VIEW;
  }

  @PostMapping("/tasks/{id}/status")
  String changeStatus(
      @PathVariable long id,
      @RequestParam TaskStatus status,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    try {
      tasks.changeStatus(id, status, version);
      Flash.success(redirect, "task.status." + status.name());
    } catch (ConflictException | InvalidFieldException | PreconditionFailedException refused) {
      Flash.error(redirect, "task.status.refused", refused.getMessage());
    }
    return "redirect:/tasks/" + id;
  }
}

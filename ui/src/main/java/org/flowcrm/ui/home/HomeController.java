package org.flowcrm.ui.home;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageTotal;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.task.TaskFilter;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskView;
import org.flowcrm.ui.process.ProcessModels;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page of the signed-in user: his open tasks due today (and those without a deadline), his
 * overdue tasks, his open deals, the default pipeline's funnel and the number of process models.
 */
@Controller
class HomeController {

  static final String VIEW = "home/index";

  /** A home page is a glance, not a list: the newest items of each kind. */
  static final int ITEMS = 10;

  private final ProcessModels processModels;
  private final TaskService tasks;
  private final DealService deals;
  private final PipelineService pipelines;

  HomeController(
      ProcessModels processModels,
      TaskService tasks,
      DealService deals,
      PipelineService pipelines) {
    this.processModels = processModels;
    this.tasks = tasks;
    this.deals = deals;
    this.pipelines = pipelines;
  }

  @GetMapping("/")
  String home(Model model) {
    long me = SignedInUser.id();
    LocalDate today = LocalDate.now();
    ZoneId zone = ZoneId.systemDefault();
    List<TaskView> overdue =
        tasks
            .list(
                new TaskFilter(null, me, null, true, null, null),
                new ListRequest(null, ITEMS, null))
            .items();
    // Open and in-progress tasks of mine due today or undated (overdue ones have their own card).
    List<TaskView> todays =
        tasks.dueBy(me, today.plusDays(1).atStartOfDay(zone).toInstant(), ITEMS);
    List<DealView> myDeals =
        deals
            .list(
                new DealFilter(null, null, me, null, null, false, null, null, null, null, null),
                new ListRequest("-updatedAt", ITEMS, null))
            .items();
    PipelineView pipeline = pipelines.defaultPipeline();
    List<StageTotal> funnel =
        deals.totals(pipeline.id()).stream().filter(t -> t.deals() > 0).toList();
    model.addAttribute("todayTasks", todays);
    model.addAttribute("overdueTasks", overdue);
    model.addAttribute("myDeals", myDeals);
    model.addAttribute("pipeline", pipeline);
    model.addAttribute("funnel", funnel);
    model.addAttribute("processCount", processModels.all().size());
    return VIEW;
  }
}

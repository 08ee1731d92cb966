package org.flowcrm.ui.home;

import org.flowcrm.ui.process.ProcessModels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page. It shows real data only where a feature already provides it (the process models);
 * tasks, overdue items, deals and the funnel show their empty state until their features exist.
 */
@Controller
class HomeController {

  static final String VIEW = "home/index";

  private final ProcessModels processModels;

  HomeController(ProcessModels processModels) {
    this.processModels = processModels;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("processCount", processModels.all().size());
    return VIEW;
  }
}

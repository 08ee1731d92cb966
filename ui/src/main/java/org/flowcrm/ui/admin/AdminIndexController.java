package org.flowcrm.ui.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin}: links to every administration page, those of part 2 (pipelines, custom fields,
 * mail templates, web forms) included. The mailbox is linked only while the mail catcher runs.
 */
@Controller
class AdminIndexController {

  static final String INDEX_VIEW = "admin/index";

  @GetMapping("/admin")
  String index() {
    return INDEX_VIEW;
  }
}

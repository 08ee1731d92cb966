package org.flowcrm.ui.admin;

import com.icegreen.greenmail.util.GreenMail;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * On every page: whether to show the "Administration" menu entry (administrators only) and whether
 * the embedded mail catcher runs (its inbox is linked from the admin index only then).
 */
@ControllerAdvice(basePackages = "org.flowcrm.ui")
class AdministrationMenu {

  private final ObjectProvider<GreenMail> mailCatcher;

  AdministrationMenu(ObjectProvider<GreenMail> mailCatcher) {
    this.mailCatcher = mailCatcher;
  }

  @ModelAttribute
  void menu(Model model) {
    boolean administrator = SignedInUser.administrator();
    model.addAttribute("showAdministration", administrator);
    model.addAttribute("mailCatcherRunning", administrator && mailCatcher.getIfAvailable() != null);
  }
}

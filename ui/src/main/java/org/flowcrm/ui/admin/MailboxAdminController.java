package org.flowcrm.ui.admin;

import com.icegreen.greenmail.util.GreenMail;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embedded mail catcher's inbox ({@code /admin/mailbox}): every mail the CRM sent while no real
 * SMTP server is configured, newest first, and one mail ({@code /admin/mailbox/mail?id=}) with its
 * text, or its HTML in a sandboxed frame (no scripts, no same-origin access; the page's content
 * security policy applies inside as well). Without the catcher (a real server configured) the pages
 * are 404 and not linked.
 */
@Controller
class MailboxAdminController {

  static final String INBOX_VIEW = "admin/mailbox";
  static final String MAIL_VIEW = "admin/mail";

  private final ObjectProvider<GreenMail> catcher;

  MailboxAdminController(ObjectProvider<GreenMail> catcher) {
    this.catcher = catcher;
  }

  @GetMapping("/admin/mailbox")
  String inbox(Model model) {
    model.addAttribute("mails", CaughtMails.list(running()));
    return INBOX_VIEW;
  }

  @GetMapping("/admin/mailbox/mail")
  String mail(@RequestParam String id, Model model) {
    model.addAttribute(
        "mail",
        CaughtMails.find(running(), id).orElseThrow(() -> new NotFoundException("Mail", id)));
    return MAIL_VIEW;
  }

  private GreenMail running() {
    GreenMail greenMail = catcher.getIfAvailable();
    if (greenMail == null) {
      throw new NotFoundException("Mail catcher", "embedded");
    }
    return greenMail;
  }
}

package org.flowcrm.ui.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page. Spring Security processes the form ({@code POST /login}) and redirects back here
 * with {@code ?error} after a failure, leaving the exception in the session: a {@link
 * LockedException} means the throttle locked the user after too many failures.
 */
@Controller
class SignInController {

  static final String PATH = "/login";
  static final String VIEW = "signin/login";

  @GetMapping(PATH)
  String login(HttpServletRequest request, Model model) {
    String problem = null;
    if (request.getParameter("error") != null) {
      HttpSession session = request.getSession(false);
      Object failure =
          session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      problem = failure instanceof LockedException ? "signin.locked" : "signin.failed";
    }
    model.addAttribute("problemKey", problem);
    model.addAttribute("loggedOut", request.getParameter("logout") != null);
    return VIEW;
  }
}

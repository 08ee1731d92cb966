package org.flowcrm.ui.layout;

import jakarta.servlet.http.HttpServletResponse;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A record that does not exist is the error page with 404, a refused permission the one with 403,
 * not the API's JSON problem (crm-api's handler only covers its own controllers).
 */
@ControllerAdvice(basePackages = "org.flowcrm.ui")
class PageExceptions {

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("status", 404);
    return "error";
  }

  /** The caller's role does not allow it: the error page with 403 and what is missing. */
  @ExceptionHandler(ForbiddenException.class)
  String forbidden(ForbiddenException e, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("status", 403);
    model.addAttribute("detail", e.getMessage());
    return "error";
  }
}

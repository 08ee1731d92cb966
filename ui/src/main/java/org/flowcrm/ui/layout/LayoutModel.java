package org.flowcrm.ui.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.flowcrm.crm.permission.AccessPolicy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page. The CSRF token is read from the request attribute that
 * Spring Security sets ({@code _csrf}), so the layout can render it as a meta tag for htmx and
 * {@code fetch} and as a hidden field in forms; the signed-in user's login for the header, and what
 * his roles allow ({@link Allowed}) so pages leave out what he could not use.
 */
@ControllerAdvice
class LayoutModel {

  static final String CSRF_REQUEST_ATTRIBUTE = "_csrf";

  private final Formats formats;
  private final AccessPolicy policy;

  LayoutModel(Formats formats, AccessPolicy policy) {
    this.formats = formats;
    this.policy = policy;
  }

  @ModelAttribute
  void layout(HttpServletRequest request, Model model) {
    model.addAttribute("fmt", formats);
    Object csrf = request.getAttribute(CSRF_REQUEST_ATTRIBUTE);
    if (csrf != null) {
      model.addAttribute("csrf", csrf);
    }
    if (request.getUserPrincipal() != null) {
      model.addAttribute("signedInAs", request.getUserPrincipal().getName());
      model.addAttribute("allowed", new Allowed(policy));
    }
  }
}

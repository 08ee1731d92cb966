package org.flowcrm.ui.apitoken;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import org.flowcrm.crm.apitoken.ApiTokenCommand;
import org.flowcrm.crm.apitoken.ApiTokenService;
import org.flowcrm.crm.apitoken.ApiTokenView;
import org.flowcrm.crm.apitoken.CreatedApiToken;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/api-tokens}: every signed-in user's own API tokens (name, first characters,
 * created, expires, last used, revoked), a form for a new one, and revoke; administrators also see
 * every user's tokens and may revoke them. crm-api's {@link ApiTokenService} decides who may do
 * what; the page only leaves out what it would refuse.
 */
@Controller
class ApiTokenPagesController {

  static final String VIEW = "apitoken/tokens";
  static final String PATH = "/account/api-tokens";

  private final ApiTokenService tokens;

  ApiTokenPagesController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping(PATH)
  String list(Model model) {
    model.addAttribute("token", new ApiTokenForm());
    return page(model);
  }

  /**
   * Creates the token and answers with the page that shows its secret, instead of redirecting: the
   * secret then exists only in this one response (not in the session as a flash attribute would
   * keep it), and {@code no-store} keeps it out of the browser's cache and back button.
   */
  @PostMapping(PATH)
  String create(
      @ModelAttribute("token") ApiTokenForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response) {
    if (form.getName() == null || form.getName().isBlank()) {
      errors.rejectValue("name", "apiToken.field.required");
    }
    Instant expiresAt = form.expiresAt(errors);
    if (errors.hasErrors()) {
      return page(model);
    }
    CreatedApiToken created;
    try {
      created = tokens.create(new ApiTokenCommand(form.getName().strip(), expiresAt, null));
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, Map.of("expiresAt", "expiresOn"))) {
        return page(model);
      }
      throw refused;
    }
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("created", created);
    model.addAttribute("token", new ApiTokenForm());
    return page(model);
  }

  @PostMapping(PATH + "/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    ApiTokenView revoked = tokens.revoke(id);
    Flash.success(redirect, "apiToken.revoked", revoked.name(), revoked.userLogin());
    return "redirect:" + PATH;
  }

  private String page(Model model) {
    model.addAttribute("mine", tokens.mine());
    boolean administrator = SignedInUser.administrator();
    model.addAttribute("administrator", administrator);
    if (administrator) {
      model.addAttribute("everyone", tokens.all());
    }
    return VIEW;
  }
}

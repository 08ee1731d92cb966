package org.flowcrm.ui.layout;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Test-only page for the form macro library: validates by hand, redirects with a flash. */
@Controller
class FormsFixtureController {

  static final String VIEW = "test/forms";

  /** The form object; a plain bean because {@code spring.bind} reads properties. */
  public static class Signup {
    private String name = "";
    private String email = "";
    private String note = "";
    private String source = "WEB";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }

    public String getSource() {
      return source;
    }

    public void setSource(String source) {
      this.source = source;
    }
  }

  @GetMapping("/test/forms")
  String form(Model model) {
    model.addAttribute("signup", new Signup());
    return VIEW;
  }

  @PostMapping("/test/forms")
  String submit(
      @ModelAttribute("signup") Signup signup, BindingResult errors, RedirectAttributes redirect) {
    if (signup.getName() == null || signup.getName().isBlank()) {
      errors.rejectValue("name", "test.required", "Enter a name.");
    }
    if (signup.getEmail() == null || !signup.getEmail().contains("@")) {
      errors.rejectValue("email", "test.email", "Enter an e-mail address like anna@example.com.");
    }
    if (errors.hasErrors()) {
      return VIEW;
    }
    Flash.success(redirect, "test.forms.saved", signup.getName());
    return "redirect:/test/forms";
  }
}

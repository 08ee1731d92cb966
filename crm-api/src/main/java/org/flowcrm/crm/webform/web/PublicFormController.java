package org.flowcrm.crm.webform.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.webform.FormInput;
import org.flowcrm.crm.webform.SubmissionRateLimiter;
import org.flowcrm.crm.webform.SubmissionRejected;
import org.flowcrm.crm.webform.SuspectedSpam;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.crm.webform.WebFormView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of web forms, open without signing in: a small standalone HTML page (it must work
 * inside an iframe on any website, so it has no layout, scripts or assets of the CRM) and the
 * submission. Nothing here reveals an internal id: the token is the form's only name. Clients that
 * ask for JSON ({@code Accept: application/json}) get problem details instead of pages.
 */
@RestController
class PublicFormController {

  /** Bots fill every input; people never see this one. */
  static final String HONEYPOT = "website";

  private final WebFormService forms;
  private final SubmissionRateLimiter rateLimiter;
  private final SuspectedSpam spam;
  private final long maxBodyBytes;

  PublicFormController(
      WebFormService forms,
      SubmissionRateLimiter rateLimiter,
      SuspectedSpam spam,
      @Value("${flowcrm.web-forms.max-body-bytes:32768}") long maxBodyBytes) {
    this.forms = forms;
    this.rateLimiter = rateLimiter;
    this.spam = spam;
    this.maxBodyBytes = maxBodyBytes;
  }

  @GetMapping(value = "/public/forms/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(@PathVariable String token) {
    Optional<WebFormView> form = forms.findPublic(token);
    if (form.isEmpty()) {
      return html(
          HttpStatus.NOT_FOUND, page("Form not available", "<p>This form is not available.</p>"));
    }
    return html(
        HttpStatus.OK,
        render(form.get(), forms.inputs(form.get()), Map.of(), List.of(), shown(token)));
  }

  @PostMapping(
      value = "/public/forms/{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> submit(
      @PathVariable String token,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request) {
    boolean json = wantsJson(request);
    if (request.getContentLengthLong() > maxBodyBytes) {
      return problem(
          json,
          HttpStatus.CONTENT_TOO_LARGE,
          "The submission is larger than " + maxBodyBytes / 1024 + " KB.",
          List.of());
    }
    Optional<WebFormView> found = forms.findPublic(token);
    if (found.isEmpty()) {
      return problem(json, HttpStatus.NOT_FOUND, "This form is not available.", List.of());
    }
    WebFormView form = found.get();
    if (!rateLimiter.tryAcquire(request.getRemoteAddr())) {
      return problem(
          json,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many submissions from your address; try again in a minute.",
          List.of());
    }
    Map<String, String> values = new HashMap<>();
    params.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(0)));
    String honeypot = values.get(HONEYPOT);
    if (honeypot != null && !honeypot.isBlank()) {
      // Answer as if it worked, so the bot learns nothing; create nothing.
      return done(json, form);
    }
    try {
      // held or created, the visitor (perhaps a bot) is thanked alike
      forms.submit(token, values, request.getRemoteAddr());
    } catch (SubmissionRejected rejected) {
      if (json) {
        return problem(true, HttpStatus.BAD_REQUEST, rejected.getMessage(), rejected.problems());
      }
      // the form shown again keeps the time it was first shown: filling it took that long
      String shown = values.getOrDefault(SuspectedSpam.SHOWN, shown(token));
      return html(
          HttpStatus.BAD_REQUEST,
          render(form, forms.inputs(form), values, rejected.problems(), shown));
    }
    return done(json, form);
  }

  private String shown(String token) {
    return spam.stamp(token, Instant.now());
  }

  private ResponseEntity<?> done(boolean json, WebFormView form) {
    if (form.redirectUrl() != null) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .location(URI.create(form.redirectUrl()))
          .build();
    }
    String message =
        form.thankYouMessage() == null
            ? "Thank you! We will get back to you soon."
            : form.thankYouMessage();
    if (json) {
      return ResponseEntity.ok(Map.of("message", message));
    }
    return html(
        HttpStatus.OK, page(form.name(), "<p class=\"done\">" + htmlEscape(message) + "</p>"));
  }

  private static ResponseEntity<?> problem(
      boolean json, HttpStatus status, String detail, List<FieldProblem> errors) {
    if (!json) {
      return html(status, page("Not sent", "<p class=\"error\">" + htmlEscape(detail) + "</p>"));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }

  static String render(
      WebFormView form,
      List<FormInput> inputs,
      Map<String, String> values,
      List<FieldProblem> problems,
      String shown) {
    Map<String, String> errors = new HashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
    StringBuilder body = new StringBuilder();
    body.append("<h1>")
        .append(htmlEscape(form.heading() == null ? form.name() : form.heading()))
        .append("</h1>");
    if (!problems.isEmpty()) {
      body.append("<div class=\"error\" role=\"alert\" aria-live=\"assertive\"><ul>");
      problems.forEach(p -> body.append("<li>").append(htmlEscape(p.message())).append("</li>"));
      body.append("</ul></div>");
    }
    body.append("<form method=\"post\" accept-charset=\"UTF-8\" novalidate>");
    body.append("<input type=\"hidden\" name=\"")
        .append(SuspectedSpam.SHOWN)
        .append("\" value=\"")
        .append(htmlEscape(shown))
        .append("\">");
    for (FormInput input : inputs) {
      String name = input.name();
      String id = "f-" + name.replace('.', '-');
      String value = values.getOrDefault(name, "");
      String error = errors.get(name);
      body.append("<p><label for=\"").append(id).append("\">").append(htmlEscape(input.label()));
      if (input.required()) {
        body.append(" <span aria-hidden=\"true\">*</span>");
      }
      body.append("</label>");
      String common =
          " id=\""
              + id
              + "\" name=\""
              + htmlEscape(name)
              + "\""
              + (input.required() ? " required aria-required=\"true\"" : "")
              + (error != null
                  ? " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\""
                  : "");
      String maxLength = " maxlength=\"" + input.maxLength() + "\"";
      switch (input.type()) {
        case "textarea" ->
            body.append("<textarea")
                .append(common)
                .append(maxLength)
                .append(" rows=\"5\">")
                .append(htmlEscape(value))
                .append("</textarea>");
        case "select" -> {
          body.append("<select").append(common).append("><option value=\"\"></option>");
          for (String option : input.options()) {
            body.append("<option")
                .append(option.equals(value) ? " selected" : "")
                .append(">")
                .append(htmlEscape(option))
                .append("</option>");
          }
          body.append("</select>");
        }
        case "checkbox" ->
            body.append("<input type=\"checkbox\" value=\"true\"")
                .append(common)
                .append(value.isEmpty() ? "" : " checked")
                .append(">");
        default ->
            body.append("<input type=\"")
                .append(input.type())
                .append("\"")
                .append(common)
                .append(maxLength)
                .append(input.type().equals("number") ? " step=\"any\"" : "")
                .append(
                    input.placeholder() == null
                        ? ""
                        : " placeholder=\"" + htmlEscape(input.placeholder()) + "\"")
                .append(" value=\"")
                .append(htmlEscape(value))
                .append("\">");
      }
      if (error != null) {
        body.append("<span class=\"field-error\" id=\"")
            .append(id)
            .append("-error\">")
            .append(htmlEscape(error))
            .append("</span>");
      }
      body.append("</p>");
    }
    body.append(
            "<p class=\"hp\" aria-hidden=\"true\"><label>Leave this empty <input type=\"text\" name=\"")
        .append(HONEYPOT)
        .append("\" tabindex=\"-1\" autocomplete=\"off\"></label></p>");
    if (form.consentText() != null && !form.consentText().isBlank()) {
      body.append("<p><label><input type=\"checkbox\" name=\"consent\" value=\"yes\" required> ")
          .append(htmlEscape(form.consentText()))
          .append("</label>");
      if (errors.containsKey("consent")) {
        body.append(" <span class=\"field-error\">")
            .append(htmlEscape(errors.get("consent")))
            .append("</span>");
      }
      body.append("</p>");
    }
    // The colour passed WebFormCommand's #rrggbb pattern, so it cannot break out of the attribute.
    body.append("<p><button type=\"submit\" style=\"background:")
        .append(htmlEscape(form.buttonColor()))
        .append("\">")
        .append(htmlEscape(form.buttonText()))
        .append("</button></p></form>");
    return page(form.name(), body.toString());
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + htmlEscape(title)
        + "</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:1rem;max-width:32rem;color:#222}"
        + "label{display:block;font-weight:600;margin-bottom:.25rem}"
        + "input,textarea,select{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}"
        + "input[type=checkbox]{width:auto}"
        + "button{color:#fff;border:0;padding:.6rem 1.4rem;font:inherit;border-radius:4px;cursor:pointer}"
        + ".error,.field-error{color:#b00020}.hp{position:absolute;left:-10000px}"
        + "</style></head><body>"
        + body
        + "</body></html>";
  }
}

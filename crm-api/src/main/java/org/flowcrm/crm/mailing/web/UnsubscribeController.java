package org.flowcrm.crm.mailing.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.flowcrm.crm.mailing.MailingService;
import org.flowcrm.crm.mailing.MailingService.Unsubscription;
import org.flowcrm.crm.webform.SubmissionRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unsubscribe link of a mailing's mail, open without signing in: the token is the recipient's
 * only name, no internal id shows. Opening the link asks (mail scanners open every link, and must
 * not unsubscribe anyone); the button, or a mail program's one-click POST (RFC 8058), opts out.
 * Rate limited per address like web form submissions, so tokens cannot be tried in bulk.
 */
@RestController
class UnsubscribeController {

  private final MailingService mailings;
  private final SubmissionRateLimiter rateLimiter;

  UnsubscribeController(MailingService mailings, SubmissionRateLimiter rateLimiter) {
    this.mailings = mailings;
    this.rateLimiter = rateLimiter;
  }

  @GetMapping(value = "/api/v1/public/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> ask(@PathVariable String token, HttpServletRequest request) {
    if (!rateLimiter.tryAcquire(request.getRemoteAddr())) {
      return tooMany();
    }
    Optional<Unsubscription> found = mailings.unsubscription(token);
    if (found.isEmpty()) {
      return unknown();
    }
    if (found.get().optedOut()) {
      return html(HttpStatus.OK, done(found.get()));
    }
    return html(
        HttpStatus.OK,
        page(
            "Unsubscribe",
            "<p>Stop mails from our mailings to <strong>"
                + htmlEscape(found.get().maskedEmail())
                + "</strong>?</p><form method=\"post\"><button type=\"submit\" id=\"unsubscribe\">"
                + "Unsubscribe</button></form>"));
  }

  @PostMapping(value = "/api/v1/public/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> unsubscribe(@PathVariable String token, HttpServletRequest request) {
    if (!rateLimiter.tryAcquire(request.getRemoteAddr())) {
      return tooMany();
    }
    if (!mailings.unsubscribe(token)) {
      return unknown();
    }
    return html(HttpStatus.OK, done(mailings.unsubscription(token).orElseThrow()));
  }

  private static String done(Unsubscription unsubscription) {
    return page(
        "Unsubscribed",
        "<p class=\"done\">"
            + htmlEscape(unsubscription.maskedEmail())
            + " will get no more mails from our mailings.</p>");
  }

  private static ResponseEntity<String> unknown() {
    return html(
        HttpStatus.NOT_FOUND,
        page("Link not valid", "<p>This unsubscribe link is not valid (any more).</p>"));
  }

  private static ResponseEntity<String> tooMany() {
    return html(
        HttpStatus.TOO_MANY_REQUESTS,
        page(
            "Try again later",
            "<p>Too many requests from your address; try again in a minute.</p>"));
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(body);
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + htmlEscape(title)
        + "</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
        + "padding:0 1rem}button{padding:.5rem 1rem}</style></head><body><h1>"
        + htmlEscape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }
}

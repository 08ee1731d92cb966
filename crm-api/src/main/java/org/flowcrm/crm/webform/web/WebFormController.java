package org.flowcrm.crm.webform.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.webform.AcceptedSubmission;
import org.flowcrm.crm.webform.HeldSubmissionView;
import org.flowcrm.crm.webform.SubmissionReview;
import org.flowcrm.crm.webform.WebFormCommand;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.crm.webform.WebFormView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Administration of web forms. Every answer carries the form's absolute public URL and the iframe
 * snippet to paste into another website. {@code /held} is the review queue of submissions held as
 * suspected spam.
 */
@RestController
@RequestMapping("/api/v1/web-forms")
class WebFormController {

  private final WebFormService forms;
  private final SubmissionReview review;

  WebFormController(WebFormService forms, SubmissionReview review) {
    this.forms = forms;
    this.review = review;
  }

  @GetMapping
  List<WebFormView> list() {
    String base = base();
    return forms.list().stream().map(f -> f.at(base)).toList();
  }

  @PostMapping
  ResponseEntity<WebFormView> create(@Valid @RequestBody WebFormCommand command) {
    WebFormView form = forms.create(command).at(base());
    return ResponseEntity.created(URI.create("/api/v1/web-forms/" + form.id()))
        .eTag(ETags.of(form.version()))
        .body(form);
  }

  @GetMapping("/{id}")
  ResponseEntity<WebFormView> get(@PathVariable long id) {
    WebFormView form = forms.get(id).at(base());
    return ResponseEntity.ok().eTag(ETags.of(form.version())).body(form);
  }

  @PutMapping("/{id}")
  ResponseEntity<WebFormView> update(
      @PathVariable long id,
      @Valid @RequestBody WebFormCommand command,
      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
    WebFormView form = forms.update(id, command, ETags.expectedVersion(ifMatch, true)).at(base());
    return ResponseEntity.ok().eTag(ETags.of(form.version())).body(form);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
    forms.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  /** The review queue: submissions held as suspected spam, of every form or of {@code formId}. */
  @GetMapping("/held")
  List<HeldSubmissionView> held(@RequestParam(required = false) Long formId) {
    return review.held(formId);
  }

  /** Creates what the held submission's form creates, and starts its process. */
  @PostMapping("/held/{id}/accept")
  AcceptedSubmission accept(@PathVariable long id) {
    return review.accept(id);
  }

  /** Rejects (deletes) a held submission. */
  @DeleteMapping("/held/{id}")
  ResponseEntity<Void> reject(@PathVariable long id) {
    review.reject(id);
    return ResponseEntity.noContent().build();
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}

package org.flowcrm.crm.mail.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.mail.MailTemplateCommand;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mail.MailTemplateView;
import org.flowcrm.crm.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mail templates, editable at runtime. */
@RestController
@RequestMapping("/api/v1/mail-templates")
class MailTemplateController {

  private final MailTemplateService templates;

  MailTemplateController(MailTemplateService templates) {
    this.templates = templates;
  }

  @GetMapping
  List<MailTemplateView> list() {
    return templates.list();
  }

  @GetMapping("/{id}")
  ResponseEntity<MailTemplateView> get(@PathVariable long id) {
    return withETag(templates.get(id));
  }

  @PostMapping
  ResponseEntity<MailTemplateView> create(@Valid @RequestBody MailTemplateCommand command) {
    MailTemplateView created = templates.create(command);
    return ResponseEntity.created(URI.create("/api/v1/mail-templates/" + created.id()))
        .eTag(ETags.of(created.version()))
        .body(created);
  }

  @PutMapping("/{id}")
  ResponseEntity<MailTemplateView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody MailTemplateCommand command) {
    return withETag(templates.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    templates.delete(id, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<MailTemplateView> withETag(MailTemplateView template) {
    return ResponseEntity.ok().eTag(ETags.of(template.version())).body(template);
  }
}

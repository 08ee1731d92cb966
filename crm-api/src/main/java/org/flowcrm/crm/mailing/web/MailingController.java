package org.flowcrm.crm.mailing.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.mailing.MailingCommand;
import org.flowcrm.crm.mailing.MailingService;
import org.flowcrm.crm.mailing.MailingView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group mailings: start one (202, it runs in the background), follow its progress, list one's own.
 */
@RestController
@RequestMapping("/api/v1/mailings")
class MailingController {

  private final MailingService mailings;

  MailingController(MailingService mailings) {
    this.mailings = mailings;
  }

  @PostMapping
  ResponseEntity<MailingView> start(@Valid @RequestBody MailingCommand command) {
    MailingView mailing = mailings.start(command);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/mailings/" + mailing.id()))
        .body(mailing);
  }

  @GetMapping("/{id}")
  MailingView get(@PathVariable long id) {
    return mailings.get(id);
  }

  @GetMapping
  List<MailingView> list() {
    return mailings.list();
  }
}

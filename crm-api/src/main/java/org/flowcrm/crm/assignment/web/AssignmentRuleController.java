package org.flowcrm.crm.assignment.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.assignment.AssignmentRuleCommand;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.assignment.AssignmentRuleView;
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

@RestController
@RequestMapping("/api/v1/assignment-rules")
class AssignmentRuleController {

  private final AssignmentRuleService rules;

  AssignmentRuleController(AssignmentRuleService rules) {
    this.rules = rules;
  }

  @GetMapping
  List<AssignmentRuleView> list() {
    return rules.list();
  }

  @GetMapping("/{id}")
  ResponseEntity<AssignmentRuleView> get(@PathVariable long id) {
    AssignmentRuleView rule = rules.get(id);
    return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(rule);
  }

  @PostMapping
  ResponseEntity<AssignmentRuleView> create(@Valid @RequestBody AssignmentRuleCommand command) {
    AssignmentRuleView rule = rules.create(command);
    return ResponseEntity.created(URI.create("/api/v1/assignment-rules/" + rule.id()))
        .eTag(ETags.of(rule.version()))
        .body(rule);
  }

  @PutMapping("/{id}")
  ResponseEntity<AssignmentRuleView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody AssignmentRuleCommand command) {
    AssignmentRuleView rule = rules.update(id, command, ETags.expectedVersion(ifMatch, true));
    return ResponseEntity.ok().eTag(ETags.of(rule.version())).body(rule);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    rules.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }
}

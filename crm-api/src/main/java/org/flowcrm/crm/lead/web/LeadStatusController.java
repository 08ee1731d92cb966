package org.flowcrm.crm.lead.web;

import jakarta.validation.Valid;
import java.util.List;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadStatusCommand;
import org.flowcrm.crm.lead.LeadStatusView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/lead-statuses")
class LeadStatusController {

  private final LeadService leads;

  LeadStatusController(LeadService leads) {
    this.leads = leads;
  }

  @GetMapping
  List<LeadStatusView> list() {
    return leads.statuses();
  }

  @PostMapping
  ResponseEntity<LeadStatusView> create(@Valid @RequestBody LeadStatusCommand command) {
    return ResponseEntity.status(201).body(leads.createStatus(command));
  }

  @PutMapping("/{code}")
  LeadStatusView rename(@PathVariable String code, @Valid @RequestBody LeadStatusCommand command) {
    return leads.renameStatus(code, command);
  }
}

package org.flowcrm.crm.merge.web;

import jakarta.validation.Valid;
import org.flowcrm.crm.merge.MergeCommand;
import org.flowcrm.crm.merge.MergeService;
import org.flowcrm.crm.merge.MergeService.MergeResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merges a duplicate into the record addressed by the path, which is kept; the duplicate is
 * deleted. Answers the kept record as it is now and how many linked rows moved, per table.
 */
@RestController
class MergeController {

  private final MergeService merges;

  MergeController(MergeService merges) {
    this.merges = merges;
  }

  @PostMapping("/api/v1/contacts/{id}/merge")
  MergeResult contacts(@PathVariable long id, @Valid @RequestBody MergeCommand command) {
    return merges.mergeContacts(id, command);
  }

  @PostMapping("/api/v1/companies/{id}/merge")
  MergeResult companies(@PathVariable long id, @Valid @RequestBody MergeCommand command) {
    return merges.mergeCompanies(id, command);
  }

  @PostMapping("/api/v1/leads/{id}/merge")
  MergeResult leads(@PathVariable long id, @Valid @RequestBody MergeCommand command) {
    return merges.mergeLeads(id, command);
  }
}

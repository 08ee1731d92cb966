package org.flowcrm.crm.task.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.task.BulkTaskService;
import org.flowcrm.crm.task.BulkTaskService.Selection;
import org.flowcrm.crm.task.TaskCommand;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/tasks/for-records}: one task per lead, deal, contact or company the caller
 * may change, linked to it, in one transaction; the answer counts the created ones ({@code done})
 * and the skipped ones ({@code refused}, with why). Unlike {@code POST /api/v1/tasks/bulk}, which
 * links one task template to any existing items, every record is permission-checked.
 */
@RestController
class BulkTaskController {

  private final BulkTaskService bulkTasks;

  BulkTaskController(BulkTaskService bulkTasks) {
    this.bulkTasks = bulkTasks;
  }

  /** The kind of the records, their ids and the task to start for each. */
  record ForRecords(
      @NotNull ItemType itemType,
      @NotEmpty @Size(max = BulkCommand.MAX_IDS) List<@NotNull Long> ids,
      @NotNull @Valid TaskCommand task) {}

  @PostMapping("/api/v1/tasks/for-records")
  BulkResult start(@Valid @RequestBody ForRecords request) {
    return switch (request.itemType()) {
      case LEAD -> bulkTasks.forLeads(new Selection<>(request.ids(), null), request.task());
      case DEAL -> bulkTasks.forDeals(new Selection<>(request.ids(), null), request.task());
      case CONTACT -> bulkTasks.forContacts(new Selection<>(request.ids(), null), request.task());
      case COMPANY -> bulkTasks.forCompanies(new Selection<>(request.ids(), null), request.task());
      default ->
          throw new BadParameterException(
              "itemType", "tasks are started in bulk for LEAD, DEAL, CONTACT or COMPANY");
    };
  }
}

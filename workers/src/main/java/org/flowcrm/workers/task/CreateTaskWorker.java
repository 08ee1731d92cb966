package org.flowcrm.workers.task;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#CREATE_TASK}: creates a CRM task through {@code TaskService.createForProcess},
 * which is idempotent per process step (process instance key + element id), so a redelivered job
 * returns the task created the first time. For a deal the task links the deal, its contacts and
 * company, and its deadline is the deal's expected close date. The CRM's tasks have no candidate
 * group, so {@code candidateGroup} goes into the description.
 */
@Component
public class CreateTaskWorker {

  /** The job's input variables. */
  public record Input(
      String entityType, Long entityId, String taskKind, String title, String candidateGroup) {}

  private final TaskService tasks;
  private final DealService deals;
  private final ProcessPositions positions;

  public CreateTaskWorker(TaskService tasks, DealService deals, ProcessPositions positions) {
    this.tasks = tasks;
    this.deals = deals;
    this.positions = positions;
  }

  @JobWorker(type = JobTypes.CREATE_TASK)
  public Map<String, Object> createTask(ActivatedJob job, @VariablesAsType Input in) {
    positions.at(job, in.entityType(), in.entityId());
    List<ItemLink> links = new ArrayList<>();
    StringBuilder description = new StringBuilder();
    if (in.taskKind() != null) {
      description.append("Kind: ").append(in.taskKind()).append('\n');
    }
    if (in.candidateGroup() != null) {
      description.append("Candidate group: ").append(in.candidateGroup()).append('\n');
    }
    java.time.Instant deadline = null;
    if (JobTypes.Values.DEAL.equals(in.entityType())) {
      DealView deal = deals.get(in.entityId());
      links.add(new ItemLink(ItemType.DEAL, deal.id()));
      deal.contactIds().forEach(id -> links.add(new ItemLink(ItemType.CONTACT, id)));
      if (deal.companyId() != null) {
        links.add(new ItemLink(ItemType.COMPANY, deal.companyId()));
      }
      description.append("Deal: ").append(deal.title());
      if (deal.amount() != null) {
        description.append(", ").append(deal.amount()).append(' ').append(deal.currency());
      }
      description.append('\n');
      if (deal.expectedCloseDate() != null) {
        deadline = deal.expectedCloseDate().atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    } else if (JobTypes.Values.LEAD.equals(in.entityType())) {
      links.add(new ItemLink(ItemType.LEAD, in.entityId()));
    }
    TaskCommand command =
        new TaskCommand(in.title(), description.toString(), null, deadline, List.of(), links);
    long taskId =
        tasks.createForProcess(command, job.getProcessInstanceKey(), job.getElementId()).id();
    return Map.of(JobTypes.Variables.TASK_ID, taskId);
  }
}

package org.flowcrm.workers.status;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#CHANGE_STATUS}: sets a lead's status ({@code LeadService.changeStatus}) or moves
 * a deal to a stage ({@code DealService.moveToStage}). Idempotent by entity + status: a record that
 * already has the status is left alone, so a redelivered job changes nothing. The optional {@code
 * reason} is written as a comment on the record, only when the status actually changed.
 */
@Component
public class ChangeStatusWorker {

  /** The job's input variables. */
  public record Input(String entityType, Long entityId, String status, String reason) {}

  private final LeadService leads;
  private final DealService deals;
  private final ProcessPositions positions;

  public ChangeStatusWorker(LeadService leads, DealService deals, ProcessPositions positions) {
    this.leads = leads;
    this.deals = deals;
    this.positions = positions;
  }

  /** Records the milestone the process reached on the record, then changes its status. */
  @JobWorker(type = JobTypes.CHANGE_STATUS)
  public void changeStatus(@VariablesAsType Input in, ActivatedJob job) {
    positions.at(job, in.entityType(), in.entityId());
    changeStatus(in);
  }

  public void changeStatus(Input in) {
    switch (in.entityType()) {
      case JobTypes.Values.LEAD -> changeLead(in);
      case JobTypes.Values.DEAL -> moveDeal(in);
      default ->
          throw new IllegalArgumentException(
              "crm.change-status: unknown entityType " + in.entityType());
    }
  }

  private void changeLead(Input in) {
    LeadView lead = leads.get(in.entityId());
    if (in.status().equals(lead.status())) {
      return;
    }
    leads.changeStatus(in.entityId(), in.status(), null);
    if (hasText(in.reason())) {
      leads.addComment(in.entityId(), in.status() + ": " + in.reason());
    }
  }

  private void moveDeal(Input in) {
    DealView deal = deals.get(in.entityId());
    if (in.status().equals(deal.stageCode())) {
      return;
    }
    deals.moveToStage(in.entityId(), in.status());
    if (hasText(in.reason())) {
      deals.addComment(in.entityId(), in.status() + ": " + in.reason());
    }
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}

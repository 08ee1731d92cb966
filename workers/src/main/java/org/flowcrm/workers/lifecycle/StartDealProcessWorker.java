package org.flowcrm.workers.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.processes.ProcessIds;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#START_DEAL_PROCESS}: starts {@link ProcessIds#DEAL_EXECUTION} for the deal a
 * conversion created and records it on the deal, idempotent by deal (see {@link DealExecution}).
 */
@Component
public class StartDealProcessWorker {

  /** The job's input variables. */
  public record Input(Long dealId, String responsibleUser) {}

  private final DealExecution execution;
  private final DealService deals;
  private final ProcessPositions positions;

  public StartDealProcessWorker(
      DealExecution execution, DealService deals, ProcessPositions positions) {
    this.execution = execution;
    this.deals = deals;
    this.positions = positions;
  }

  @JobWorker(type = JobTypes.START_DEAL_PROCESS)
  public void startDealProcess(@VariablesAsType Input in, ActivatedJob job) {
    if (in.dealId() == null) {
      throw new IllegalArgumentException("crm.start-deal-process: dealId is missing");
    }
    positions.at(job, JobTypes.Values.LEAD, sourceLead(in.dealId()));
    execution.start(in.dealId(), in.responsibleUser());
  }

  /** The lead the deal was converted from, whose process runs this job. */
  private Long sourceLead(long dealId) {
    return deals.get(dealId).sourceLeadId();
  }
}

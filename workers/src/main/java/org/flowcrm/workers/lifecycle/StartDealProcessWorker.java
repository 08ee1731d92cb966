package org.flowcrm.workers.lifecycle;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.processes.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#START_DEAL_PROCESS}: starts {@link ProcessIds#DEAL_EXECUTION} for the deal a
 * conversion created and records it on the deal. Idempotent by deal: a deal that already has a
 * process keeps it and nothing is started; when two deliveries race, the one that records second
 * cancels its own instance.
 */
@Component
public class StartDealProcessWorker {

  private static final Logger log = LoggerFactory.getLogger(StartDealProcessWorker.class);

  /** The job's input variables. */
  public record Input(Long dealId, String responsibleUser) {}

  private final CamundaClient client;
  private final DealService deals;
  private final ProcessLinkService links;
  private final ProcessPositions positions;

  public StartDealProcessWorker(
      CamundaClient client,
      DealService deals,
      ProcessLinkService links,
      ProcessPositions positions) {
    this.client = client;
    this.deals = deals;
    this.links = links;
    this.positions = positions;
  }

  @JobWorker(type = JobTypes.START_DEAL_PROCESS)
  public void startDealProcess(@VariablesAsType Input in, ActivatedJob job) {
    if (in.dealId() == null) {
      throw new IllegalArgumentException("crm.start-deal-process: dealId is missing");
    }
    positions.at(job, JobTypes.Values.LEAD, sourceLead(in.dealId()));
    ProcessLink existing = links.find(ProcessSubject.DEAL, in.dealId());
    if (existing != null) {
      return; // second delivery: the deal already has its process
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(JobTypes.Variables.DEAL_ID, in.dealId());
    if (in.responsibleUser() != null) {
      variables.put(JobTypes.Variables.RESPONSIBLE_USER, in.responsibleUser());
    }
    long instanceKey =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(ProcessIds.DEAL_EXECUTION)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    if (!links.record(
        ProcessSubject.DEAL, in.dealId(), instanceKey, ProcessIds.DEAL_EXECUTION, null, null)) {
      log.warn(
          "Deal {} got its process from a concurrent delivery; cancelling the duplicate {}",
          in.dealId(),
          instanceKey);
      client.newCancelInstanceCommand(instanceKey).send().join();
    }
  }

  /** The lead the deal was converted from, whose process runs this job. */
  private Long sourceLead(long dealId) {
    return deals.get(dealId).sourceLeadId();
  }
}

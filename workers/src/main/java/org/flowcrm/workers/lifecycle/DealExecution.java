package org.flowcrm.workers.lifecycle;

import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.Map;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.processes.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts {@link ProcessIds#DEAL_EXECUTION} for a deal and records it on the deal, once per deal: a
 * deal that already has a process keeps it, and when two starts race, the one that records second
 * cancels its own instance. Used by the lead process's step ({@link StartDealProcessWorker}) and
 * for deals created by hand ({@link DealProcessStarter}).
 */
@Component
public class DealExecution {

  private static final Logger log = LoggerFactory.getLogger(DealExecution.class);

  private final CamundaClient client;
  private final ProcessLinkService links;

  public DealExecution(CamundaClient client, ProcessLinkService links) {
    this.client = client;
    this.links = links;
  }

  /** Starts the deal's process unless it has one; {@code responsibleUser} may be null. */
  public void start(long dealId, String responsibleUser) {
    if (links.find(ProcessSubject.DEAL, dealId) != null) {
      return; // a repeated start: the deal already has its process
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(JobTypes.Variables.DEAL_ID, dealId);
    if (responsibleUser != null) {
      variables.put(JobTypes.Variables.RESPONSIBLE_USER, responsibleUser);
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
        ProcessSubject.DEAL, dealId, instanceKey, ProcessIds.DEAL_EXECUTION, null, null)) {
      log.warn(
          "Deal {} got its process from a concurrent start; cancelling the duplicate {}",
          dealId,
          instanceKey);
      client.newCancelInstanceCommand(instanceKey).send().join();
    }
  }
}

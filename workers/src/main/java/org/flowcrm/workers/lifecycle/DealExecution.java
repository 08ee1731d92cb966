package org.flowcrm.workers.lifecycle;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.processes.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts {@link ProcessIds#DEAL_EXECUTION} for a deal and records it on the deal, once per deal: a
 * deal that already has a process keeps it, and when two starts race, the one that records second
 * cancels its own instance. Used by the lead process's step ({@link StartDealProcessWorker}), for
 * deals created by hand ({@link DealProcessStarter}) and by {@link DealProcessCatchUp}.
 *
 * <p>An instance can exist without being recorded: the application stopped (or the recording
 * failed) after the engine created it. Before creating one, the engine is asked for a running
 * deal-execution instance whose own {@code dealId} variable is this deal; when there is one, it is
 * recorded instead of starting a twin. (A real Camunda answers searches from its exported data a
 * moment later; the catch-up looks only at deals whose start is minutes old.)
 */
@Component
public class DealExecution {

  private static final Logger log = LoggerFactory.getLogger(DealExecution.class);

  private final CamundaClient client;
  private final ProcessLinkService links;
  private final WebFormService webForms;

  public DealExecution(CamundaClient client, ProcessLinkService links, WebFormService webForms) {
    this.client = client;
    this.links = links;
    this.webForms = webForms;
  }

  /**
   * Starts the deal's process unless it has one; {@code responsibleUser} may be null. Returns true
   * when this call linked the deal to an instance (a new one, or a running one that was never
   * recorded).
   */
  public boolean start(long dealId, String responsibleUser) {
    if (links.find(ProcessSubject.DEAL, dealId) != null) {
      return false; // a repeated start: the deal already has its process
    }
    Long unrecorded = runningInstanceOf(dealId);
    if (unrecorded != null) {
      log.info(
          "Deal {} has a running instance {} that was never recorded; recording it",
          dealId,
          unrecorded);
      return links.record(
          ProcessSubject.DEAL, dealId, unrecorded, ProcessIds.DEAL_EXECUTION, null, null);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(JobTypes.Variables.DEAL_ID, dealId);
    if (responsibleUser != null) {
      variables.put(JobTypes.Variables.RESPONSIBLE_USER, responsibleUser);
    }
    // a deal from a "contact + deal" web form that names an assignment rule
    webForms
        .assignmentRuleOfDeal(dealId)
        .ifPresent(rule -> variables.put(JobTypes.Variables.ASSIGNMENT_RULE_ID, rule));
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
      return false;
    }
    return true;
  }

  /**
   * The running deal-execution instance started for the deal, or {@code null}: an instance whose
   * root scope holds {@code dealId} = the deal (the lead's and the courier's processes hold a
   * {@code dealId} too, so the process is checked).
   */
  Long runningInstanceOf(long dealId) {
    List<Variable> found;
    try {
      found =
          client
              .newVariableSearchRequest()
              .filter(f -> f.name(JobTypes.Variables.DEAL_ID).value(Long.toString(dealId)))
              .page(p -> p.limit(100))
              .send()
              .join()
              .items();
    } catch (ProblemException e) {
      if (e.code() != 404) {
        throw e;
      }
      // an engine without variable search: nothing to look at, start as before
      log.warn(
          "The engine cannot search variables; deal {} is started without looking for an"
              + " unrecorded instance",
          dealId);
      return null;
    }
    for (Variable variable : found) {
      Long instance = variable.getProcessInstanceKey();
      if (instance == null || !instance.equals(variable.getScopeKey())) {
        continue; // a local copy inside some element, not the instance's own variable
      }
      boolean running =
          !client
              .newProcessInstanceSearchRequest()
              .filter(
                  f ->
                      f.processInstanceKey(instance)
                          .processDefinitionId(ProcessIds.DEAL_EXECUTION)
                          .state(ProcessInstanceState.ACTIVE))
              .send()
              .join()
              .items()
              .isEmpty();
      if (running) {
        return instance;
      }
    }
    return null;
  }
}

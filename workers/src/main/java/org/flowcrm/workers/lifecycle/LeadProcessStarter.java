package org.flowcrm.workers.lifecycle;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flowcrm.crm.lead.LeadCreated;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.processes.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts {@link ProcessIds#LEAD_PROCESSING} for every new lead, after the lead is committed (a lead
 * whose creation rolls back starts nothing), and records the instance on the lead. The engine is
 * called off the creating thread and retried with backoff (see {@link Retrying}), so a slow or
 * unreachable engine never delays or loses the lead.
 *
 * <p>Creating the instance and recording it are retried separately, so a failure to record never
 * starts a second instance. The first attempt claims the start on the lead ({@link
 * ProcessLinkService#claimLeadStart}); a lead whose start is still lost after the retries is picked
 * up by {@link LeadProcessCatchUp} once the claim is older than {@code
 * flowcrm.processes.catch-up.after}. Switched off with {@code
 * flowcrm.processes.start-lead-processing=false} (e.g. for a bulk import).
 */
@Component
public class LeadProcessStarter {

  private static final Logger log = LoggerFactory.getLogger(LeadProcessStarter.class);

  private final CamundaClient client;
  private final ProcessLinkService links;
  private final Retrying retrying;
  private final boolean enabled;
  private final Duration claimFor;
  private final WebFormService webForms;

  @Autowired
  public LeadProcessStarter(
      CamundaClient client,
      ProcessLinkService links,
      Retrying retrying,
      WebFormService webForms,
      @Value("${flowcrm.processes.start-lead-processing:true}") boolean enabled,
      @Value("${flowcrm.processes.catch-up.after:PT2M}") Duration claimFor) {
    this.client = client;
    this.links = links;
    this.retrying = retrying;
    this.webForms = webForms;
    this.enabled = enabled;
    this.claimFor = claimFor;
  }

  public LeadProcessStarter(
      CamundaClient client,
      ProcessLinkService links,
      Retrying retrying,
      WebFormService webForms,
      boolean enabled) {
    this(client, links, retrying, webForms, enabled, Duration.ofMinutes(2));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void leadCreated(LeadCreated event) {
    if (!enabled || event.source() == LeadSource.IMPORT) {
      return; // an import starts no processes: hundreds of "Qualify lead" tasks nobody asked for
    }
    long leadId = event.leadId();
    AtomicLong started = new AtomicLong();
    AtomicBoolean claimed = new AtomicBoolean();
    retrying.submit(
        "Starting " + ProcessIds.LEAD_PROCESSING + " for lead " + leadId,
        () -> {
          if (started.get() == 0) {
            // The claim only succeeds while the lead has no process, so it also answers "already
            // started" (a repeated event) without a read of its own.
            if (!claimed.get()) {
              if (!links.claimLeadStart(leadId, Instant.now().minus(claimFor))) {
                return; // already started, or another starter (a catch-up) is starting it
              }
              claimed.set(true);
            }
            started.set(start(leadId));
          }
          record(leadId, started.get());
        });
  }

  /**
   * Creates the instance; returns its key. A lead from a web form that names an assignment rule
   * carries it as {@code assignmentRuleId} for the assignment step.
   */
  long start(long leadId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JobTypes.Variables.LEAD_ID, leadId);
    webForms
        .assignmentRuleOfLead(leadId)
        .ifPresent(rule -> variables.put(JobTypes.Variables.ASSIGNMENT_RULE_ID, rule));
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ProcessIds.LEAD_PROCESSING)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Links the lead to its new instance; cancels the instance when another one won the race. */
  void record(long leadId, long instanceKey) {
    if (!links.record(
        ProcessSubject.LEAD, leadId, instanceKey, ProcessIds.LEAD_PROCESSING, null, null)) {
      log.warn(
          "Lead {} is already driven by another instance; cancelling the duplicate {}",
          leadId,
          instanceKey);
      client.newCancelInstanceCommand(instanceKey).send().join();
      return;
    }
    log.debug("Lead {} is processed by instance {}", leadId, instanceKey);
  }
}

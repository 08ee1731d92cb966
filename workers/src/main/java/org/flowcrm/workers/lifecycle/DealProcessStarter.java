package org.flowcrm.workers.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowcrm.crm.deal.DealCreated;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.processes.ProcessIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts {@link ProcessIds#DEAL_EXECUTION} for a deal created by hand or through the API (a phone
 * call, an online-store order), after the deal is committed, off the creating thread and with
 * retries ({@link Retrying}). Deals converted from a lead are started by the lead's process and
 * imported deals start nothing ({@link DealCreated#startsProcess()}). The first attempt claims the
 * start on the deal ({@link ProcessLinkService#claimDealStart}); a deal whose start is lost (the
 * application stopped, or the engine stayed unreachable through the retries) is started by {@link
 * DealProcessCatchUp} once the claim is older than {@code flowcrm.processes.catch-up.after}.
 * Switched off with {@code flowcrm.processes.start-deal-execution=false}.
 */
@Component
public class DealProcessStarter {

  private final DealExecution execution;
  private final ProcessLinkService links;
  private final Retrying retrying;
  private final boolean enabled;
  private final Duration claimFor;

  public DealProcessStarter(
      DealExecution execution,
      ProcessLinkService links,
      Retrying retrying,
      @Value("${flowcrm.processes.start-deal-execution:true}") boolean enabled,
      @Value("${flowcrm.processes.catch-up.after:PT2M}") Duration claimFor) {
    this.execution = execution;
    this.links = links;
    this.retrying = retrying;
    this.enabled = enabled;
    this.claimFor = claimFor;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void dealCreated(DealCreated event) {
    if (!enabled || !event.startsProcess()) {
      return;
    }
    long dealId = event.dealId();
    AtomicBoolean claimed = new AtomicBoolean();
    retrying.submit(
        "Starting " + ProcessIds.DEAL_EXECUTION + " for deal " + dealId,
        () -> {
          if (!claimed.get()) {
            if (!links.claimDealStart(dealId, Instant.now().minus(claimFor))) {
              return; // started already, or a catch-up (another instance) is starting it
            }
            claimed.set(true);
          }
          execution.start(dealId, null);
        });
  }
}

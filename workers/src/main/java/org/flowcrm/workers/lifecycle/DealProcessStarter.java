package org.flowcrm.workers.lifecycle;

import org.flowcrm.crm.deal.DealCreated;
import org.flowcrm.processes.ProcessIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts {@link ProcessIds#DEAL_EXECUTION} for a deal created by hand or through the API (a phone
 * call, an online-store order), after the deal is committed, off the creating thread and with
 * retries ({@link Retrying}). Deals converted from a lead are started by the lead's process and
 * imported deals start nothing ({@link DealCreated#startsProcess()}). Switched off with {@code
 * flowcrm.processes.start-deal-execution=false}.
 */
@Component
public class DealProcessStarter {

  private final DealExecution execution;
  private final Retrying retrying;
  private final boolean enabled;

  public DealProcessStarter(
      DealExecution execution,
      Retrying retrying,
      @Value("${flowcrm.processes.start-deal-execution:true}") boolean enabled) {
    this.execution = execution;
    this.retrying = retrying;
    this.enabled = enabled;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void dealCreated(DealCreated event) {
    if (!enabled || !event.startsProcess()) {
      return;
    }
    retrying.submit(
        "Starting " + ProcessIds.DEAL_EXECUTION + " for deal " + event.dealId(),
        () -> execution.start(event.dealId(), null));
  }
}

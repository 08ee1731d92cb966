package org.flowcrm.workers.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.processes.ProcessIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts {@link ProcessIds#DEAL_EXECUTION} for deals whose start was lost: the application stopped
 * between the deal's commit and the start (or while creating the instance), or the engine was
 * unreachable for longer than {@link DealProcessStarter}'s retries. Every {@code
 * flowcrm.processes.catch-up.interval} it looks for open deals without a process whose process the
 * CRM starts (not imported, not converted from a lead), older than {@code
 * flowcrm.processes.catch-up.after} and younger than {@code flowcrm.processes.catch-up.within},
 * claims each ({@link ProcessLinkService#claimDealStart}, so two application instances or the
 * regular starter never start one twice) and starts it through {@link DealExecution}, which records
 * an instance the engine already runs for the deal instead of starting a twin. A start that fails
 * leaves the claim, and the deal is tried again once the claim is that old. Off where {@code
 * flowcrm.processes.start-deal-execution=false} (or {@code
 * flowcrm.processes.catch-up.enabled=false}). The loop is {@link LostStartCatchUp}'s.
 */
@Component
public class DealProcessCatchUp extends LostStartCatchUp {

  private final DealExecution execution;
  private final ProcessLinkService links;

  public DealProcessCatchUp(
      DealExecution execution,
      ProcessLinkService links,
      @Value("${flowcrm.processes.catch-up.after:PT2M}") Duration after,
      @Value("${flowcrm.processes.catch-up.within:P7D}") Duration within,
      @Value("${flowcrm.processes.catch-up.interval:PT30S}") Duration interval,
      // off where deal execution is off: those deals are meant to have no process
      @Value("${flowcrm.processes.catch-up.enabled:${flowcrm.processes.start-deal-execution:true}}")
          boolean enabled) {
    super("deal", after, within, interval, enabled);
    this.execution = execution;
    this.links = links;
  }

  @Override
  List<Long> withoutProcess(
      Instant since, Instant createdBefore, Instant claimedBefore, int limit) {
    return links.dealsWithoutProcess(since, createdBefore, claimedBefore, limit);
  }

  @Override
  boolean claim(long dealId, Instant claimedBefore) {
    return links.claimDealStart(dealId, claimedBefore);
  }

  @Override
  boolean startProcess(long dealId) {
    return execution.start(dealId, null);
  }
}

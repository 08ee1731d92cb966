package org.flowcrm.workers.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.processes.ProcessIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
 * flowcrm.processes.catch-up.enabled=false}). The same loop as {@link LeadProcessCatchUp}, over
 * deals.
 */
@Component
public class DealProcessCatchUp implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DealProcessCatchUp.class);
  private static final int BATCH = 100;

  private final DealExecution execution;
  private final ProcessLinkService links;
  private final Duration after;
  private final Duration within;
  private final Duration interval;
  private final boolean enabled;
  private ScheduledExecutorService scheduler;

  public DealProcessCatchUp(
      DealExecution execution,
      ProcessLinkService links,
      @Value("${flowcrm.processes.catch-up.after:PT2M}") Duration after,
      @Value("${flowcrm.processes.catch-up.within:P7D}") Duration within,
      @Value("${flowcrm.processes.catch-up.interval:PT30S}") Duration interval,
      // off where deal execution is off: those deals are meant to have no process
      @Value("${flowcrm.processes.catch-up.enabled:${flowcrm.processes.start-deal-execution:true}}")
          boolean enabled) {
    this.execution = execution;
    this.links = links;
    this.after = after;
    this.within = within;
    this.interval = interval;
    this.enabled = enabled;
  }

  /**
   * One pass: starts the process of every lost deal found; returns how many it started. Safe to run
   * concurrently with itself and with the regular starter.
   */
  public int catchUp() {
    Instant cutoff = Instant.now().minus(after);
    int started = 0;
    List<Long> lost = links.dealsWithoutProcess(Instant.now().minus(within), cutoff, cutoff, BATCH);
    for (long dealId : lost) {
      if (!links.claimDealStart(dealId, cutoff)) {
        continue; // someone else claimed it meanwhile
      }
      try {
        if (execution.start(dealId, null)) {
          started++;
          log.info("Deal {} had no recorded process (its start was lost); started it", dealId);
        }
      } catch (RuntimeException e) {
        log.warn(
            "Deal {} still has no process; trying again in {}: {}", dealId, after, e.toString());
      }
    }
    return started;
  }

  @Override
  public synchronized void start() {
    if (!enabled || scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "flowcrm-deal-catch-up");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      log.warn(
          "Catch-up of lost deal starts failed; trying again in {}: {}", interval, e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public void destroy() {
    stop();
  }
}

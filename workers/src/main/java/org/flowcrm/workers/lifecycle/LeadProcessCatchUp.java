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
 * Starts {@link ProcessIds#LEAD_PROCESSING} for leads whose start was lost: created while the
 * engine was unreachable for longer than {@link LeadProcessStarter}'s retries (or while the
 * application stopped between the lead's commit and the start). Every {@code
 * flowcrm.processes.catch-up.interval} (default 30 s) it looks for open leads without a process,
 * older than {@code flowcrm.processes.catch-up.after} (default 2 min) and younger than {@code
 * flowcrm.processes.catch-up.within} (default 7 days, so an upgrade does not start processes for
 * old leads; never imported, junk or converted ones), claims each ({@link
 * ProcessLinkService#claimLeadStart}, so two application instances or the regular starter never
 * start one twice) and starts and records its instance. A start that fails leaves the claim, and
 * the lead is tried again once the claim is that old. {@code
 * flowcrm.processes.catch-up.enabled=false} switches it off; it is off by default where {@code
 * flowcrm.processes.start-lead-processing=false}.
 */
@Component
public class LeadProcessCatchUp implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LeadProcessCatchUp.class);
  private static final int BATCH = 100;

  private final LeadProcessStarter starter;
  private final ProcessLinkService links;
  private final Duration after;
  private final Duration within;
  private final Duration interval;
  private final boolean enabled;
  private ScheduledExecutorService scheduler;

  public LeadProcessCatchUp(
      LeadProcessStarter starter,
      ProcessLinkService links,
      @Value("${flowcrm.processes.catch-up.after:PT2M}") Duration after,
      @Value("${flowcrm.processes.catch-up.within:P7D}") Duration within,
      @Value("${flowcrm.processes.catch-up.interval:PT30S}") Duration interval,
      // off where lead processing is off: those leads are meant to have no process
      @Value(
              "${flowcrm.processes.catch-up.enabled:${flowcrm.processes.start-lead-processing:true}}")
          boolean enabled) {
    this.starter = starter;
    this.links = links;
    this.after = after;
    this.within = within;
    this.interval = interval;
    this.enabled = enabled;
  }

  /**
   * One pass: starts the process of every lost lead found; returns how many it started. Safe to run
   * concurrently with itself and with the regular starter.
   */
  public int catchUp() {
    Instant cutoff = Instant.now().minus(after);
    int started = 0;
    List<Long> lost = links.leadsWithoutProcess(Instant.now().minus(within), cutoff, cutoff, BATCH);
    for (long leadId : lost) {
      if (!links.claimLeadStart(leadId, cutoff)) {
        continue; // someone else claimed it meanwhile
      }
      try {
        starter.record(leadId, starter.start(leadId));
        started++;
        log.info("Lead {} had no process (its start was lost); started it", leadId);
      } catch (RuntimeException e) {
        log.warn(
            "Lead {} still has no process; trying again in {}: {}", leadId, after, e.toString());
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
              Thread thread = new Thread(runnable, "flowcrm-lead-catch-up");
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
          "Catch-up of lost lead starts failed; trying again in {}: {}", interval, e.toString());
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

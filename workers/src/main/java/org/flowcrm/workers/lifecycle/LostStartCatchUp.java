package org.flowcrm.workers.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The loop shared by the catch-ups of lost process starts ({@link LeadProcessCatchUp}, {@link
 * DealProcessCatchUp}): every {@code interval} it looks for records without a process older than
 * {@code after} and younger than {@code within} (so an upgrade does not start processes for old
 * records), claims each in the CRM (so two application instances or the regular starter never start
 * one twice) and starts it. A start that fails leaves the claim, and the record is tried again once
 * the claim is {@code after} old.
 */
abstract class LostStartCatchUp implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LostStartCatchUp.class);
  private static final int BATCH = 100;

  private final String records;
  private final Duration after;
  private final Duration within;
  private final Duration interval;
  private final boolean enabled;
  private ScheduledExecutorService scheduler;

  /** {@code records}: what is caught up, for logs and the thread's name ("lead", "deal"). */
  LostStartCatchUp(
      String records, Duration after, Duration within, Duration interval, boolean enabled) {
    this.records = records;
    this.after = after;
    this.within = within;
    this.interval = interval;
    this.enabled = enabled;
  }

  /** Records without a process created in {@code [since, createdBefore)}, unclaimed since then. */
  abstract List<Long> withoutProcess(
      Instant since, Instant createdBefore, Instant claimedBefore, int limit);

  /** Claims the record's start; false when someone else claimed it meanwhile. */
  abstract boolean claim(long id, Instant claimedBefore);

  /** Starts and records the process; false when the record turned out to have one already. */
  abstract boolean startProcess(long id);

  /**
   * One pass: starts the process of every lost record found; returns how many it started. Safe to
   * run concurrently with itself and with the regular starter.
   */
  public int catchUp() {
    Instant cutoff = Instant.now().minus(after);
    int started = 0;
    for (long id : withoutProcess(Instant.now().minus(within), cutoff, cutoff, BATCH)) {
      if (!claim(id, cutoff)) {
        continue;
      }
      try {
        if (startProcess(id)) {
          started++;
          log.info("The {} {} had no process (its start was lost); started it", records, id);
        }
      } catch (RuntimeException e) {
        log.warn(
            "The {} {} still has no process; trying again in {}: {}",
            records,
            id,
            after,
            e.toString());
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
              Thread thread = new Thread(runnable, "flowcrm-" + records + "-catch-up");
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
          "Catch-up of lost {} starts failed; trying again in {}: {}",
          records,
          interval,
          e.toString());
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

package org.flowcrm.workers.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs calls to the engine that follow a committed CRM change off the caller's thread, retrying a
 * failure with exponential backoff. The CRM change itself is already committed and never undone; a
 * call that still fails after the last attempt is logged as an error naming the record.
 */
@Component
public class Retrying implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Retrying.class);

  /** One attempt of a call; throwing asks for another attempt. */
  @FunctionalInterface
  public interface Attempt {
    void run() throws Exception;
  }

  private final ScheduledExecutorService scheduler;
  private final int attempts;
  private final Duration firstBackoff;

  /**
   * @param threads how many calls run at once. Each blocks its thread for an engine round trip plus
   *     a CRM commit (a lead's start: create the instance, record it), so at 50 new leads per
   *     second two threads were a queue of their own; the calls wait on I/O, not on the CPU.
   */
  @Autowired
  public Retrying(
      @Value("${flowcrm.processes.retry.attempts:6}") int attempts,
      @Value("${flowcrm.processes.retry.first-backoff:PT0.5S}") Duration firstBackoff,
      @Value("${flowcrm.processes.retry.threads:8}") int threads) {
    this.attempts = Math.max(1, attempts);
    this.firstBackoff = firstBackoff;
    this.scheduler =
        Executors.newScheduledThreadPool(
            Math.max(1, threads),
            runnable -> {
              Thread thread = new Thread(runnable, "flowcrm-process-bridge");
              thread.setDaemon(true);
              return thread;
            });
  }

  public Retrying(int attempts, Duration firstBackoff) {
    this(attempts, firstBackoff, 2);
  }

  /** Runs {@code attempt} soon, and again after 1×, 2×, 4×… the first backoff while it fails. */
  public void submit(String what, Attempt attempt) {
    schedule(what, attempt, 1, Duration.ZERO);
  }

  private void schedule(String what, Attempt attempt, int number, Duration delay) {
    if (scheduler.isShutdown()) {
      log.error("{} was not done: the application is stopping", what);
      return;
    }
    scheduler.schedule(() -> run(what, attempt, number), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run(String what, Attempt attempt, int number) {
    try {
      attempt.run();
    } catch (Exception e) {
      if (number >= attempts) {
        log.error("{} failed {} times, giving up: {}", what, number, e.toString(), e);
        return;
      }
      Duration backoff = firstBackoff.multipliedBy(1L << (number - 1));
      log.warn(
          "{} failed (attempt {} of {}), retrying in {}: {}",
          what,
          number,
          attempts,
          backoff,
          e.toString());
      schedule(what, attempt, number + 1, backoff);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    scheduler.shutdown();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
  }
}

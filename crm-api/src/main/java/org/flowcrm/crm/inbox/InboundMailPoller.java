package org.flowcrm.crm.inbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the configured mailbox every {@code flowcrm.mail.inbound.poll-period} when {@code
 * flowcrm.mail.inbound.enabled} is set; the first poll comes one period after start.
 */
@Component
class InboundMailPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboundMailPoller.class);

  private final InboundMailSettings settings;
  private final InboundMailService service;
  private volatile ScheduledExecutorService scheduler;

  InboundMailPoller(InboundMailSettings settings, InboundMailService service) {
    this.settings = settings;
    this.service = service;
  }

  @Override
  public void start() {
    if (!settings.enabled() || scheduler != null) {
      return;
    }
    Mailbox mailbox = settings.mailbox();
    if (mailbox == null) {
      log.warn(
          "flowcrm.mail.inbound.enabled is set but flowcrm.mail.inbound.host is not: no polling");
      return;
    }
    long period = Math.max(1000, settings.pollPeriod().toMillis());
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "inbound-mail-poller");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        service::pollConfigured, period, period, TimeUnit.MILLISECONDS);
    log.info("Incoming mail: polling {} every {}", mailbox.describe(), settings.pollPeriod());
  }

  @Override
  public void stop() {
    ScheduledExecutorService s = scheduler;
    scheduler = null;
    if (s != null) {
      s.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}

package org.flowcrm.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the application where to open it. */
@Component
class ReadyBanner {

  private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    log.info("Flowcrm is ready: open http://localhost:{}", port);
  }
}

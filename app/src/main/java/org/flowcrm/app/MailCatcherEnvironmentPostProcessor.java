package org.flowcrm.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default for outgoing mail: when no SMTP server is configured ({@code
 * spring.mail.host}), an in-process SMTP catcher (GreenMail) receives every mail the CRM sends, so
 * nothing leaves the machine until a real server is configured. {@code flowcrm.mail.catcher.port}
 * (default 2525, 0 = free port); {@code flowcrm.mail.catcher.enabled=false} turns it off.
 */
public class MailCatcherEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  private static final Logger log =
      LoggerFactory.getLogger(MailCatcherEnvironmentPostProcessor.class);
  private static GreenMail running;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.mail.host")
        || !environment.getProperty("flowcrm.mail.catcher.enabled", Boolean.class, true)) {
      return;
    }
    int port = start(environment.getProperty("flowcrm.mail.catcher.port", Integer.class, 2525));
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "mailCatcher",
                Map.of(
                    "spring.mail.host",
                    "127.0.0.1",
                    "spring.mail.port",
                    port,
                    "flowcrm.mail.catcher.running",
                    true)));
  }

  /** The running catcher, for the mailbox page and tests; null when a real server is used. */
  public static synchronized GreenMail catcher() {
    return running;
  }

  private static synchronized int start(int requestedPort) {
    if (running == null) {
      int port = requestedPort > 0 ? requestedPort : freePort();
      GreenMail greenMail =
          new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "mail-catcher-stop"));
      log.info("Mail catcher (SMTP) listening on 127.0.0.1:{}", port);
      running = greenMail;
    }
    return running.getSmtp().getPort();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}

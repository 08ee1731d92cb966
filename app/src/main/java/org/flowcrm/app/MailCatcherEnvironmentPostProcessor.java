package org.flowcrm.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
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
 *
 * <p>The catcher also serves IMAP ({@code flowcrm.mail.catcher.imap-port}, default a free port)
 * with the CRM's own mailbox {@code flowcrm.mail.catcher.inbox} (default {@code
 * crm@flowcrm.local}), and, unless a real mailbox is configured ({@code
 * flowcrm.mail.inbound.host}), the incoming-mail poller reads it: a mail sent through the catcher's
 * SMTP port to that address reaches the CRM, so the demo works without any mail server.
 */
public class MailCatcherEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  private static final Logger log =
      LoggerFactory.getLogger(MailCatcherEnvironmentPostProcessor.class);
  private static GreenMail running;

  /** The catcher's mailbox is on 127.0.0.1 only; its password guards nothing of value. */
  static final String INBOX_PASSWORD = "flowcrm-inbox";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.mail.host")
        || !environment.getProperty("flowcrm.mail.catcher.enabled", Boolean.class, true)) {
      return;
    }
    String inbox = environment.getProperty("flowcrm.mail.catcher.inbox", "crm@flowcrm.local");
    int port =
        start(
            environment.getProperty("flowcrm.mail.catcher.port", Integer.class, 2525),
            environment.getProperty("flowcrm.mail.catcher.imap-port", Integer.class, 0),
            inbox);
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", port);
    properties.put("flowcrm.mail.catcher.running", true);
    if (!environment.containsProperty("flowcrm.mail.inbound.host")) {
      properties.put("flowcrm.mail.inbound.enabled", true);
      properties.put("flowcrm.mail.inbound.host", "127.0.0.1");
      properties.put("flowcrm.mail.inbound.port", running.getImap().getPort());
      properties.put("flowcrm.mail.inbound.protocol", "imap");
      properties.put("flowcrm.mail.inbound.user", inbox);
      properties.put("flowcrm.mail.inbound.password", INBOX_PASSWORD);
      if (!environment.containsProperty("flowcrm.mail.inbound.poll-period")) {
        properties.put("flowcrm.mail.inbound.poll-period", "15s");
      }
    }
    environment.getPropertySources().addFirst(new MapPropertySource("mailCatcher", properties));
  }

  /** The running catcher, for the mailbox page and tests; null when a real server is used. */
  public static synchronized GreenMail catcher() {
    return running;
  }

  private static synchronized int start(int requestedPort, int requestedImapPort, String inbox) {
    if (running == null) {
      int port = requestedPort > 0 ? requestedPort : freePort();
      int imapPort = requestedImapPort > 0 ? requestedImapPort : freePort();
      GreenMail greenMail =
          new GreenMail(
              new ServerSetup[] {
                new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
              });
      greenMail.start();
      // only the CRM's own mailbox has a fixed password; the catcher makes the others on delivery
      greenMail.setUser(inbox, inbox, INBOX_PASSWORD);
      Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "mail-catcher-stop"));
      log.info(
          "Mail catcher listening on 127.0.0.1: SMTP {}, IMAP {} (mail to {} reaches the CRM)",
          port,
          imapPort,
          inbox);
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

package org.flowcrm.ui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail, on a free port) the pages' mails go to, as the application's
 * embedded mail catcher takes them at runtime. Tests find their mails by unique addresses.
 */
@Configuration(proxyBeanMethods = false)
public class UiMailCatcher {

  static final GreenMail SMTP = start();

  private static GreenMail start() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "ui-test-smtp-stop"));
    return greenMail;
  }

  /**
   * The same server as the application's embedded mail catcher bean (app's MailCatcherConfiguration
   * publishes it when no SMTP server is configured): the administrators' mailbox page lists what
   * the pages sent.
   */
  @Bean(destroyMethod = "")
  GreenMail mailCatcher() {
    return SMTP;
  }

  @Bean
  JavaMailSenderImpl javaMailSender() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(SMTP.getSmtp().getPort());
    return sender;
  }

  /** The mails received for an address. */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}

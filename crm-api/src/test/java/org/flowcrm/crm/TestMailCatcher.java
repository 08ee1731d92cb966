package org.flowcrm.crm;

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
 * A real SMTP server (GreenMail, on a free port) that the CRM's JavaMailSender delivers to in the
 * API tests, as the application's embedded mail catcher does at runtime. Tests find their mails by
 * their own unique recipient addresses.
 */
@Configuration(proxyBeanMethods = false)
class TestMailCatcher {

  static final GreenMail SMTP = start();

  private static GreenMail start() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "test-smtp-stop"));
    return greenMail;
  }

  @Bean
  JavaMailSenderImpl javaMailSender() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(SMTP.getSmtp().getPort());
    return sender;
  }

  /** The mails received for an address. */
  static List<MimeMessage> to(String address) {
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

package org.flowcrm.app;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the embedded mail catcher as a bean, for the administrators' mailbox page; there is no
 * such bean when a real SMTP server is configured, and the page is then hidden.
 */
@Configuration(proxyBeanMethods = false)
class MailCatcherConfiguration {

  /** Started and stopped by {@link MailCatcherEnvironmentPostProcessor}, not by the context. */
  @Bean(destroyMethod = "")
  @ConditionalOnProperty("flowcrm.mail.catcher.running")
  GreenMail mailCatcher() {
    return MailCatcherEnvironmentPostProcessor.catcher();
  }
}

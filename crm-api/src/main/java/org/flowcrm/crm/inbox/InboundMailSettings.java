package org.flowcrm.crm.inbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code flowcrm.mail.inbound.*}: the mailbox the CRM reads (off unless {@code enabled}), how
 * often, the largest attachment it keeps and the addresses or domains it ignores ({@code
 * exclusions}, in addition to those administrators keep under {@code
 * /api/v1/mail/inbound/exclusions}).
 */
@ConfigurationProperties("flowcrm.mail.inbound")
public record InboundMailSettings(
    @DefaultValue("false") boolean enabled,
    String host,
    @DefaultValue("0") int port,
    @DefaultValue("imap") String protocol,
    String user,
    String password,
    @DefaultValue("INBOX") String folder,
    @DefaultValue("1m") Duration pollPeriod,
    @DefaultValue("10MB") DataSize maxAttachmentSize,
    @DefaultValue("") List<String> exclusions) {

  public InboundMailSettings {
    exclusions = exclusions == null ? List.of() : exclusions;
  }

  /** The configured mailbox, or null when no host is set. */
  Mailbox mailbox() {
    if (host == null || host.isBlank()) {
      return null;
    }
    return new Mailbox(host, port, protocol, user, password, folder);
  }
}

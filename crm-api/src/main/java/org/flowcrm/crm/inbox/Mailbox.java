package org.flowcrm.crm.inbox;

import java.util.Locale;

/**
 * Where to read mail: an IMAP ({@code imap}) or IMAP over TLS ({@code imaps}) server, the account
 * and its folder. Port 0 means the protocol's usual port (143 or 993).
 */
public record Mailbox(
    String host, int port, String protocol, String user, String password, String folder) {

  public Mailbox {
    protocol = protocol == null ? "imap" : protocol.toLowerCase(Locale.ROOT);
    if (!protocol.equals("imap") && !protocol.equals("imaps")) {
      throw new IllegalArgumentException(
          "flowcrm.mail.inbound.protocol must be imap or imaps, not " + protocol);
    }
    folder = folder == null || folder.isBlank() ? "INBOX" : folder;
  }

  /** For the status and the log: never the password. */
  String describe() {
    return protocol + "://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + folder;
  }
}

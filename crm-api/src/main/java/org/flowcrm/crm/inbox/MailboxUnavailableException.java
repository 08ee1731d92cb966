package org.flowcrm.crm.inbox;

/** The mailbox could not be read (unreachable, refused sign-in, no such folder). */
public class MailboxUnavailableException extends RuntimeException {

  MailboxUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

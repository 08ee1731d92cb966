package org.flowcrm.crm.mail;

/**
 * The SMTP server did not take the mail (or none is configured). The mail is recorded as FAILED;
 * sending again under the same dedupe key retries it.
 */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.flowcrm.crm.mail;

import org.flowcrm.crm.shared.InvalidFieldException;

/**
 * No recipient was given and the record has no contact (or company) with an e-mail address (422
 * naming {@code recipient}). A process decides whether that is a business outcome or an incident.
 */
public class MissingRecipientException extends InvalidFieldException {

  public MissingRecipientException(String message) {
    super("recipient", message);
  }
}

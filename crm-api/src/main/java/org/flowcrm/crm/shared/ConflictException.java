package org.flowcrm.crm.shared;

/**
 * The request is understood but conflicts with the record's current state (409), e.g. converting a
 * lead that is junk or was already converted.
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}

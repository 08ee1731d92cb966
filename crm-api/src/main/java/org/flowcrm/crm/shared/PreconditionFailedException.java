package org.flowcrm.crm.shared;

/** The caller edited a version of the record that is no longer current (412). */
public class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(String message) {
    super(message);
  }
}

package org.flowcrm.crm.shared;

/** A record the caller asked for does not exist (404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }
}

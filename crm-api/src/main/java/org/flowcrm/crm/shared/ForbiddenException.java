package org.flowcrm.crm.shared;

/**
 * The caller's role does not allow {@code action} on {@code entity} (403). Named so the client can
 * tell the user what is missing; never thrown for reading a record the caller may not see (that is
 * a 404, so ids of other people's records are not confirmed).
 */
public class ForbiddenException extends RuntimeException {

  private final String action;
  private final String entity;

  public ForbiddenException(String action, String entity, String message) {
    super(message);
    this.action = action;
    this.entity = entity;
  }

  public String action() {
    return action;
  }

  public String entity() {
    return entity;
  }
}

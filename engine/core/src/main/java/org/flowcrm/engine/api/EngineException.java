package org.flowcrm.engine.api;

/** A refused command. The message is what the client shows, in Zeebe's wording where it has one. */
public class EngineException extends RuntimeException {

  private final Rejection rejection;

  public EngineException(Rejection rejection, String message) {
    super(message);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }
}

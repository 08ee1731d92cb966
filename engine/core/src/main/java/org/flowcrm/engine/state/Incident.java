package org.flowcrm.engine.state;

/** An incident: execution of an element (or its job) stopped until it is resolved. */
public final class Incident {

  /** The Zeebe error types this engine raises. */
  public enum ErrorType {
    JOB_NO_RETRIES,
    CONDITION_ERROR,
    EXTRACT_VALUE_ERROR,
    UNHANDLED_ERROR_EVENT,
    CALLED_ELEMENT_ERROR
  }

  public long key;
  public ErrorType errorType;
  public String errorMessage;
  public long processInstanceKey;
  public long elementInstanceKey;
  public String elementId;

  /** The job held by this incident, 0 when the element itself failed. */
  public long jobKey;

  public long creationTime;
}

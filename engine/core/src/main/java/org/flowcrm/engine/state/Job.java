package org.flowcrm.engine.state;

import java.util.Map;

/** A job of a service-like task. Persisted with its process instance. */
public final class Job {

  /** Zeebe's job states, the names its rejections use. */
  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    /** Failed with a retry back-off running, or failed with no retries left (incident). */
    FAILED,
    ERROR_THROWN
  }

  public long key;
  public String type;
  public long processInstanceKey;
  public long elementInstanceKey;
  public String elementId;
  public int retries;
  public Map<String, String> customHeaders;
  public State state = State.ACTIVATABLE;
  public String worker = "";

  /** Epoch millis the activation ends (ACTIVATED) or the back-off ends (FAILED); 0 = none. */
  public long deadline;

  public String errorMessage = "";
  public long incidentKey;
}

package org.flowcrm.engine.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A published message kept (buffered) until its time to live ends. */
public final class Message {

  public long key;
  public String name;
  public String correlationKey;
  public String messageId;
  public Map<String, Object> variables = new LinkedHashMap<>();

  /** Epoch millis after which it is gone. */
  public long deadline;

  /** Process ids it correlated to already: at most once per process id. */
  public List<String> correlatedProcessIds = new ArrayList<>();
}

package org.flowcrm.engine.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running process instance with everything that belongs to it: element instances (the process
 * itself under its own key), jobs and incidents. It is persisted as one JSON document.
 */
public final class ProcessInstance {

  public long key;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String tenantId;
  public long startTime;
  public Map<Long, ElementInstance> elements = new LinkedHashMap<>();
  public Map<Long, Job> jobs = new LinkedHashMap<>();
  public Map<Long, Incident> incidents = new LinkedHashMap<>();

  public ElementInstance root() {
    return elements.get(key);
  }
}

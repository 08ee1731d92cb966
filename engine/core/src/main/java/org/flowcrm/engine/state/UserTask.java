package org.flowcrm.engine.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code zeebe:userTask}: open ones are persisted with their process instance; finished ones
 * (COMPLETED, CANCELED) live on in the user-task history ({@code engine_user_task}).
 */
public final class UserTask {

  public static final String CREATED = "CREATED";
  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELED = "CANCELED";

  public long key;
  public String elementId;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public int processDefinitionVersion;
  public String bpmnProcessId;
  public String name;
  public String state = CREATED;
  public String assignee;
  public List<String> candidateGroups = new ArrayList<>();
  public List<String> candidateUsers = new ArrayList<>();

  /** ISO-8601 date-times as given (null = none). */
  public String dueDate;

  public String followUpDate;
  public long creationDate;
  public long completionDate;
  public int priority = 50;
  public long formKey;
  public String formId;
  public String externalFormReference;
  public Map<String, String> customHeaders = new LinkedHashMap<>();
  public String tenantId;
  public String action;
}

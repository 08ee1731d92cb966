package org.flowcrm.engine.api;

import java.util.List;
import java.util.Map;

/**
 * A user task ({@code zeebe:userTask}) as Camunda's REST API shows it. {@code state} is CREATED,
 * COMPLETED or CANCELED; dates are ISO-8601 strings (null = none), {@code creationDate} and {@code
 * completionDate} epoch millis (0 = none). {@code formKey} is the key of the form version linked
 * when the task was created (the latest deployed version of its {@code formId}; 0 when none was
 * deployed); an external form shows as {@code externalFormReference}.
 */
public record UserTask(
    long key,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    int processDefinitionVersion,
    String bpmnProcessId,
    String name,
    String state,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String dueDate,
    String followUpDate,
    long creationDate,
    long completionDate,
    int priority,
    long formKey,
    String formId,
    String externalFormReference,
    Map<String, String> customHeaders,
    String tenantId) {

  public static final String CREATED = "CREATED";
  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELED = "CANCELED";
}

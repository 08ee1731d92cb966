package org.flowcrm.engine.api;

/**
 * A user-task search. Null filters match everything; {@code candidateGroup}/{@code candidateUser}
 * match tasks that list it. {@code dueFrom} (inclusive) and {@code dueTo} (exclusive), epoch
 * millis, keep tasks whose due date lies in that range (a task without a due date never matches a
 * due-date filter). Sorted by {@code sortBy} (ties by key), paged by {@code from} and {@code limit}
 * (0 or less = 100, as Camunda's default page size).
 */
public record UserTaskQuery(
    String state,
    String assignee,
    String candidateGroup,
    String candidateUser,
    Long processInstanceKey,
    String elementId,
    String bpmnProcessId,
    Long processDefinitionKey,
    Long dueFrom,
    Long dueTo,
    SortBy sortBy,
    boolean descending,
    int from,
    int limit) {

  public enum SortBy {
    CREATION_DATE,
    DUE_DATE,
    FOLLOW_UP_DATE,
    PRIORITY,
    COMPLETION_DATE
  }

  /** The query before due-date and process-version filters existed. */
  public UserTaskQuery(
      String state,
      String assignee,
      String candidateGroup,
      String candidateUser,
      Long processInstanceKey,
      String elementId,
      String bpmnProcessId,
      SortBy sortBy,
      boolean descending,
      int from,
      int limit) {
    this(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        null,
        null,
        null,
        sortBy,
        descending,
        from,
        limit);
  }

  public static UserTaskQuery all() {
    return new UserTaskQuery(
        null, null, null, null, null, null, null, SortBy.CREATION_DATE, false, 0, 100);
  }

  public UserTaskQuery withState(String value) {
    return new UserTaskQuery(
        value,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withAssignee(String value) {
    return new UserTaskQuery(
        state,
        value,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withCandidateGroup(String value) {
    return new UserTaskQuery(
        state,
        assignee,
        value,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withCandidateUser(String value) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        value,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withProcessInstanceKey(Long value) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        value,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withElementId(String value) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        value,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withBpmnProcessId(String value) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        value,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery withProcessDefinitionKey(Long value) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        value,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        from,
        limit);
  }

  /** Due date at or after {@code fromMillis} (inclusive), before {@code toMillis}; null = open. */
  public UserTaskQuery withDueDateBetween(Long fromMillis, Long toMillis) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        fromMillis,
        toMillis,
        sortBy,
        descending,
        from,
        limit);
  }

  public UserTaskQuery sortedBy(SortBy value, boolean desc) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        value,
        desc,
        from,
        limit);
  }

  public UserTaskQuery page(int fromIndex, int size) {
    return new UserTaskQuery(
        state,
        assignee,
        candidateGroup,
        candidateUser,
        processInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        dueFrom,
        dueTo,
        sortBy,
        descending,
        fromIndex,
        size);
  }
}

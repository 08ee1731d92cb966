package org.flowcrm.engine.api;

/**
 * A user-task search. Null filters match everything; {@code candidateGroup}/{@code candidateUser}
 * match tasks that list it. Sorted by {@code sortBy} (ties by key), paged by {@code from} and
 * {@code limit} (0 or less = 100, as Camunda's default page size).
 */
public record UserTaskQuery(
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

  public enum SortBy {
    CREATION_DATE,
    DUE_DATE,
    FOLLOW_UP_DATE,
    PRIORITY,
    COMPLETION_DATE
  }

  /** Everything, oldest first, the first 100. */
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
        sortBy,
        descending,
        fromIndex,
        size);
  }
}

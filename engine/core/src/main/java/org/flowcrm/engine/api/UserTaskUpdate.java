package org.flowcrm.engine.api;

import java.util.List;

/**
 * A user-task changeset: only the non-null fields change. An empty string clears a date; an empty
 * list clears candidates. Priority 0..100.
 */
public record UserTaskUpdate(
    String dueDate,
    String followUpDate,
    List<String> candidateGroups,
    List<String> candidateUsers,
    Integer priority) {}

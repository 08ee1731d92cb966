package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowcrm.engine.api.UserTaskQuery;
import org.flowcrm.engine.api.UserTaskSearchResult;
import org.flowcrm.engine.state.EngineState;
import org.flowcrm.engine.state.UserTask;

/** Filters, sorts and pages the user tasks held in memory (open ones and the bounded history). */
final class UserTaskSearch {

  private UserTaskSearch() {}

  static UserTaskSearchResult run(EngineState state, UserTaskQuery q) {
    List<UserTask> matches = new ArrayList<>();
    if (q.state() == null || !UserTask.CREATED.equals(q.state())) {
      for (UserTask t : state.finishedUserTasks()) {
        if (matches(t, q)) {
          matches.add(t);
        }
      }
    }
    if (q.state() == null || UserTask.CREATED.equals(q.state())) {
      for (UserTask t : state.openUserTasks()) {
        if (matches(t, q)) {
          matches.add(t);
        }
      }
    }
    Comparator<UserTask> order = comparator(q.sortBy());
    if (q.descending()) {
      order = order.reversed();
    }
    matches.sort(order.thenComparingLong(t -> t.key));
    int limit = q.limit() <= 0 ? 100 : q.limit();
    int from = Math.min(Math.max(0, q.from()), matches.size());
    int to = (int) Math.min((long) from + limit, matches.size());
    List<org.flowcrm.engine.api.UserTask> page = new ArrayList<>();
    for (UserTask t : matches.subList(from, to)) {
      page.add(toApi(t));
    }
    return new UserTaskSearchResult(page, matches.size());
  }

  private static org.flowcrm.engine.api.UserTask toApi(UserTask t) {
    return new org.flowcrm.engine.api.UserTask(
        t.key,
        t.elementId,
        t.elementInstanceKey,
        t.processInstanceKey,
        t.processDefinitionKey,
        t.processDefinitionVersion,
        t.bpmnProcessId,
        t.name,
        t.state,
        t.assignee,
        List.copyOf(t.candidateGroups),
        List.copyOf(t.candidateUsers),
        t.dueDate,
        t.followUpDate,
        t.creationDate,
        t.completionDate,
        t.priority,
        t.formKey,
        t.formId,
        t.externalFormReference,
        t.customHeaders == null ? java.util.Map.of() : java.util.Map.copyOf(t.customHeaders),
        t.tenantId);
  }

  private static boolean matches(UserTask t, UserTaskQuery q) {
    return (q.state() == null || q.state().equals(t.state))
        && (q.assignee() == null || q.assignee().equals(t.assignee))
        && (q.candidateGroup() == null || t.candidateGroups.contains(q.candidateGroup()))
        && (q.candidateUser() == null || t.candidateUsers.contains(q.candidateUser()))
        && (q.processInstanceKey() == null || q.processInstanceKey() == t.processInstanceKey)
        && (q.elementId() == null || q.elementId().equals(t.elementId))
        && (q.bpmnProcessId() == null || q.bpmnProcessId().equals(t.bpmnProcessId))
        && (q.processDefinitionKey() == null || q.processDefinitionKey() == t.processDefinitionKey)
        && dueInRange(t, q);
  }

  private static boolean dueInRange(UserTask t, UserTaskQuery q) {
    if (q.dueFrom() == null && q.dueTo() == null) {
      return true;
    }
    if (t.dueDate == null) {
      return false;
    }
    long due = instant(t.dueDate).toEpochMilli();
    return (q.dueFrom() == null || due >= q.dueFrom()) && (q.dueTo() == null || due < q.dueTo());
  }

  /** Missing dates sort last (ascending), as "no due date" is the least urgent. */
  private static Comparator<UserTask> comparator(UserTaskQuery.SortBy sortBy) {
    if (sortBy == null) {
      return Comparator.comparingLong(t -> t.creationDate);
    }
    return switch (sortBy) {
      case CREATION_DATE -> Comparator.comparingLong(t -> t.creationDate);
      case COMPLETION_DATE -> Comparator.comparingLong(t -> t.completionDate);
      case PRIORITY -> Comparator.comparingInt(t -> t.priority);
      case DUE_DATE -> Comparator.comparing(t -> instant(t.dueDate));
      case FOLLOW_UP_DATE -> Comparator.comparing(t -> instant(t.followUpDate));
    };
  }

  private static java.time.Instant instant(String isoDate) {
    return isoDate == null
        ? java.time.Instant.MAX
        : java.time.OffsetDateTime.parse(isoDate).toInstant();
  }
}

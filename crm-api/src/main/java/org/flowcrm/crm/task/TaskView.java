package org.flowcrm.crm.task;

import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;

/** A task as callers see it; {@code overdue} is an open one past its deadline. */
public record TaskView(
    long id,
    long version,
    String title,
    String description,
    TaskStatus status,
    Long responsibleId,
    Long createdBy,
    Instant deadline,
    boolean overdue,
    TaskOrigin origin,
    Long processInstanceKey,
    String processElementId,
    Instant completedAt,
    List<Long> observerIds,
    List<ItemLink> links,
    Instant createdAt,
    Instant updatedAt) {

  static TaskView of(Task t) {
    return new TaskView(
        t.getId(),
        t.getVersion(),
        t.getTitle(),
        t.getDescription(),
        t.getStatus(),
        t.getResponsibleId(),
        t.getCreatedBy(),
        t.getDeadline(),
        !t.getStatus().isClosed()
            && t.getDeadline() != null
            && t.getDeadline().isBefore(Instant.now()),
        t.getOrigin(),
        t.getProcessInstanceKey(),
        t.getProcessElementId(),
        t.getCompletedAt(),
        t.getObserverIds(),
        t.getLinks(),
        t.getCreatedAt(),
        t.getUpdatedAt());
  }
}

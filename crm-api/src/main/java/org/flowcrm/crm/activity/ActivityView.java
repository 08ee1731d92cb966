package org.flowcrm.crm.activity;

import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;

/** An activity as callers see it; {@code overdue} is an open one whose start has passed. */
public record ActivityView(
    long id,
    long version,
    ActivityType type,
    String subject,
    String description,
    Instant startsAt,
    Instant endsAt,
    Long responsibleId,
    Instant reminderAt,
    boolean completed,
    Instant completedAt,
    boolean overdue,
    CallDirection direction,
    String callResult,
    Integer durationSeconds,
    String location,
    List<ItemLink> links,
    Instant createdAt,
    Instant updatedAt) {

  static ActivityView of(Activity a) {
    return new ActivityView(
        a.getId(),
        a.getVersion(),
        a.getType(),
        a.getSubject(),
        a.getDescription(),
        a.getStartsAt(),
        a.getEndsAt(),
        a.getResponsibleId(),
        a.getReminderAt(),
        a.isCompleted(),
        a.getCompletedAt(),
        !a.isCompleted() && a.getStartsAt().isBefore(Instant.now()),
        a.getDirection(),
        a.getCallResult(),
        a.getDurationSeconds(),
        a.getLocation(),
        a.getLinks(),
        a.getCreatedAt(),
        a.getUpdatedAt());
  }
}

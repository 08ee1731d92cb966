package org.flowcrm.crm.activity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A call, meeting, e-mail or note. */
@Entity
@Table(name = "crm_activity")
class Activity extends AggregateRoot<Activity> {

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "type", nullable = false, length = 10)
  private ActivityType type;

  @Column(name = "subject", nullable = false, length = 255)
  private String subject;

  @Column(name = "description", length = 20000)
  private String description;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(name = "responsible_id")
  private Long responsibleId;

  /** Who wrote it (the system user for processes); {@code null} for entries older than V31. */
  @Column(name = "created_by", updatable = false)
  private Long createdBy;

  @Column(name = "reminder_at")
  private Instant reminderAt;

  @Column(name = "reminder_sent_at")
  private Instant reminderSentAt;

  @Column(name = "completed", nullable = false)
  private boolean completed;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "direction", length = 10)
  private CallDirection direction;

  @Column(name = "call_result", length = 100)
  private String callResult;

  @Column(name = "duration_seconds")
  private Integer durationSeconds;

  @Column(name = "location", length = 255)
  private String location;

  /** Set for entries a process or a mail wrote, so a repeated job writes nothing twice. */
  @Column(name = "dedupe_key", length = 200, updatable = false)
  private String dedupeKey;

  @ElementCollection
  @CollectionTable(name = "crm_activity_link", joinColumns = @JoinColumn(name = "activity_id"))
  @BatchSize(size = 100)
  private Set<ItemLink> links = new LinkedHashSet<>();

  protected Activity() {}

  Activity(ActivityType type, Long createdBy) {
    this.type = type;
    this.createdBy = createdBy;
    // a note records something that happened: it is done when written
    this.completed = type == ActivityType.NOTE;
    this.completedAt = completed ? Instant.now() : null;
  }

  void update(ActivityCommand c) {
    if (c.type() != type) {
      throw new InvalidFieldException("type", "an activity keeps its type (" + type + ")");
    }
    if (c.endsAt() != null && c.endsAt().isBefore(c.startsAt())) {
      throw new InvalidFieldException("endsAt", "must not be before startsAt");
    }
    if (type != ActivityType.CALL
        && (c.direction() != null || c.callResult() != null || c.durationSeconds() != null)) {
      throw new InvalidFieldException(
          "direction", "only calls have a direction, result or duration");
    }
    this.subject = c.subject();
    this.description = c.description();
    this.startsAt = c.startsAt();
    this.endsAt = c.endsAt();
    this.responsibleId = c.responsibleId();
    if (c.reminderAt() == null || !c.reminderAt().equals(reminderAt)) {
      this.reminderSentAt = null;
    }
    this.reminderAt = c.reminderAt();
    this.direction = c.direction();
    this.callResult = c.callResult();
    this.durationSeconds = c.durationSeconds();
    this.location = c.location();
    this.links.clear();
    this.links.addAll(c.links());
    touch();
  }

  void complete() {
    if (!completed) {
      completed = true;
      completedAt = Instant.now();
      touch();
    }
  }

  void dedupeBy(String key) {
    this.dedupeKey = key;
  }

  void reminderSent() {
    reminderSentAt = Instant.now();
  }

  ActivityType getType() {
    return type;
  }

  String getSubject() {
    return subject;
  }

  String getDescription() {
    return description;
  }

  Instant getStartsAt() {
    return startsAt;
  }

  Instant getEndsAt() {
    return endsAt;
  }

  Long getCreatedBy() {
    return createdBy;
  }

  Long getResponsibleId() {
    return responsibleId;
  }

  Instant getReminderAt() {
    return reminderAt;
  }

  boolean isCompleted() {
    return completed;
  }

  Instant getCompletedAt() {
    return completedAt;
  }

  CallDirection getDirection() {
    return direction;
  }

  String getCallResult() {
    return callResult;
  }

  Integer getDurationSeconds() {
    return durationSeconds;
  }

  String getLocation() {
    return location;
  }

  List<ItemLink> getLinks() {
    return List.copyOf(links);
  }
}

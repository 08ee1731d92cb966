package org.flowcrm.crm.task;

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
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A task. */
@Entity
@Table(name = "crm_task")
class Task extends AggregateRoot<Task> {

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "description", length = 20000)
  private String description;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "status", nullable = false, length = 12)
  private TaskStatus status = TaskStatus.OPEN;

  @Column(name = "responsible_id")
  private Long responsibleId;

  @Column(name = "created_by")
  private Long createdBy;

  @Column(name = "deadline")
  private Instant deadline;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "origin", nullable = false, length = 10)
  private TaskOrigin origin;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "process_element_id", length = 255)
  private String processElementId;

  @Column(name = "completed_at")
  private Instant completedAt;

  @ElementCollection
  @CollectionTable(name = "crm_task_observer", joinColumns = @JoinColumn(name = "task_id"))
  @Column(name = "user_id", nullable = false)
  @BatchSize(size = 100)
  private Set<Long> observerIds = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "crm_task_link", joinColumns = @JoinColumn(name = "task_id"))
  @BatchSize(size = 100)
  private Set<ItemLink> links = new LinkedHashSet<>();

  protected Task() {}

  Task(TaskOrigin origin, Long createdBy, Long processInstanceKey, String processElementId) {
    this.origin = origin;
    this.createdBy = createdBy;
    this.processInstanceKey = processInstanceKey;
    this.processElementId = processElementId;
  }

  void update(TaskCommand c) {
    this.title = c.title();
    this.description = c.description();
    this.responsibleId = c.responsibleId();
    this.deadline = c.deadline();
    this.observerIds.clear();
    this.observerIds.addAll(c.observerIds());
    this.links.clear();
    this.links.addAll(c.links());
    touch();
  }

  void changeStatus(TaskStatus target) {
    if (target == status) {
      return;
    }
    status = target;
    completedAt = target == TaskStatus.DONE ? Instant.now() : null;
    touch();
  }

  String getTitle() {
    return title;
  }

  String getDescription() {
    return description;
  }

  TaskStatus getStatus() {
    return status;
  }

  Long getResponsibleId() {
    return responsibleId;
  }

  Long getCreatedBy() {
    return createdBy;
  }

  Instant getDeadline() {
    return deadline;
  }

  TaskOrigin getOrigin() {
    return origin;
  }

  Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  String getProcessElementId() {
    return processElementId;
  }

  Instant getCompletedAt() {
    return completedAt;
  }

  List<Long> getObserverIds() {
    return observerIds.stream().sorted().toList();
  }

  List<ItemLink> getLinks() {
    return List.copyOf(links);
  }
}

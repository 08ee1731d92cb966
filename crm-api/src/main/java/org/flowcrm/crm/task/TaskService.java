package org.flowcrm.crm.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.LinkService;
import org.flowcrm.crm.link.LinkedRecordAccess;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.Caller;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.flowcrm.crm.shared.Versions;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Tasks: the public API of the feature. */
@Service
@Validated
@Transactional(readOnly = true)
public class TaskService {

  public static final List<SortField> SORT_FIELDS =
      List.of(
          new SortField("id", "t.id", SortType.LONG),
          new SortField("createdAt", "t.created_at", SortType.TIMESTAMP),
          new SortField("updatedAt", "t.updated_at", SortType.TIMESTAMP));
  private static final SortOrder DEFAULT_SORT = new SortOrder(SORT_FIELDS.get(0), true);

  private final Tasks tasks;
  private final UserService users;
  private final LinkService links;
  private final Caller caller;
  private final LinkedRecordAccess access;
  private final JdbcTemplate jdbc;

  TaskService(
      Tasks tasks,
      UserService users,
      LinkService links,
      Caller caller,
      LinkedRecordAccess access,
      JdbcTemplate jdbc) {
    this.tasks = tasks;
    this.users = users;
    this.links = links;
    this.caller = caller;
    this.access = access;
    this.jdbc = jdbc;
  }

  /** Needs UPDATE on every record it is linked to (see {@link LinkedRecordAccess}). */
  @Transactional
  public TaskView create(@Valid TaskCommand command) {
    return create(command, TaskOrigin.MANUAL, null, null);
  }

  /**
   * A task created by the BPMN process step {@code elementId} of a process instance. Idempotent: a
   * retried worker gets the task the first call created.
   */
  @Transactional
  public TaskView createForProcess(
      @Valid TaskCommand command, long processInstanceKey, @NotBlank String elementId) {
    return tasks
        .findByProcessInstanceKeyAndProcessElementId(processInstanceKey, elementId)
        .map(TaskView::of)
        .orElseGet(() -> create(command, TaskOrigin.PROCESS, processInstanceKey, elementId));
  }

  /**
   * The same task once for each item (e.g. every contact of a filtered list), each linked to its
   * item, in one transaction. Every item must be one the caller may update (403 naming {@code
   * items[i]} before anything is created).
   */
  @Transactional
  public List<TaskView> createForEach(
      @Valid TaskCommand template, @NotEmpty @Size(max = 1000) List<@NotNull ItemLink> items) {
    links.requireExisting(items, "items");
    if (!template.links().isEmpty()) {
      access.requireAttach(template.links(), template.responsibleId(), "links", "responsibleId");
    }
    access.requireAttach(items, template.responsibleId(), "items", "responsibleId");
    List<TaskView> created = new ArrayList<>();
    for (ItemLink item : items) {
      List<ItemLink> itemLinks = new ArrayList<>(template.links());
      itemLinks.add(item);
      created.add(create(template.withLinks(itemLinks), TaskOrigin.BULK, null, null));
    }
    return created;
  }

  private TaskView create(
      TaskCommand command, TaskOrigin origin, Long processInstanceKey, String elementId) {
    check(command);
    access.requireAttach(command.links(), command.responsibleId(), "links", "responsibleId");
    Task task = new Task(origin, caller.userId(), processInstanceKey, elementId);
    task.update(command);
    return TaskView.of(tasks.saveAndFlush(task));
  }

  /** 404 unless the caller may read it (its responsible, author and observers always may). */
  public TaskView get(long id) {
    Task task = require(id);
    access.requireRead(entry(task));
    return TaskView.of(task);
  }

  /**
   * 404 unless readable, 403 unless the caller may change it and attach it to its new links (UPDATE
   * on every record it is and will be linked to).
   */
  @Transactional
  public TaskView update(long id, @Valid TaskCommand command, Long expectedVersion) {
    Task task = require(id);
    access.requireChange(entry(task));
    Versions.check("Task", id, task.getVersion(), expectedVersion);
    check(command);
    access.requireAttach(command.links(), command.responsibleId(), "links", "responsibleId");
    task.update(command);
    return TaskView.of(tasks.saveAndFlush(task));
  }

  /** Its responsible and its author may always change its status; others need UPDATE. */
  @Transactional
  public TaskView changeStatus(long id, TaskStatus status, Long expectedVersion) {
    Task task = require(id);
    access.requireComplete(entry(task));
    Versions.check("Task", id, task.getVersion(), expectedVersion);
    task.changeStatus(status);
    return TaskView.of(tasks.saveAndFlush(task));
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    Task task = require(id);
    access.requireChange(entry(task));
    Versions.check("Task", id, task.getVersion(), expectedVersion);
    tasks.delete(task);
  }

  /**
   * The tasks the caller may read, filtered in SQL so pages and cursors never leak. The tasks of an
   * item ({@code itemType} + {@code itemId}) are 404 when the caller may not read the item, and
   * then need no further filter: whoever reads a record reads what is linked to it.
   */
  public CursorPage<TaskView> list(TaskFilter f, ListRequest request) {
    SortOrder order = SortOrder.parse(request.sort(), SORT_FIELDS, DEFAULT_SORT);
    if ((f.itemType() == null) != (f.itemId() == null)) {
      throw new BadParameterException(
          f.itemType() == null ? "itemType" : "itemId", "give itemType and itemId together");
    }
    KeysetQuery query =
        new KeysetQuery("crm_task t", "t.id")
            .whereIfPresent(f.status() == null ? null : f.status().name(), "t.status = ?")
            .whereIfPresent(f.responsibleId(), "t.responsible_id = ?")
            .whereIfPresent(
                f.observerId(),
                "EXISTS (SELECT 1 FROM crm_task_observer o WHERE o.task_id = t.id AND o.user_id = ?)");
    if (Boolean.TRUE.equals(f.overdue())) {
      query.where(
          "t.status IN ('OPEN', 'IN_PROGRESS') AND t.deadline < ?", Timestamp.from(Instant.now()));
    }
    if (f.itemType() != null) {
      access.requireReadable(f.itemType(), f.itemId());
      query.where(
          "EXISTS (SELECT 1 FROM crm_task_link l WHERE l.task_id = t.id"
              + " AND l.item_type = ? AND l.item_id = ?)",
          f.itemType().name(),
          f.itemId());
    } else if (!isCaller(f.responsibleId())) {
      readFilter("t").applyTo(query);
    }
    KeysetQuery.Page page = query.page(jdbc, order, request);
    Map<Long, Task> found =
        tasks.findAllById(page.ids()).stream()
            .collect(Collectors.toMap(Task::getId, Function.identity()));
    return new CursorPage<>(
        page.ids().stream().map(found::get).filter(Objects::nonNull).map(TaskView::of).toList(),
        page.nextCursor());
  }

  /**
   * A user's open and in-progress tasks that are due between now and {@code until} or have no
   * deadline, soonest first (undated last): the home page's "my tasks today". Overdue tasks are
   * what the {@code overdue} filter lists. One query on the (responsible, status, deadline) index.
   */
  public List<TaskView> dueBy(long responsibleId, Instant until, int limit) {
    ScopeFilter scope = isCaller(responsibleId) ? ScopeFilter.unrestricted() : readFilter("t");
    List<Object> parameters = new ArrayList<>();
    parameters.add(responsibleId);
    parameters.add(Timestamp.from(Instant.now()));
    parameters.add(Timestamp.from(until));
    parameters.addAll(scope.parameters());
    parameters.add(limit);
    List<Long> ids =
        jdbc.queryForList(
            "SELECT t.id FROM crm_task t"
                + " WHERE t.responsible_id = ? AND t.status IN ('OPEN', 'IN_PROGRESS')"
                + " AND (t.deadline IS NULL OR (t.deadline >= ? AND t.deadline < ?))"
                + scope.andSql()
                + " ORDER BY t.deadline IS NULL, t.deadline, t.id LIMIT ?",
            Long.class,
            parameters.toArray());
    Map<Long, Task> found =
        tasks.findAllById(ids).stream().collect(Collectors.toMap(Task::getId, Function.identity()));
    return ids.stream().map(found::get).filter(Objects::nonNull).map(TaskView::of).toList();
  }

  /**
   * The tasks the caller may read, as a SQL condition on {@code crm_task} under {@code alias}: for
   * queries of other features (reports) over tasks.
   */
  public ScopeFilter readFilter(String alias) {
    return access.readFilter(
        alias,
        "crm_task_link",
        "task_id",
        "created_by",
        "EXISTS (SELECT 1 FROM crm_task_observer ob WHERE ob.task_id = "
            + alias
            + ".id AND ob.user_id = ?)");
  }

  /**
   * Whether a list is of the caller's own tasks (his inbox, his home page): their responsible may
   * always read them, so the read rule – a dozen permission look-ups and an EXISTS per linked kind
   * – would add nothing.
   */
  private boolean isCaller(Long responsibleId) {
    return responsibleId != null && responsibleId == access.callerId();
  }

  private static LinkedRecordAccess.Entry entry(Task t) {
    return new LinkedRecordAccess.Entry(
        "Task",
        t.getId(),
        t.getResponsibleId(),
        t.getCreatedBy(),
        t.getObserverIds(),
        t.getLinks());
  }

  private void check(TaskCommand command) {
    users.requireActive(command.responsibleId(), "responsibleId");
    for (int i = 0; i < command.observerIds().size(); i++) {
      users.requireActive(command.observerIds().get(i), "observerIds[" + i + "]");
    }
    links.requireExisting(command.links(), "links");
  }

  private Task require(long id) {
    return tasks.findById(id).orElseThrow(() -> new NotFoundException("Task", id));
  }
}

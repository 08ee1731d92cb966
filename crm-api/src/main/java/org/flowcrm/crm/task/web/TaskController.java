package org.flowcrm.crm.task.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskFilter;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskStatus;
import org.flowcrm.crm.task.TaskView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

  private final TaskService tasks;

  TaskController(TaskService tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  CursorPage<TaskView> list(@ModelAttribute TaskFilter filter, @ModelAttribute ListRequest page) {
    return tasks.list(filter, page);
  }

  @GetMapping("/{id}")
  ResponseEntity<TaskView> get(@PathVariable long id) {
    return withETag(tasks.get(id));
  }

  @PostMapping
  ResponseEntity<TaskView> create(@Valid @RequestBody TaskCommand command) {
    TaskView task = tasks.create(command);
    return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
        .eTag(ETags.of(task.version()))
        .body(task);
  }

  /** The same task for each of many items, e.g. the ids of a filtered list. */
  @PostMapping("/bulk")
  ResponseEntity<List<TaskView>> createForEach(@Valid @RequestBody BulkTasks bulk) {
    return ResponseEntity.status(201).body(tasks.createForEach(bulk.task(), bulk.items()));
  }

  @PutMapping("/{id}")
  ResponseEntity<TaskView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody TaskCommand command) {
    return withETag(tasks.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @PutMapping("/{id}/status")
  ResponseEntity<TaskView> changeStatus(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody StatusChange change) {
    return withETag(tasks.changeStatus(id, change.status(), ETags.expectedVersion(ifMatch, false)));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    tasks.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<TaskView> withETag(TaskView task) {
    return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
  }

  /** A task template and the items to create it for. */
  record BulkTasks(
      @NotNull @Valid TaskCommand task,
      @NotEmpty @Size(max = 1000) List<@Valid @NotNull ItemLink> items) {}

  /** The status to give a task. */
  record StatusChange(@NotNull TaskStatus status) {}
}

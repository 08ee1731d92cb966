package org.flowcrm.crm.activity.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityFilter;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.ListRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
class ActivityController {

  private final ActivityService activities;

  ActivityController(ActivityService activities) {
    this.activities = activities;
  }

  /** Filter ({@code itemType} + {@code itemId} gives an item's timeline), sort and page. */
  @GetMapping
  CursorPage<ActivityView> list(
      @ModelAttribute ActivityFilter filter, @ModelAttribute ListRequest page) {
    return activities.list(filter, page);
  }

  /**
   * A user's open and overdue activities, oldest first: the caller's own, or with {@code userId}
   * another user's as far as the caller may read them.
   */
  @GetMapping("/mine")
  CursorPage<ActivityView> mine(
      @RequestParam(required = false) Long userId, @ModelAttribute ListRequest page) {
    return activities.mine(userId, page);
  }

  @GetMapping("/{id}")
  ResponseEntity<ActivityView> get(@PathVariable long id) {
    return withETag(activities.get(id));
  }

  @PostMapping
  ResponseEntity<ActivityView> create(@Valid @RequestBody ActivityCommand command) {
    ActivityView activity = activities.create(command);
    return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
        .eTag(ETags.of(activity.version()))
        .body(activity);
  }

  @PutMapping("/{id}")
  ResponseEntity<ActivityView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ActivityCommand command) {
    return withETag(activities.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @PostMapping("/{id}/completion")
  ResponseEntity<ActivityView> complete(@PathVariable long id) {
    return withETag(activities.complete(id));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    activities.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ActivityView> withETag(ActivityView activity) {
    return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(activity);
  }
}

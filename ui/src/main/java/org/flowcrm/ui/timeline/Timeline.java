package org.flowcrm.ui.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flowcrm.crm.activity.ActivityFilter;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.task.TaskFilter;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskView;
import org.springframework.stereotype.Component;

/**
 * Builds a card's timeline from the activities and tasks linked to the record (the newest {@value
 * #LIMIT} of each), newest first. Rendered by {@code timeline/entries.ftlh}.
 */
@Component
public class Timeline {

  static final int LIMIT = 50;

  private final ActivityService activities;
  private final TaskService tasks;

  Timeline(ActivityService activities, TaskService tasks) {
    this.activities = activities;
    this.tasks = tasks;
  }

  /**
   * One line: when, what kind (a message key), the title, a link when the entry has a page of its
   * own, and whether it is done.
   */
  public record Entry(Instant at, String kindKey, String title, String href, boolean done) {}

  public List<Entry> of(ItemType type, long id) {
    List<Entry> entries = new ArrayList<>();
    for (ActivityView a :
        activities
            .list(
                new ActivityFilter(null, null, null, null, type, id, null, null),
                new ListRequest(null, LIMIT, null))
            .items()) {
      entries.add(
          new Entry(
              a.startsAt(),
              "timeline.activity." + a.type().name(),
              a.subject(),
              null,
              a.completed()));
    }
    for (TaskView t :
        tasks
            .list(
                new TaskFilter(null, null, null, null, type, id),
                new ListRequest(null, LIMIT, null))
            .items()) {
      entries.add(
          new Entry(
              t.deadline() != null ? t.deadline() : t.createdAt(),
              "timeline.task",
              t.title(),
              "/tasks/" + t.id(),
              t.status().name().equals("DONE")));
    }
    entries.sort(Comparator.comparing(Entry::at).reversed());
    return entries;
  }
}

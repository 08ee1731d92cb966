package org.flowcrm.ui.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.activity.ActivityFilter;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.inbox.AttachmentView;
import org.flowcrm.crm.inbox.InboundMailService;
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
  private final InboundMailService mail;

  Timeline(ActivityService activities, TaskService tasks, InboundMailService mail) {
    this.activities = activities;
    this.tasks = tasks;
    this.mail = mail;
  }

  /**
   * One line: when, what kind (a message key), the title, a link when the entry has a page of its
   * own, whether it is done, and the files an incoming mail brought (downloaded through {@link
   * MailAttachmentController}).
   */
  public record Entry(
      Instant at,
      String kindKey,
      String title,
      String href,
      boolean done,
      List<AttachmentView> attachments) {}

  public List<Entry> of(ItemType type, long id) {
    List<Entry> entries = new ArrayList<>();
    List<ActivityView> readable =
        activities
            .list(
                new ActivityFilter(null, null, null, null, type, id, null, null),
                new ListRequest(null, LIMIT, null))
            .items();
    // one query for the attachments of all listed mails
    Map<Long, List<AttachmentView>> files =
        mail.attachmentsOf(readable.stream().filter(a -> a.type() == ActivityType.EMAIL).toList());
    for (ActivityView a : readable) {
      entries.add(
          new Entry(
              a.startsAt(),
              "timeline.activity." + a.type().name(),
              a.subject(),
              null,
              a.completed(),
              files.getOrDefault(a.id(), List.of())));
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
              t.status().name().equals("DONE"),
              List.of()));
    }
    entries.sort(Comparator.comparing(Entry::at).reversed());
    return entries;
  }
}

package org.flowcrm.workers.activity;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#LOG_ACTIVITY}: writes an entry on the lead's or deal's timeline through {@code
 * ActivityService.record}, keyed by process instance + element + job key, so a redelivered job
 * writes nothing twice while each pass of a loop (a second call) writes its own entry. An {@code
 * activity} that is an activity type (CALL, MEETING, EMAIL, NOTE) is written as such; any other
 * kind (DELIVERY_FAILED) becomes a NOTE titled after it. The entry records something that happened,
 * so it is completed.
 */
@Component
public class LogActivityWorker {

  /** The job's input variables. */
  public record Input(String entityType, Long entityId, String activity, String text) {}

  private final ActivityService activities;
  private final ProcessPositions positions;

  public LogActivityWorker(ActivityService activities, ProcessPositions positions) {
    this.activities = activities;
    this.positions = positions;
  }

  @JobWorker(type = JobTypes.LOG_ACTIVITY)
  public void logActivity(ActivatedJob job, @VariablesAsType Input in) {
    positions.at(job, in.entityType(), in.entityId());
    ItemType itemType = ItemType.valueOf(in.entityType());
    ActivityType type = typeOf(in.activity());
    String label = label(in.activity());
    String text = in.text() == null || in.text().isBlank() ? label : in.text().strip();
    String firstLine = text.lines().findFirst().orElse(label);
    String subject = firstLine.startsWith(label) ? firstLine : label + ": " + firstLine;
    ActivityView entry =
        activities.record(
            new ActivityCommand(
                type,
                subject.length() > 255 ? subject.substring(0, 254) + "…" : subject,
                text,
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new ItemLink(itemType, in.entityId()))),
            job.getProcessInstanceKey() + ":" + job.getElementId() + ":" + job.getKey());
    if (!entry.completed()) {
      activities.complete(entry.id());
    }
  }

  static ActivityType typeOf(String activity) {
    for (ActivityType type : ActivityType.values()) {
      if (type.name().equals(activity)) {
        return type;
      }
    }
    return ActivityType.NOTE;
  }

  /** {@code DELIVERY_FAILED} → {@code Delivery failed}. */
  static String label(String activity) {
    if (activity == null || activity.isBlank()) {
      return "Note";
    }
    String words = activity.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

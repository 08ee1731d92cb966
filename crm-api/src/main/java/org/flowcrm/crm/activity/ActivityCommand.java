package org.flowcrm.crm.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;

/**
 * An activity. {@code direction}, {@code callResult} and {@code durationSeconds} describe calls,
 * {@code location} meetings; {@code links} say which CRM items the activity belongs to.
 */
public record ActivityCommand(
    @NotNull ActivityType type,
    @NotBlank @Size(max = 255) String subject,
    @Size(max = 20000) String description,
    @NotNull Instant startsAt,
    Instant endsAt,
    Long responsibleId,
    Instant reminderAt,
    CallDirection direction,
    @Size(max = 100) String callResult,
    @Min(0) @Max(86400) Integer durationSeconds,
    @Size(max = 255) String location,
    @Size(max = 20) List<@Valid @NotNull ItemLink> links) {

  public ActivityCommand {
    links = links == null ? List.of() : links;
  }
}

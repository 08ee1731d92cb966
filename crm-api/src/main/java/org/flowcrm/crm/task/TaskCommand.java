package org.flowcrm.crm.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.link.ItemLink;

/** The editable fields of a task. */
public record TaskCommand(
    @NotBlank @Size(max = 255) String title,
    @Size(max = 20000) String description,
    Long responsibleId,
    Instant deadline,
    @Size(max = 50) List<@NotNull Long> observerIds,
    @Size(max = 50) List<@Valid @NotNull ItemLink> links) {

  public TaskCommand {
    observerIds = observerIds == null ? List.of() : observerIds;
    links = links == null ? List.of() : links;
  }

  TaskCommand withLinks(List<ItemLink> newLinks) {
    return new TaskCommand(title, description, responsibleId, deadline, observerIds, newLinks);
  }
}

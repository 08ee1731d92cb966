package org.flowcrm.crm.shared;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One bulk request over a list: an {@code action}, the records it applies to (either {@code ids}
 * picked in the list, or every record the list's {@code filter} matches for the caller), and the
 * action's argument ({@code responsibleId}, {@code stageId} or {@code status}).
 *
 * @param <F> the list's filter, e.g. {@code DealFilter}
 */
public record BulkCommand<F>(
    @NotNull BulkAction action,
    @Size(max = BulkCommand.MAX_IDS) List<@NotNull Long> ids,
    F filter,
    Long responsibleId,
    Long stageId,
    @Size(max = 40) String status) {

  /** At most this many ids in one request; larger selections go by filter. */
  public static final int MAX_IDS = 10_000;

  /**
   * Refuses (400, naming the field) a request whose action the list does not offer, whose selection
   * is missing or ambiguous, or that lacks the action's argument, before anything is written.
   */
  public void check(Set<BulkAction> offered) {
    if (!offered.contains(action)) {
      throw new BadParameterException(
          "action", "must be one of " + offered + " here (was " + action + ")");
    }
    if (ids == null && filter == null) {
      throw new BadParameterException(
          "ids", "give the ids of the records, or a filter (may be {}) to select all it matches");
    }
    if (ids != null && filter != null) {
      throw new BadParameterException("filter", "give either ids or a filter, not both");
    }
    if (ids != null && ids.isEmpty()) {
      throw new BadParameterException("ids", "select at least one record");
    }
    switch (action) {
      case ASSIGN -> required(responsibleId, "responsibleId");
      case MOVE_STAGE -> required(stageId, "stageId");
      case CHANGE_STATUS -> required(status == null || status.isBlank() ? null : status, "status");
      case DELETE, START_TASK -> {}
    }
  }

  /** The picked ids without repeats, in the order given. */
  public List<Long> distinctIds() {
    return new ArrayList<>(new LinkedHashSet<>(ids));
  }

  private void required(Object value, String field) {
    if (value == null) {
      throw new BadParameterException(field, "is required for " + action);
    }
  }
}

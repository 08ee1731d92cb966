package org.flowcrm.crm.shared;

import java.util.List;

/**
 * What a bulk request did: how many records it selected, changed and refused, and why each refused
 * one was refused (the first {@value BulkRunner#MAX_REPORTED_REFUSALS}; {@code refused} counts
 * all).
 */
public record BulkResult(int selected, int done, int refused, List<Refusal> refusals) {

  /**
   * Why one record was left unchanged: {@code reason} is NOT_FOUND (missing, or hidden from the
   * caller), FORBIDDEN (the caller's role does not allow it), CONFLICT (the record's state, e.g. a
   * closed deal or a process that does not allow the move), INVALID (e.g. a stage of another
   * pipeline), CHANGED (someone else changed it at the same time) or IN_USE (the database refuses,
   * e.g. a record still referenced); {@code message} says it in words.
   */
  public record Refusal(long id, String reason, String message) {}
}

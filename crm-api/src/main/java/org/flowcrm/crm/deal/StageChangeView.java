package org.flowcrm.crm.deal;

import java.time.Instant;

/** One entry of a deal's stage history. */
public record StageChangeView(
    Long fromStageId,
    String fromStageName,
    long toStageId,
    String toStageName,
    Long changedBy,
    Instant changedAt) {

  static StageChangeView of(DealStageChange c) {
    return new StageChangeView(
        c.getFromStageId(),
        c.getFromStageName(),
        c.getToStageId(),
        c.getToStageName(),
        c.getChangedBy(),
        c.getChangedAt());
  }
}

package org.flowcrm.crm.deal;

import java.time.Instant;

/**
 * A deal moved to another stage; {@code semantic} tells whether it is now won or lost (and so
 * closed). Published when the change is saved; listen with {@code @TransactionalEventListener} to
 * act after the commit.
 */
public record DealStageChanged(
    long dealId,
    long pipelineId,
    long fromStageId,
    String fromStageCode,
    long toStageId,
    String toStageCode,
    StageSemantic semantic,
    Long changedBy,
    Instant changedAt,
    Long processInstanceKey) {}

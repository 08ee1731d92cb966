package org.flowcrm.crm.permission;

/**
 * A deal restriction of a role. With {@code stageId} or {@code stageSemantic} (OPEN, WON, LOST) the
 * role may not move deals into that stage (of {@code pipelineId}, or of any pipeline when it is
 * {@code null}); with only {@code pipelineId} the role does not see that pipeline's deals at all.
 */
public record DealRestriction(Long pipelineId, Long stageId, String stageSemantic) {}

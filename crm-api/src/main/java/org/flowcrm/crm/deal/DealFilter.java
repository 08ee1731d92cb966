package org.flowcrm.crm.deal;

import java.math.BigDecimal;

/**
 * Which deals a list shows; every field is optional. {@code q} searches the title (words by their
 * first letters).
 */
public record DealFilter(
    Long pipelineId,
    Long stageId,
    Long responsibleId,
    Long companyId,
    Long contactId,
    Boolean closed,
    String currency,
    DealType type,
    BigDecimal minAmount,
    BigDecimal maxAmount,
    String q) {

  public static DealFilter none() {
    return new DealFilter(null, null, null, null, null, null, null, null, null, null, null);
  }
}

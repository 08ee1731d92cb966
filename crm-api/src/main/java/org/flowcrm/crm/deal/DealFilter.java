package org.flowcrm.crm.deal;

import java.math.BigDecimal;
import java.util.Map;

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
    String q,
    Map<String, String> customFields) {
  /** Without custom field filters. */
  public DealFilter(
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
    this(
        pipelineId,
        stageId,
        responsibleId,
        companyId,
        contactId,
        closed,
        currency,
        type,
        minAmount,
        maxAmount,
        q,
        Map.of());
  }

  /** What the deal list's page filters by: a stage, the search and custom fields. */
  public static DealFilter ofList(
      Long stageId, Long responsibleId, String q, Map<String, String> customFields) {
    return new DealFilter(
        null, stageId, responsibleId, null, null, null, null, null, null, null, q, customFields);
  }

  public static DealFilter none() {
    return new DealFilter(null, null, null, null, null, null, null, null, null, null, null);
  }
}

package org.flowcrm.crm.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.shared.ProductRowView;

/**
 * A deal as callers see it, including its amount in the base currency; {@code delivery} holds the
 * client's delivery wishes (its fields {@code null} when there are none).
 */
public record DealView(
    long id,
    long version,
    String title,
    long pipelineId,
    long stageId,
    String stageCode,
    String stageName,
    StageSemantic stageSemantic,
    BigDecimal amount,
    String currency,
    BigDecimal amountInBaseCurrency,
    Integer probability,
    LocalDate expectedCloseDate,
    DealType type,
    Long responsibleId,
    boolean visibleToAll,
    Long companyId,
    List<Long> contactIds,
    List<ProductRowView> rows,
    boolean closed,
    Instant closedAt,
    Long sourceLeadId,
    ProcessLink process,
    Instant createdAt,
    Instant updatedAt,
    Map<String, Object> customFields,
    DeliveryWishes delivery) {

  static DealView of(Deal d, Map<String, BigDecimal> rates) {
    BigDecimal rate = rates.get(d.getCurrency());
    return new DealView(
        d.getId(),
        d.getVersion(),
        d.getTitle(),
        d.getPipeline().getId(),
        d.getStage().getId(),
        d.getStage().getCode(),
        d.getStage().getName(),
        d.getStage().getSemantic(),
        d.getAmount(),
        d.getCurrency(),
        rate == null
            ? null
            : d.getAmount().multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP),
        d.getProbability(),
        d.getExpectedCloseDate(),
        d.getType(),
        d.getResponsibleId(),
        d.isVisibleToAll(),
        d.getCompanyId(),
        d.getContactIds().stream().sorted().toList(),
        d.getRows().stream().map(ProductRowView::of).toList(),
        d.isClosed(),
        d.getClosedAt(),
        d.getSourceLeadId(),
        d.getProcessLink(),
        d.getCreatedAt(),
        d.getUpdatedAt(),
        d.getCustomFields(),
        d.getDeliveryWishes());
  }
}

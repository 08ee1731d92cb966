package org.flowcrm.crm.deal;

import java.math.BigDecimal;

/** How many deals a stage holds and what they are worth in the base currency. */
public record StageTotal(
    long stageId,
    String stageCode,
    String stageName,
    StageSemantic semantic,
    long deals,
    BigDecimal amountInBaseCurrency) {}

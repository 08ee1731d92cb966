package org.flowcrm.crm.deal;

import java.math.BigDecimal;

/**
 * What a kanban card shows of a deal. Read with one narrow query instead of loading {@link Deal}
 * entities with their rows and contacts, because a board shows hundreds of cards at once.
 */
public record DealCard(
    long id, long version, String title, long stageId, BigDecimal amount, String currency) {}

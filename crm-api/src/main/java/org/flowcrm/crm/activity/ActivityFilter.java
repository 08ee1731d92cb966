package org.flowcrm.crm.activity;

import java.time.Instant;
import org.flowcrm.crm.link.ItemType;

/**
 * Which activities a list shows; every field is optional. {@code itemType} with {@code itemId}
 * gives an item's timeline; {@code overdue=true} the open ones whose start has passed.
 */
public record ActivityFilter(
    ActivityType type,
    Long responsibleId,
    Boolean completed,
    Boolean overdue,
    ItemType itemType,
    Long itemId,
    Instant from,
    Instant to) {}

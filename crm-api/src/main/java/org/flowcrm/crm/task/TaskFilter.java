package org.flowcrm.crm.task;

import org.flowcrm.crm.link.ItemType;

/**
 * Which tasks a list shows; every field is optional. {@code itemType} with {@code itemId} lists the
 * tasks linked to an item.
 */
public record TaskFilter(
    TaskStatus status,
    Long responsibleId,
    Long observerId,
    Boolean overdue,
    ItemType itemType,
    Long itemId) {}

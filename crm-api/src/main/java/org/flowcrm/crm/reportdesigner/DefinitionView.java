package org.flowcrm.crm.reportdesigner;

import java.time.Instant;

/**
 * A saved definition as callers see it: {@code mine} whether the caller owns it (only the owner
 * changes, shares or deletes it); others see it because it is shared with one of their roles.
 */
public record DefinitionView(
    long id,
    long version,
    String name,
    String entity,
    long ownerId,
    String ownerName,
    boolean mine,
    ReportDefinition definition,
    Instant updatedAt) {}

package org.flowcrm.crm.history;

import java.time.Instant;

/**
 * One changed field of a record: {@code field} is the property name ({@code amount}, {@code stage},
 * {@code phones}, {@code customFields.budget}); values as people read them (a stage by its name,
 * rows as "Chair × 20 à 120.00 −10 %"); {@code changedBy} {@code null} when a process or the system
 * changed it.
 */
public record FieldChangeView(
    long id,
    String field,
    String oldValue,
    String newValue,
    Long changedBy,
    String changedByName,
    Instant changedAt) {}

package org.flowcrm.engine.model;

import org.flowcrm.engine.feel.Expression;

/** A sequence flow; {@code condition} is null when it has none. */
public record SequenceFlow(String id, String sourceId, String targetId, Expression condition) {}

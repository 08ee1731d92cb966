package org.flowcrm.engine.model;

import org.flowcrm.engine.feel.Expression;

/** One {@code zeebe:input} or {@code zeebe:output}: a source expression and a target path. */
public record Mapping(Expression source, String target) {}

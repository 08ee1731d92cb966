package org.flowcrm.engine.api;

/**
 * A variable of a scope (a process instance or an element instance such as a sub-process or a task
 * with input mappings), as Camunda's variable API shows it. {@code value} is the value as JSON text
 * ({@code "\"A-1\""}, {@code 42}, {@code {"a":1}}). {@code key} is derived from the scope key and
 * the name (see {@code VariableKeys}), so it stays the same while the variable lives.
 */
public record Variable(
    long key, String name, String value, long scopeKey, long processInstanceKey, String tenantId) {}

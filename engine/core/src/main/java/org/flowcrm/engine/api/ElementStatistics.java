package org.flowcrm.engine.api;

/**
 * How many instances of one element of a process version there are, as Camunda's element statistics
 * count them: {@code active} ones without an open incident, {@code incidents} = active ones held by
 * an open incident, {@code completed} and {@code canceled} (terminated) ones from the history.
 */
public record ElementStatistics(
    String elementId, long active, long canceled, long incidents, long completed) {}

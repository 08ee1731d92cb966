package org.flowcrm.engine.api;

import java.util.List;

/** One page of a search and the number of all matches. */
public record SearchResult<T>(List<T> items, long totalItems) {}

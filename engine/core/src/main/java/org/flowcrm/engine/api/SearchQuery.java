package org.flowcrm.engine.api;

import java.util.List;
import java.util.Map;

/**
 * A search over one kind of entity (process definitions, process instances, element instances,
 * jobs). Filter and sort fields carry the names of Camunda's REST API v2 ({@code
 * processDefinitionId}, {@code state}, ...); each search names the fields it supports and refuses
 * others with INVALID_ARGUMENT, so a client never gets an unfiltered answer to a filtered question.
 *
 * @param filter field → accepted values (a record matches when its value is one of them; booleans
 *     and keys as text)
 * @param sortField null = the entity's key, ascending
 * @param from offset of the first item
 * @param limit page size; 0 or less = 100, Camunda's default
 */
public record SearchQuery(
    Map<String, List<String>> filter, String sortField, boolean descending, int from, int limit) {

  public SearchQuery {
    filter = filter == null ? Map.of() : Map.copyOf(filter);
    from = Math.max(0, from);
    limit = limit <= 0 ? 100 : limit;
  }

  public static SearchQuery all() {
    return new SearchQuery(Map.of(), null, false, 0, 100);
  }

  /** This query with one more filter field: a record matches when its value equals one of these. */
  public SearchQuery where(String field, String... values) {
    Map<String, List<String>> copy = new java.util.LinkedHashMap<>(filter);
    copy.put(field, List.of(values));
    return new SearchQuery(copy, sortField, descending, from, limit);
  }

  public SearchQuery sortedBy(String field, boolean desc) {
    return new SearchQuery(filter, field, desc, from, limit);
  }

  public SearchQuery page(int fromIndex, int size) {
    return new SearchQuery(filter, sortField, descending, fromIndex, size);
  }

  /** The accepted values of a filter field, null when the query does not filter by it. */
  public List<String> values(String field) {
    return filter.get(field);
  }
}

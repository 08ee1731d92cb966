package org.flowcrm.engine.processing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.SearchQuery;
import org.flowcrm.engine.api.SearchResult;

/**
 * What the in-memory searches share: refusing filter and sort fields a search does not support
 * (naming them), matching a value against a filter, sorting and paging.
 */
final class Searches {

  private Searches() {}

  /** Refuses filters and sorts this search does not know, naming the field and the entity. */
  static void check(SearchQuery q, String entity, Set<String> filters, Set<String> sorts) {
    for (String field : q.filter().keySet()) {
      if (!filters.contains(field)) {
        throw new EngineException(
            Rejection.INVALID_ARGUMENT,
            "This engine does not filter "
                + entity
                + " by '"
                + field
                + "'; it filters by "
                + String.join(", ", new java.util.TreeSet<>(filters))
                + ".");
      }
    }
    if (q.sortField() != null && !sorts.contains(q.sortField())) {
      throw new EngineException(
          Rejection.INVALID_ARGUMENT,
          "This engine does not sort "
              + entity
              + " by '"
              + q.sortField()
              + "'; it sorts by "
              + String.join(", ", new java.util.TreeSet<>(sorts))
              + ".");
    }
  }

  /** True when the query does not filter by {@code field} or the value is one it accepts. */
  static boolean matches(SearchQuery q, String field, Object value) {
    List<String> accepted = q.values(field);
    if (accepted == null) {
      return true;
    }
    return value != null && accepted.contains(String.valueOf(value));
  }

  /** The accepted values of a key filter as numbers; refuses one that is not a key. */
  static List<Long> keys(SearchQuery q, String field) {
    List<String> values = q.values(field);
    if (values == null) {
      return null;
    }
    List<Long> keys = new ArrayList<>(values.size());
    for (String value : values) {
      try {
        keys.add(Long.parseLong(value));
      } catch (NumberFormatException e) {
        throw new EngineException(
            Rejection.INVALID_ARGUMENT,
            "The provided " + field + " '" + value + "' is not a valid key. Expected a number.");
      }
    }
    return keys;
  }

  /**
   * Sorts by the query's sort field (its comparator from {@code sorts}, missing values last when
   * ascending), ties and no sort field by {@code key}; then cuts the page.
   */
  static <T> SearchResult<T> page(
      List<T> matches,
      SearchQuery q,
      Map<String, Function<T, Comparable<?>>> sorts,
      Function<T, Long> key) {
    matches.sort(comparator(q, sorts, key));
    int from = Math.min(q.from(), matches.size());
    int to = (int) Math.min((long) from + q.limit(), matches.size());
    return new SearchResult<>(List.copyOf(matches.subList(from, to)), matches.size());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> Comparator<T> comparator(
      SearchQuery q, Map<String, Function<T, Comparable<?>>> sorts, Function<T, Long> key) {
    Comparator<T> order = Comparator.comparing(key);
    if (q.sortField() != null) {
      Function<T, Comparable> by = (Function) sorts.get(q.sortField());
      order =
          Comparator.comparing(by, Comparator.nullsLast(Comparator.<Comparable>naturalOrder()))
              .thenComparing(key);
    }
    return q.descending() ? order.reversed() : order;
  }
}

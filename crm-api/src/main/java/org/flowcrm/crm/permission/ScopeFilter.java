package org.flowcrm.crm.permission;

import java.util.List;
import org.flowcrm.crm.shared.KeysetQuery;

/**
 * The caller's scope as a SQL condition with its parameters, for list, search, count and export
 * queries: applied in the database, so totals, pages and CSV files contain only what the caller may
 * see. {@code null} {@link #sql()} means no restriction.
 */
public record ScopeFilter(String sql, List<Object> parameters) {

  static final ScopeFilter NONE = new ScopeFilter("1 = 0", List.of());
  static final ScopeFilter UNRESTRICTED = new ScopeFilter(null, List.of());

  /** No restriction: for a query whose other conditions already keep it within the scope. */
  public static ScopeFilter unrestricted() {
    return UNRESTRICTED;
  }

  public boolean restricts() {
    return sql != null;
  }

  /** Adds the condition to {@code query} (nothing when unrestricted). */
  public KeysetQuery applyTo(KeysetQuery query) {
    return restricts() ? query.where("(" + sql + ")", parameters.toArray()) : query;
  }

  /** {@code AND (condition)} for a hand-written query, or the empty string when unrestricted. */
  public String andSql() {
    return restricts() ? " AND (" + sql + ")" : "";
  }
}

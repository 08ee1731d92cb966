package org.flowcrm.crm.shared;

/**
 * Paging of a list: how many ({@code limit}, 1–200, default 50), after which {@code cursor} and in
 * which {@code sort} order.
 */
public record ListRequest(String sort, Integer limit, String after) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public static ListRequest first(int limit) {
    return new ListRequest(null, limit, null);
  }

  public int effectiveLimit() {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadParameterException(
          "limit", "must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
    }
    return limit;
  }

  public ListRequest withAfter(String cursor) {
    return new ListRequest(sort, limit, cursor);
  }
}

package org.flowcrm.crm.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list. {@code nextCursor} is opaque; pass it as {@code after} to
 * get the following page, it is {@code null} on the last page.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

  public <R> CursorPage<R> map(Function<T, R> mapper) {
    return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
  }
}

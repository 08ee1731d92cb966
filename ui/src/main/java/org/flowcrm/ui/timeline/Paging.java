package org.flowcrm.ui.timeline;

import org.springframework.web.util.UriComponentsBuilder;

/** Links of a keyset-paged list that keeps its search: back to the first page, and the next. */
public final class Paging {

  private Paging() {}

  /** The first page's link when not on it, else empty (the pagination macro then disables it). */
  public static String first(String path, String q, String after) {
    return after == null || after.isBlank() ? "" : base(path, q).build().encode().toUriString();
  }

  public static String next(String path, String q, String nextCursor) {
    return nextCursor == null
        ? ""
        : base(path, q).queryParam("after", nextCursor).build().encode().toUriString();
  }

  private static UriComponentsBuilder base(String path, String q) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
    if (q != null && !q.isBlank()) {
      builder.queryParam("q", q);
    }
    return builder;
  }

  public static String cursor(String after) {
    return after == null || after.isBlank() ? null : after;
  }
}

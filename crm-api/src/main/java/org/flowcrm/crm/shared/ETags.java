package org.flowcrm.crm.shared;

/** Maps a record's version to an HTTP entity tag and back. */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names, or {@code null} for {@code *}. A missing header
   * is refused when {@code required}.
   */
  public static Long expectedVersion(String ifMatch, boolean required) {
    if (ifMatch == null || ifMatch.isBlank()) {
      if (required) {
        throw new PreconditionRequiredException();
      }
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.equals("*")) {
      return null;
    }
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      // An entity tag we never issued cannot match the current one.
      throw new PreconditionFailedException("If-Match " + ifMatch + " is not an ETag of this API");
    }
  }
}

package org.flowcrm.crm.shared;

import java.util.List;

/** A parsed {@code sort} parameter: {@code amount} ascending, {@code -amount} descending. */
public record SortOrder(SortField field, boolean descending) {

  /**
   * Parses {@code sort} against the fields a list allows; {@code null} or blank gives the default.
   */
  public static SortOrder parse(String sort, List<SortField> allowed, SortOrder fallback) {
    if (sort == null || sort.isBlank()) {
      return fallback;
    }
    String value = sort.trim();
    boolean descending = false;
    if (value.startsWith("-")) {
      descending = true;
      value = value.substring(1);
    } else if (value.startsWith("+")) {
      value = value.substring(1);
    }
    if (value.endsWith(",desc")) {
      descending = true;
      value = value.substring(0, value.length() - 5);
    } else if (value.endsWith(",asc")) {
      value = value.substring(0, value.length() - 4);
    }
    for (SortField field : allowed) {
      if (field.name().equals(value)) {
        return new SortOrder(field, descending);
      }
    }
    throw new BadParameterException(
        "sort",
        "cannot sort by '"
            + value
            + "'; use one of "
            + allowed.stream().map(SortField::name).toList()
            + ", prefixed with - for descending");
  }

  String token() {
    return (descending ? "-" : "") + field.name();
  }
}

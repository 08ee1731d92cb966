package org.flowcrm.crm.listview;

import java.util.List;

/**
 * The lists a view can be saved for, with the names of their columns (in the order a list shows
 * them), the filter fields a view may keep and the sort orders it may keep. The ui renders exactly
 * these columns; a name not listed here is refused.
 */
public enum ListKind {
  LEADS(
      List.of("title", "person", "company", "email", "phone", "status", "source", "created"),
      List.of("title", "person", "company", "status", "created"),
      List.of("q", "status"),
      List.of("-id", "id", "title", "-title", "-updatedAt")),
  DEALS(
      List.of("title", "stage", "amount", "probability", "closeDate", "created"),
      List.of("title", "stage", "amount", "created"),
      List.of("q"),
      List.of("-id")),
  CONTACTS(
      List.of("name", "position", "email", "phone", "created"),
      List.of("name", "position", "email", "phone"),
      List.of("q"),
      List.of("-id")),
  COMPANIES(
      List.of("name", "industry", "email", "phone", "created"),
      List.of("name", "industry", "email", "phone"),
      List.of("q"),
      List.of("-id"));

  private final List<String> columns;
  private final List<String> defaultColumns;
  private final List<String> filterFields;
  private final List<String> sorts;

  ListKind(
      List<String> columns,
      List<String> defaultColumns,
      List<String> filterFields,
      List<String> sorts) {
    this.columns = columns;
    this.defaultColumns = defaultColumns;
    this.filterFields = filterFields;
    this.sorts = sorts;
  }

  /** Every column the list can show, in display order. */
  public List<String> columns() {
    return columns;
  }

  /** What the list shows when nobody chose. */
  public List<String> defaultColumns() {
    return defaultColumns;
  }

  public List<String> filterFields() {
    return filterFields;
  }

  public List<String> sorts() {
    return sorts;
  }

  /**
   * The chosen columns that exist, in display order; the defaults when none is chosen (an empty or
   * unknown choice, e.g. from an edited URL).
   */
  public List<String> visible(List<String> chosen) {
    if (chosen == null) {
      return defaultColumns;
    }
    List<String> visible = columns.stream().filter(chosen::contains).toList();
    return visible.isEmpty() ? defaultColumns : visible;
  }
}

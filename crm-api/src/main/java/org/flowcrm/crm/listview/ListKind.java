package org.flowcrm.crm.listview;

import java.util.List;
import java.util.function.Predicate;
import org.flowcrm.crm.customfield.CustomizableEntity;

/**
 * The lists a view can be saved for, with the names of their columns (in the order a list shows
 * them), the filter fields a view may keep and the sort orders it may keep. The ui renders exactly
 * these columns; a name not listed here is refused, except a custom field of the list's records
 * ({@value #CUSTOM_PREFIX}{@code <code>}), which is a column and a filter of every list.
 */
public enum ListKind {
  LEADS(
      CustomizableEntity.LEAD,
      "/leads",
      List.of("title", "person", "company", "email", "phone", "status", "source", "created"),
      List.of("title", "person", "company", "status", "created"),
      List.of("q", "status"),
      List.of("-id", "id", "title", "-title", "-updatedAt")),
  DEALS(
      CustomizableEntity.DEAL,
      "/deals/list",
      List.of("title", "stage", "amount", "probability", "closeDate", "created"),
      List.of("title", "stage", "amount", "created"),
      List.of("q", "stage", "responsible"),
      List.of("-id", "id", "title", "-title", "-amount", "amount", "-updatedAt")),
  CONTACTS(
      CustomizableEntity.CONTACT,
      "/contacts",
      List.of("name", "position", "email", "phone", "created"),
      List.of("name", "position", "email", "phone"),
      List.of("q"),
      List.of("-id", "id", "lastName", "-lastName", "-updatedAt")),
  COMPANIES(
      CustomizableEntity.COMPANY,
      "/companies",
      List.of("name", "industry", "email", "phone", "created"),
      List.of("name", "industry", "email", "phone"),
      List.of("q"),
      List.of("-id", "id", "name", "-name", "-updatedAt"));

  /** Column and filter names of custom fields: {@code cf.region}. */
  public static final String CUSTOM_PREFIX = "cf.";

  private final CustomizableEntity entity;
  private final String path;
  private final List<String> columns;
  private final List<String> defaultColumns;
  private final List<String> filterFields;
  private final List<String> sorts;

  ListKind(
      CustomizableEntity entity,
      String path,
      List<String> columns,
      List<String> defaultColumns,
      List<String> filterFields,
      List<String> sorts) {
    this.entity = entity;
    this.path = path;
    this.columns = columns;
    this.defaultColumns = defaultColumns;
    this.filterFields = filterFields;
    this.sorts = sorts;
  }

  /** Whose custom fields the list can show and filter by. */
  public CustomizableEntity entity() {
    return entity;
  }

  /** The page of the list in the ui. */
  public String path() {
    return path;
  }

  /** Every standard column the list can show, in display order. */
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

  /** The custom field code a column or filter name names, or null for a standard one. */
  public static String customCode(String name) {
    return name != null && name.startsWith(CUSTOM_PREFIX)
        ? name.substring(CUSTOM_PREFIX.length())
        : null;
  }

  /**
   * The chosen columns that exist, in display order; the defaults when none is chosen (an empty or
   * unknown choice, e.g. from an edited URL). Without custom fields.
   */
  public List<String> visible(List<String> chosen) {
    return visible(chosen, code -> false);
  }

  /**
   * As {@link #visible(List)}; chosen custom field columns whose code {@code customField} knows
   * follow the standard ones, in the order chosen.
   */
  public List<String> visible(List<String> chosen, Predicate<String> customField) {
    if (chosen == null) {
      return defaultColumns;
    }
    List<String> standard = columns.stream().filter(chosen::contains).toList();
    List<String> custom =
        chosen.stream()
            .filter(c -> customCode(c) != null && customField.test(customCode(c)))
            .distinct()
            .toList();
    List<String> visible =
        java.util.stream.Stream.concat(standard.stream(), custom.stream()).toList();
    return visible.isEmpty() ? defaultColumns : visible;
  }
}

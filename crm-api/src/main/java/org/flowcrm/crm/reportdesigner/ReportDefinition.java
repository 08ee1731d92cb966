package org.flowcrm.crm.reportdesigner;

import java.util.List;

/**
 * A report as the user designed it, the body of saves and previews and what is stored. Names of
 * entities, fields, operators and aggregates are plain text here so that a wrong one is a 400
 * naming where it is ({@code columns[2].field: unknown field "foo" for deals}) rather than a parse
 * error; {@link ReportDesignerService} checks everything against the catalogue.
 *
 * <p>Without {@code groupBy} and aggregates the report lists records (one row each, the columns'
 * fields). With them it has one row per group: the group fields first, then each aggregated column.
 * {@code chartValue} is the key of the column the chart draws (default: the first number column
 * that is not a count, else the count).
 */
public record ReportDefinition(
    String name,
    String entity,
    List<Column> columns,
    List<Filter> filters,
    List<Grouping> groupBy,
    List<Sort> sort,
    String chart,
    String chartValue,
    List<String> sharedWithRoles) {

  public ReportDefinition {
    columns = columns == null ? List.of() : List.copyOf(columns);
    filters = filters == null ? List.of() : List.copyOf(filters);
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    sort = sort == null ? List.of() : List.copyOf(sort);
    sharedWithRoles = sharedWithRoles == null ? List.of() : List.copyOf(sharedWithRoles);
  }

  /** A field, or with {@code aggregate} a computed column ({@code COUNT} needs no field). */
  public record Column(String field, String aggregate) {}

  /** {@code values} are text or JSON numbers/booleans, parsed by the field's type. */
  public record Filter(String field, String operator, List<Object> values) {}

  /** A group; a date field may give {@code dateGrouping} DAY, WEEK, MONTH, QUARTER or YEAR. */
  public record Grouping(String field, String dateGrouping) {}

  /** {@code column} is a result column key; {@code direction} ASC (default) or DESC. */
  public record Sort(String column, String direction) {}
}

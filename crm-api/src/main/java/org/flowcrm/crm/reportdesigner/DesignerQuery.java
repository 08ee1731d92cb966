package org.flowcrm.crm.reportdesigner;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.shared.BadParameterException;

/**
 * A definition checked against the catalogue and turned into SQL. Every identifier and expression
 * comes from {@link DesignerEntity} or {@link Catalogue}; result columns are aliased {@code c0},
 * {@code c1}, …; every filter value is a bound parameter. A problem is a {@link
 * BadParameterException} naming where it is ({@code filters[0].values[1]}).
 *
 * <p>The caller's scope is not part of this: {@link ReportDesignerService} adds it.
 */
final class DesignerQuery {

  static final int MAX_GROUPS = 2;
  static final int MAX_COLUMNS = 30;
  static final int MAX_FILTERS = 30;
  static final int MAX_VALUES = 200;
  static final int MAX_TEXT = 1000;

  final DesignerEntity entity;
  final List<DesignedReport.Column> columns = new ArrayList<>();
  final boolean grouped;
  final ChartType chart;
  final String chartValue;
  private final List<String> selects = new ArrayList<>();
  private final Set<String> joins = new LinkedHashSet<>();
  private final StringBuilder where = new StringBuilder();
  private final List<Object> params = new ArrayList<>();
  private final List<String> orderBy = new ArrayList<>();

  private DesignerQuery(
      ReportDefinition definition, DesignerEntity entity, Map<String, CatalogueField> fields) {
    this.entity = entity;
    if (definition.groupBy().size() > MAX_GROUPS) {
      throw new BadParameterException(
          "groupBy", "at most " + MAX_GROUPS + " levels, not " + definition.groupBy().size());
    }
    if (definition.columns().isEmpty()) {
      throw new BadParameterException("columns", "give at least one column");
    }
    if (definition.columns().size() > MAX_COLUMNS) {
      throw new BadParameterException("columns", "at most " + MAX_COLUMNS + " columns");
    }
    if (definition.filters().size() > MAX_FILTERS) {
      throw new BadParameterException("filters", "at most " + MAX_FILTERS + " filters");
    }
    this.grouped =
        !definition.groupBy().isEmpty()
            || definition.columns().stream().anyMatch(c -> c.aggregate() != null);
    Set<String> groupFields = new LinkedHashSet<>();
    for (int i = 0; i < definition.groupBy().size(); i++) {
      groupFields.add(group(definition.groupBy().get(i), "groupBy[" + i + "]", fields));
    }
    for (int i = 0; i < definition.columns().size(); i++) {
      column(definition.columns().get(i), "columns[" + i + "]", fields, groupFields);
    }
    if (grouped && columns.stream().allMatch(DesignedReport.Column::group)) {
      throw new BadParameterException(
          "columns", "a grouped report needs an aggregated column, e.g. COUNT");
    }
    for (int i = 0; i < definition.filters().size(); i++) {
      filter(definition.filters().get(i), "filters[" + i + "]", fields);
    }
    for (int i = 0; i < definition.sort().size(); i++) {
      sort(definition.sort().get(i), "sort[" + i + "]");
    }
    if (orderBy.isEmpty()) {
      // groups in their natural order (dates in time order); lists by their first column
      long groups = columns.stream().filter(DesignedReport.Column::group).count();
      for (int i = 0; i < Math.max(1, groups); i++) {
        orderBy.add("c" + i);
      }
    }
    this.chart = enumValue(ChartType.class, definition.chart(), "chart", ChartType.TABLE);
    this.chartValue = chartValue(definition.chartValue());
  }

  static DesignerQuery compile(
      ReportDefinition definition, DesignerEntity entity, Map<String, CatalogueField> fields) {
    return new DesignerQuery(definition, entity, fields);
  }

  /** The SELECT without the scope: {@code scopeSql} ({@code AND …}) goes into the WHERE. */
  String sql(String scopeSql, Set<String> scopeJoins) {
    Set<String> allJoins = new LinkedHashSet<>(scopeJoins);
    allJoins.addAll(joins);
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < selects.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(selects.get(i)).append(" AS c").append(i);
    }
    sql.append(entity.from());
    // joins in the entity's order, so one that needs another comes after it
    entity
        .joins()
        .forEach(
            (name, join) -> {
              if (allJoins.contains(name)) {
                sql.append(join);
              }
            });
    sql.append(" WHERE 1 = 1").append(scopeSql).append(where);
    long groups = columns.stream().filter(DesignedReport.Column::group).count();
    if (grouped && groups > 0) {
      sql.append(" GROUP BY ");
      for (int i = 0; i < groups; i++) {
        sql.append(i == 0 ? "" : ", ").append("c").append(i);
      }
    }
    sql.append(" ORDER BY ").append(String.join(", ", orderBy)).append(" LIMIT ?");
    return sql.toString();
  }

  List<Object> filterParams() {
    return Collections.unmodifiableList(params);
  }

  // ---- parts

  private String group(
      ReportDefinition.Grouping grouping, String path, Map<String, CatalogueField> fields) {
    CatalogueField field = field(grouping.field(), path + ".field", fields);
    DateGrouping by = null;
    if (grouping.dateGrouping() != null && !grouping.dateGrouping().isBlank()) {
      if (!field.type().temporal()) {
        throw new BadParameterException(
            path + ".dateGrouping",
            "only date fields group by period; \"" + field.code() + "\" is " + field.type());
      }
      by = enumValue(DateGrouping.class, grouping.dateGrouping(), path + ".dateGrouping", null);
    } else if (field.type().temporal()) {
      by = DateGrouping.DAY;
    }
    String key =
        by == null ? field.code() : field.code() + "." + by.name().toLowerCase(Locale.ROOT);
    if (columns.stream().anyMatch(c -> c.key().equals(key))) {
      throw new BadParameterException(path + ".field", "\"" + key + "\" is grouped by twice");
    }
    // group columns come first (c0, c1): the GROUP BY names them by position
    selects.add(by == null ? field.sql() : by.sql(field.sql()));
    joins.addAll(field.joins());
    columns.add(
        new DesignedReport.Column(
            key,
            field.code(),
            null,
            by == null ? null : by.name(),
            field.label(),
            by == null ? field.type() : FieldType.TEXT,
            true));
    return field.code();
  }

  private void column(
      ReportDefinition.Column column,
      String path,
      Map<String, CatalogueField> fields,
      Set<String> groupFields) {
    boolean noField = column.field() == null || column.field().isBlank();
    if (column.aggregate() == null || column.aggregate().isBlank()) {
      CatalogueField field = field(column.field(), path + ".field", fields);
      if (grouped) {
        if (groupFields.contains(field.code())) {
          return; // already a group column
        }
        throw new BadParameterException(
            path + ".aggregate",
            "the report is grouped: give \""
                + field.code()
                + "\" an aggregate (COUNT, SUM, AVG, MIN, MAX) or group by it");
      }
      add(field.code(), field, null, field.sql(), field.type());
      return;
    }
    Aggregate aggregate = enumValue(Aggregate.class, column.aggregate(), path + ".aggregate", null);
    if (aggregate == Aggregate.COUNT && noField) {
      add("count", null, aggregate, "COUNT(*)", FieldType.INTEGER);
      return;
    }
    CatalogueField field = field(column.field(), path + ".field", fields);
    if (!Catalogue.aggregates(field.type()).contains(aggregate)) {
      throw new BadParameterException(
          path + ".aggregate",
          aggregate + " needs a number field; \"" + field.code() + "\" is " + field.type());
    }
    String sql =
        switch (aggregate) {
          case COUNT -> "COUNT(" + field.sql() + ")";
          case SUM -> "COALESCE(SUM(" + field.sql() + "), 0)";
          case AVG -> "ROUND(AVG(" + field.sql() + "), 2)";
          case MIN -> "MIN(" + field.sql() + ")";
          case MAX -> "MAX(" + field.sql() + ")";
        };
    FieldType type =
        switch (aggregate) {
          case COUNT -> FieldType.INTEGER;
          case AVG -> field.type() == FieldType.MONEY ? FieldType.MONEY : FieldType.DECIMAL;
          default -> field.type();
        };
    add(
        aggregate.name().toLowerCase(Locale.ROOT) + "." + field.code(),
        field,
        aggregate,
        sql,
        type);
  }

  private void add(
      String key, CatalogueField field, Aggregate aggregate, String sql, FieldType type) {
    if (columns.stream().anyMatch(c -> c.key().equals(key))) {
      return; // the same column twice shows once
    }
    selects.add(sql);
    if (field != null) {
      joins.addAll(field.joins());
    }
    columns.add(
        new DesignedReport.Column(
            key,
            field == null ? null : field.code(),
            aggregate == null ? null : aggregate.name(),
            null,
            field == null ? null : field.label(),
            type,
            false));
  }

  private void filter(
      ReportDefinition.Filter filter, String path, Map<String, CatalogueField> fields) {
    CatalogueField field = field(filter.field(), path + ".field", fields);
    Operator operator = enumValue(Operator.class, filter.operator(), path + ".operator", null);
    if (operator == null) {
      throw new BadParameterException(path + ".operator", "give an operator");
    }
    if (!field.type().operators().contains(operator)) {
      throw new BadParameterException(
          path + ".operator",
          operator
              + " does not apply to \""
              + field.code()
              + "\" ("
              + field.type()
              + "); use one of "
              + field.type().operators());
    }
    List<Object> raw = filter.values() == null ? List.of() : filter.values();
    int expected =
        switch (operator) {
          case IS_EMPTY -> 0;
          case BETWEEN -> 2;
          case IN -> -1;
          default -> 1;
        };
    if (expected >= 0 && raw.size() != expected) {
      throw new BadParameterException(
          path + ".values",
          operator
              + " takes "
              + expected
              + (expected == 1 ? " value" : " values")
              + ", not "
              + raw.size());
    }
    if (operator == Operator.IN && (raw.isEmpty() || raw.size() > MAX_VALUES)) {
      throw new BadParameterException(
          path + ".values", "IN takes 1 to " + MAX_VALUES + " values, not " + raw.size());
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      values.add(value(field.type(), raw.get(i), path + ".values[" + i + "]"));
    }
    joins.addAll(field.joins());
    String column = field.sql();
    boolean moment = field.type() == FieldType.DATETIME;
    switch (operator) {
      case IS_EMPTY ->
          where.append(
              field.type() == FieldType.TEXT
                  ? " AND (" + column + " IS NULL OR " + column + " = '')"
                  : " AND " + column + " IS NULL");
      case CONTAINS -> {
        where.append(" AND ").append(column).append(" LIKE ?");
        params.add("%" + escapeLike((String) values.get(0)) + "%");
      }
      case IN -> {
        String target = moment ? "DATE(" + column + ")" : column;
        where
            .append(" AND ")
            .append(target)
            .append(" IN (")
            .append(String.join(", ", Collections.nCopies(values.size(), "?")))
            .append(")");
        params.addAll(values);
      }
      case BETWEEN -> {
        where
            .append(" AND ")
            .append(column)
            .append(" >= ? AND ")
            .append(column)
            .append(moment ? " < ?" : " <= ?");
        params.add(values.get(0));
        params.add(moment ? nextDay(values.get(1)) : values.get(1));
      }
      case EQ, NE -> {
        String test;
        if (moment) {
          test = "(" + column + " >= ? AND " + column + " < ?)";
          params.add(values.get(0));
          params.add(nextDay(values.get(0)));
        } else {
          test = column + " = ?";
          params.add(values.get(0));
        }
        where.append(operator == Operator.EQ ? " AND " + test : " AND NOT " + test);
      }
      case LT, GE -> {
        where.append(" AND ").append(column).append(operator == Operator.LT ? " < ?" : " >= ?");
        params.add(values.get(0));
      }
      case LE, GT -> {
        // on a moment, "up to the day" means before the next day's start
        where
            .append(" AND ")
            .append(column)
            .append(
                moment
                    ? (operator == Operator.LE ? " < ?" : " >= ?")
                    : (operator == Operator.LE ? " <= ?" : " > ?"));
        params.add(moment ? nextDay(values.get(0)) : values.get(0));
      }
    }
  }

  private void sort(ReportDefinition.Sort sort, String path) {
    int index = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(sort.column())) {
        index = i;
      }
    }
    if (index < 0) {
      throw new BadParameterException(
          path + ".column",
          "unknown column \"" + sort.column() + "\"; the report's columns are " + keys());
    }
    String direction =
        sort.direction() == null || sort.direction().isBlank()
            ? "ASC"
            : sort.direction().strip().toUpperCase(Locale.ROOT);
    if (!direction.equals("ASC") && !direction.equals("DESC")) {
      throw new BadParameterException(
          path + ".direction", "must be ASC or DESC, not \"" + sort.direction() + "\"");
    }
    orderBy.add("c" + index + " " + direction);
  }

  private String chartValue(String requested) {
    if (requested != null && !requested.isBlank()) {
      DesignedReport.Column column =
          columns.stream()
              .filter(c -> c.key().equals(requested))
              .findFirst()
              .orElseThrow(
                  () ->
                      new BadParameterException(
                          "chartValue",
                          "unknown column \""
                              + requested
                              + "\"; the report's columns are "
                              + keys()));
      if (!column.type().numeric()) {
        throw new BadParameterException(
            "chartValue", "\"" + requested + "\" is not a number column");
      }
      return requested;
    }
    // a measure says more than a count when there is one ("sum of amount" over "deals")
    return columns.stream()
        .filter(c -> !c.group() && c.type().numeric())
        .sorted(java.util.Comparator.comparing(c -> "COUNT".equals(c.aggregate())))
        .map(DesignedReport.Column::key)
        .findFirst()
        .orElse(null);
  }

  private List<String> keys() {
    return columns.stream().map(DesignedReport.Column::key).toList();
  }

  private CatalogueField field(String code, String path, Map<String, CatalogueField> fields) {
    if (code == null || code.isBlank()) {
      throw new BadParameterException(path, "give a field of " + entity.code());
    }
    CatalogueField field = fields.get(code);
    if (field == null) {
      throw new BadParameterException(
          path, "unknown field \"" + shorten(code) + "\" for " + entity.code());
    }
    return field;
  }

  private static Object value(FieldType type, Object raw, String path) {
    if (raw == null) {
      throw new BadParameterException(path, "must not be empty (use IS_EMPTY for empty fields)");
    }
    String text = raw.toString().strip();
    try {
      return switch (type) {
        case TEXT -> {
          if (text.length() > MAX_TEXT) {
            throw new BadParameterException(path, "must be at most " + MAX_TEXT + " characters");
          }
          yield raw.toString();
        }
        case INTEGER -> Long.parseLong(text);
        case DECIMAL, MONEY -> new BigDecimal(text);
        case DATE, DATETIME -> Date.valueOf(LocalDate.parse(text));
        case BOOLEAN -> {
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new BadParameterException(
                path, "must be true or false, not '" + shorten(text) + "'");
          }
          yield Boolean.parseBoolean(text);
        }
      };
    } catch (NumberFormatException e) {
      throw new BadParameterException(
          path,
          "must be "
              + (type == FieldType.INTEGER ? "a whole number" : "a number like 1250.50")
              + ", not '"
              + shorten(text)
              + "'");
    } catch (DateTimeParseException e) {
      throw new BadParameterException(
          path, "must be a date like 2026-01-31, not '" + shorten(text) + "'");
    }
  }

  private static Object nextDay(Object day) {
    return Date.valueOf(((Date) day).toLocalDate().plusDays(1));
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value, String path, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names =
          java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      throw new BadParameterException(
          path, "unknown value \"" + shorten(value) + "\"; use one of " + names);
    }
  }

  /** Echoes input in messages, but not a whole pasted script. */
  private static String shorten(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}

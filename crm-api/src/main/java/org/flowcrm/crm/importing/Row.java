package org.flowcrm.crm.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a file, its cells already parsed into the mapped fields' types, and where each value
 * came from so that a failure can name the column.
 */
final class Row {

  private final long number;
  private final Map<String, Object> values;
  private final Map<String, String> columns;
  private final Map<String, String> pathSources = new HashMap<>();

  Row(long number, Map<String, Object> values, Map<String, String> columns) {
    this.number = number;
    this.values = values;
    this.columns = columns;
  }

  long number() {
    return number;
  }

  boolean has(String field) {
    return values.get(field) != null;
  }

  String text(String field) {
    Object value = values.get(field);
    return value == null ? null : value.toString();
  }

  LocalDate date(String field) {
    return (LocalDate) values.get(field);
  }

  BigDecimal number(String field) {
    return (BigDecimal) values.get(field);
  }

  Integer integer(String field) {
    return (Integer) values.get(field);
  }

  /**
   * The mapped custom fields' values by code (dates as ISO text), for a command's {@code
   * customFields}; {@code null} when the row has none, so an update keeps the record's values.
   */
  Map<String, Object> customFields() {
    Map<String, Object> custom = new LinkedHashMap<>();
    values.forEach(
        (field, value) -> {
          if (value != null && field.startsWith(ImportField.CUSTOM_PREFIX)) {
            custom.put(
                field.substring(ImportField.CUSTOM_PREFIX.length()),
                value instanceof LocalDate date ? date.toString() : value);
          }
        });
    return custom.isEmpty() ? null : custom;
  }

  /** The column a field was read from (its header, or "column n"), or the field's name. */
  String column(String field) {
    return columns.getOrDefault(field, field);
  }

  /** Remembers that a command's property (e.g. {@code emails[1]}) was filled from a field. */
  void source(String propertyPath, String field) {
    pathSources.put(propertyPath, field);
  }

  /** The column behind a Bean Validation property path such as {@code emails[0].value}. */
  String columnOfPath(String path) {
    for (Map.Entry<String, String> source : pathSources.entrySet()) {
      if (path.equals(source.getKey()) || path.startsWith(source.getKey() + ".")) {
        return column(source.getValue());
      }
    }
    if (path.startsWith("customFields.")) {
      // a custom field's problem, e.g. customFields.budget, comes from the column mapped to
      // cf.budget
      return column(ImportField.CUSTOM_PREFIX + path.substring("customFields.".length()));
    }
    String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    if (columns.containsKey(first)) {
      return columns.get(first);
    }
    return columns.getOrDefault(last, path);
  }
}

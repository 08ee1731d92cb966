package org.flowcrm.ui.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One editable phone or e-mail line of a record form: its type (the enum's name) and the value as
 * typed. Mutable so Spring binds {@code phones[2].value}; the form turns the lines into the
 * command's {@code Phone}/{@code Email} records, leaving out empty ones.
 */
public class TypedRow {

  private String type;
  private String value;

  public TypedRow() {}

  public TypedRow(String type, String value) {
    this.type = type;
    this.value = value;
  }

  public boolean isBlank() {
    return value == null || value.isBlank();
  }

  /**
   * Drops the lines left empty, so the command's indexes are the form's (errors find their line).
   */
  public static void compact(List<TypedRow> rows) {
    rows.removeIf(r -> r == null || r.isBlank());
  }

  /** The lines as the command's records; the type defaults to {@code defaultType} when missing. */
  public static <E extends Enum<E>, T> List<T> toRecords(
      List<TypedRow> rows, Class<E> types, E defaultType, BiFunction<E, String, T> record) {
    List<T> records = new ArrayList<>();
    for (TypedRow row : rows) {
      if (row == null || row.isBlank()) {
        continue;
      }
      E type = defaultType;
      if (row.type != null && !row.type.isBlank()) {
        try {
          type = Enum.valueOf(types, row.type);
        } catch (IllegalArgumentException unknown) {
          // a tampered select: the default type, the value is what matters
        }
      }
      records.add(record.apply(type, row.value.strip()));
    }
    return records;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}

package org.flowcrm.crm.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds a parameterised SQL query that returns one page of ids in a stable order (the sort column,
 * then the id) and continues after an opaque cursor: {@code WHERE (col > ? OR (col = ? AND id >
 * ?))}. Unlike {@code OFFSET}, a page costs the same however deep it is, and rows inserted or
 * deleted meanwhile neither skip nor duplicate others.
 *
 * <p>Conditions are SQL fragments written by the features with {@code ?} placeholders; user input
 * only ever travels as parameters.
 */
public final class KeysetQuery {

  private final String from;
  private final String idColumn;
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  /**
   * @param from the {@code FROM} clause with its alias and joins, e.g. {@code crm_deal d}
   * @param idColumn the qualified primary key, e.g. {@code d.id}
   */
  public KeysetQuery(String from, String idColumn) {
    this.from = from;
    this.idColumn = idColumn;
  }

  /** Adds a condition with its parameters. */
  public KeysetQuery where(String condition, Object... values) {
    conditions.add(condition);
    parameters.addAll(List.of(values));
    return this;
  }

  /** Adds a condition when {@code value} is not {@code null}; the condition takes that value. */
  public KeysetQuery whereIfPresent(Object value, String condition) {
    if (value != null) {
      where(condition, value);
    }
    return this;
  }

  /** Adds {@code column IN (...)}; an empty collection matches nothing. */
  public KeysetQuery whereIn(String column, java.util.Collection<?> values) {
    if (values.isEmpty()) {
      conditions.add("1 = 0");
      return this;
    }
    conditions.add(
        column
            + " IN ("
            + String.join(", ", java.util.Collections.nCopies(values.size(), "?"))
            + ")");
    parameters.addAll(values);
    return this;
  }

  /**
   * Runs the query: at most {@code limit} ids, plus the cursor of the next page if there is one.
   */
  public Page page(JdbcTemplate jdbc, SortOrder order, ListRequest request) {
    int limit = request.effectiveLimit();
    List<String> where = new ArrayList<>(conditions);
    List<Object> params = new ArrayList<>(parameters);
    String column = order.field().column();
    if (request.after() != null && !request.after().isBlank()) {
      Cursor cursor = Cursor.decode(request.after(), order);
      String op = order.descending() ? "<" : ">";
      if (column.equals(idColumn)) {
        where.add(idColumn + " " + op + " ?");
        params.add(cursor.id());
      } else {
        where.add(
            "("
                + column
                + " "
                + op
                + " ? OR ("
                + column
                + " = ? AND "
                + idColumn
                + " "
                + op
                + " ?))");
        Object value = order.field().type().parse(cursor.value());
        params.add(value);
        params.add(value);
        params.add(cursor.id());
      }
    }
    String direction = order.descending() ? " DESC" : " ASC";
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(idColumn).append(", ").append(column).append(" FROM ").append(from);
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY ").append(column).append(direction);
    if (!column.equals(idColumn)) {
      sql.append(", ").append(idColumn).append(direction);
    }
    sql.append(" LIMIT ?");
    params.add(limit + 1);
    List<Row> rows =
        jdbc.query(
            sql.toString(), (rs, i) -> new Row(rs.getLong(1), rs.getString(2)), params.toArray());
    if (rows.size() <= limit) {
      return new Page(rows.stream().map(Row::id).toList(), null);
    }
    List<Row> page = rows.subList(0, limit);
    Row last = page.get(limit - 1);
    return new Page(
        page.stream().map(Row::id).toList(),
        new Cursor(order.token(), last.value(), last.id()).encode());
  }

  /**
   * The cursor that continues a list sorted by {@code order} after the row with this sort value (as
   * JDBC's {@code getString} reads it) and id: for a feature that reads a first page its own way
   * (several first pages in one statement) and leaves the next ones to {@link #page}.
   */
  public static String cursorAfter(SortOrder order, String value, long id) {
    return new Cursor(order.token(), value, id).encode();
  }

  /** The ids of one page in order, and the cursor of the next page ({@code null} on the last). */
  public record Page(List<Long> ids, String nextCursor) {}

  private record Row(long id, String value) {}

  private record Cursor(String sort, String value, long id) {

    String encode() {
      String raw = sort + "\n" + id + "\n" + value;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String encoded, SortOrder order) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        String[] parts = raw.split("\n", 3);
        if (parts.length != 3) {
          throw new IllegalArgumentException("not a cursor");
        }
        if (!parts[0].equals(order.token())) {
          throw new BadParameterException(
              "after",
              "this cursor belongs to a list sorted by "
                  + parts[0]
                  + "; keep the same sort while paging");
        }
        Cursor cursor = new Cursor(parts[0], parts[2], Long.parseLong(parts[1]));
        order.field().type().parse(cursor.value());
        return cursor;
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new BadParameterException(
            "after", "is not a cursor returned by this list (nextCursor)");
      }
    }
  }
}

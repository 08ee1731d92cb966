package org.flowcrm.crm.listview;

import jakarta.validation.Valid;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Saved list views. Everybody sees his own views and the shared ones; only their owner changes his
 * own, only an administrator shares a view or changes a shared one. Another user's private view is
 * missing (404), as records outside one's scope are. Column, filter and sort names are checked
 * against {@link ListKind}, so a view never names what the list cannot show.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ListViewService {

  private static final String SELECT =
      "SELECT id, version, list_kind, name, owner_id, shared, filters, sort, columns, created_at,"
          + " updated_at FROM crm_list_view";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final CustomFieldService customFields;

  ListViewService(JdbcClient jdbc, AccessPolicy policy, CustomFieldService customFields) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.customFields = customFields;
  }

  /** The caller's own views of the list and the shared ones, shared first, then by name. */
  public List<ListView> visible(ListKind list) {
    return jdbc.sql(
            SELECT
                + " WHERE list_kind = :list AND (shared = TRUE OR owner_id = :caller)"
                + " ORDER BY shared DESC, name, id")
        .param("list", list.name())
        .param("caller", policy.callerId())
        .query(ListViewService::map)
        .list();
  }

  public ListView get(long id) {
    return find(id);
  }

  /** Whether the caller may change or delete the view (the pages offer it only then). */
  public boolean canChange(ListView view) {
    if (!view.shared()) {
      return view.ownerId() == policy.callerId();
    }
    return canShare();
  }

  @Transactional
  public ListView create(@Valid ListViewCommand command) {
    check(command);
    boolean shared = Boolean.TRUE.equals(command.shared());
    if (shared) {
      policy.requireAdministrator("shared list views");
    }
    long owner = policy.callerId();
    requireUniqueName(command, owner, null);
    Instant now = Instant.now();
    jdbc.sql(
            "INSERT INTO crm_list_view (list_kind, name, owner_id, shared, filters, sort, columns,"
                + " created_at, updated_at) VALUES (:list, :name, :owner, :shared, :filters, :sort,"
                + " :columns, :now, :now)")
        .param("list", command.list().name())
        .param("name", command.name().strip())
        .param("owner", owner)
        .param("shared", shared)
        .param("filters", encode(command.filters()))
        .param("sort", blankToNull(command.sort()))
        .param("columns", String.join(",", command.columns()))
        .param("now", Timestamp.from(now))
        .update();
    long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    return find(id);
  }

  @Transactional
  public ListView update(long id, @Valid ListViewCommand command, Long expectedVersion) {
    ListView view = requireChangeable(id);
    Versions.check("List view", id, view.version(), expectedVersion);
    check(command);
    if (command.list() != view.list()) {
      throw new BadParameterException("list", "a view stays with the list it was saved for");
    }
    boolean shared = Boolean.TRUE.equals(command.shared());
    if (shared != view.shared()) {
      policy.requireAdministrator("shared list views");
    }
    requireUniqueName(command, view.ownerId(), id);
    jdbc.sql(
            "UPDATE crm_list_view SET name = :name, shared = :shared, filters = :filters, sort ="
                + " :sort, columns = :columns, version = version + 1, updated_at = :now WHERE id ="
                + " :id")
        .param("name", command.name().strip())
        .param("shared", shared)
        .param("filters", encode(command.filters()))
        .param("sort", blankToNull(command.sort()))
        .param("columns", String.join(",", command.columns()))
        .param("now", Timestamp.from(Instant.now()))
        .param("id", id)
        .update();
    return find(id);
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    ListView view = requireChangeable(id);
    Versions.check("List view", id, view.version(), expectedVersion);
    jdbc.sql("DELETE FROM crm_list_view WHERE id = :id").param("id", id).update();
  }

  /** The view if the caller sees it: his own or a shared one; 404 otherwise. */
  private ListView find(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id AND (shared = TRUE OR owner_id = :caller)")
        .param("id", id)
        .param("caller", policy.callerId())
        .query(ListViewService::map)
        .optional()
        .orElseThrow(() -> new NotFoundException("List view", id));
  }

  private ListView requireChangeable(long id) {
    ListView view = find(id);
    if (view.shared()) {
      policy.requireAdministrator("shared list views");
    }
    return view;
  }

  /** Whether the caller may share views with everybody (administrators). */
  public boolean canShare() {
    try {
      policy.requireAdministrator("shared list views");
      return true;
    } catch (ForbiddenException notAdministrator) {
      return false;
    }
  }

  /**
   * Names the first column, filter field or sort the list does not know (400); a custom field
   * column or filter ({@code cf.<code>}) must name a custom field of the list's records.
   */
  private void check(ListViewCommand command) {
    ListKind list = command.list();
    List<String> codes =
        customFields.list(list.entity()).stream().map(CustomFieldView::code).toList();
    for (int i = 0; i < command.columns().size(); i++) {
      String column = command.columns().get(i);
      String code = ListKind.customCode(column);
      if (code != null && !codes.contains(code)) {
        throw new BadParameterException(
            "columns[" + i + "]",
            "unknown custom field " + code + " of " + list + "; known: " + codes);
      }
      if (code == null && !list.columns().contains(column)) {
        throw new BadParameterException(
            "columns[" + i + "]",
            "unknown column "
                + command.columns().get(i)
                + " of "
                + list
                + "; known: "
                + list.columns());
      }
    }
    if (command.filters() != null) {
      for (String field : command.filters().keySet()) {
        String code = ListKind.customCode(field);
        if (code != null && !codes.contains(code)) {
          throw new BadParameterException(
              "filters." + field,
              "unknown custom field " + code + " of " + list + "; known: " + codes);
        }
        if (code == null && !list.filterFields().contains(field)) {
          throw new BadParameterException(
              "filters." + field,
              "a " + list + " view cannot filter by " + field + "; known: " + list.filterFields());
        }
      }
    }
    String sort = blankToNull(command.sort());
    if (sort != null && !list.sorts().contains(sort)) {
      throw new BadParameterException(
          "sort", "unknown sort " + sort + " of " + list + "; known: " + list.sorts());
    }
  }

  private void requireUniqueName(ListViewCommand command, long owner, Long except) {
    boolean taken =
        jdbc.sql(
                    "SELECT COUNT(*) FROM crm_list_view WHERE list_kind = :list AND owner_id = :owner"
                        + " AND name = :name AND id <> :except")
                .param("list", command.list().name())
                .param("owner", owner)
                .param("name", command.name().strip())
                .param("except", except == null ? -1L : except)
                .query(Long.class)
                .single()
            > 0;
    if (taken) {
      throw new ConflictException(
          "You already have a view named \"" + command.name().strip() + "\" of " + command.list());
    }
  }

  private static ListView map(ResultSet rs, int row) throws SQLException {
    return new ListView(
        rs.getLong("id"),
        rs.getLong("version"),
        ListKind.valueOf(rs.getString("list_kind")),
        rs.getString("name"),
        rs.getLong("owner_id"),
        rs.getBoolean("shared"),
        decode(rs.getString("filters")),
        rs.getString("sort"),
        Arrays.stream(rs.getString("columns").split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  /** The filter as a URL query string, empty values left out. */
  static String encode(Map<String, String> filters) {
    if (filters == null) {
      return "";
    }
    return filters.entrySet().stream()
        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> decode(String query) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (query == null || query.isBlank()) {
      return filters;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        filters.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return filters;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

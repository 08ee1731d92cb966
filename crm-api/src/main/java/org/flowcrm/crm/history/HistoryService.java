package org.flowcrm.crm.history;

import java.util.List;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.KeysetQuery;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.SortField;
import org.flowcrm.crm.shared.SortOrder;
import org.flowcrm.crm.shared.SortType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads the change history of a record, newest first. The caller (a feature's controller or page)
 * has checked that the user may read the record.
 */
@Service
public class HistoryService {

  /** The record types with a history: {@code LEAD}, {@code CONTACT}, … */
  public static final List<String> TYPES =
      FieldHistoryListener.TRACKED.values().stream().sorted().toList();

  private static final List<SortField> SORT_FIELDS =
      List.of(new SortField("id", "h.id", SortType.LONG));
  private static final SortOrder NEWEST_FIRST = new SortOrder(SORT_FIELDS.get(0), true);

  private final JdbcTemplate jdbc;

  HistoryService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The changes of record {@code id} of {@code type} ({@code DEAL}, …), newest first. */
  public CursorPage<FieldChangeView> changes(String type, long id, ListRequest request) {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("no history is kept for " + type);
    }
    KeysetQuery.Page page =
        new KeysetQuery("crm_field_change h", "h.id")
            .where("h.entity_type = ?", type)
            .where("h.entity_id = ?", id)
            .page(jdbc, NEWEST_FIRST, new ListRequest(null, request.limit(), request.after()));
    if (page.ids().isEmpty()) {
      return new CursorPage<>(List.of(), null);
    }
    String in = String.join(",", page.ids().stream().map(i -> "?").toList());
    List<FieldChangeView> items =
        jdbc.query(
            "SELECT h.id, h.field, h.old_value, h.new_value, h.changed_by, u.display_name,"
                + " h.changed_at FROM crm_field_change h LEFT JOIN crm_user u ON u.id ="
                + " h.changed_by WHERE h.id IN ("
                + in
                + ") ORDER BY h.id DESC",
            (rs, n) ->
                new FieldChangeView(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, Long.class),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()),
            page.ids().toArray());
    return new CursorPage<>(items, page.nextCursor());
  }
}

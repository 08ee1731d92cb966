package org.flowcrm.crm.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An importer of a kind whose records an import may find again (by e-mail or phone) and update,
 * keeping a snapshot of what it overwrote so a revert can put it back.
 *
 * @param <C> the feature's command type
 */
abstract class UpdatingImporter<C> extends EntityImporter<C> {

  UpdatingImporter(JsonMapper json) {
    super(json);
  }

  @Override
  final boolean findsDuplicates() {
    return true;
  }

  /** The record's editable fields now, as JSON, to restore them on revert. */
  abstract String snapshot(long id);

  /** Fills the record with the command's non-empty values. */
  abstract void update(long id, C command);

  /** Puts back what {@link #snapshot} saw. */
  abstract void restore(long id, String snapshot);

  /**
   * The snapshot's custom field values with those the record has now but did not have then set to
   * {@code null}: a write merges custom fields over the record's, so a revert names what to remove.
   * A snapshot without custom fields (taken before imports mapped them) leaves them as they are.
   */
  static Map<String, Object> restoring(Map<String, Object> snapshot, Map<String, Object> now) {
    if (snapshot == null) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>(snapshot);
    if (now != null) {
      now.keySet().forEach(code -> values.putIfAbsent(code, null));
    }
    return values;
  }
}

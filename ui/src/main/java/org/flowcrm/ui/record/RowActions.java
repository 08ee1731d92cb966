package org.flowcrm.ui.record;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The "add a line" and "remove this line" submit buttons of a record form, which work without
 * script: the form posts with {@code add=phones} or {@code remove=phones:2}, the controller applies
 * it here and shows the form again, saving nothing. (With script, {@code record-form.js} does the
 * same in the page.)
 */
public final class RowActions {

  private RowActions() {}

  /**
   * Applies the button that was pressed, if any, to {@code lists} (by name); returns whether one
   * was.
   */
  public static boolean apply(
      String add, String remove, Map<String, List<?>> lists, Map<String, Supplier<?>> blanks) {
    if (add != null && lists.containsKey(add)) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) lists.get(add);
      list.add(blanks.get(add).get());
      return true;
    }
    if (remove != null && remove.contains(":")) {
      String name = remove.substring(0, remove.indexOf(':'));
      List<?> list = lists.get(name);
      if (list != null) {
        try {
          int index = Integer.parseInt(remove.substring(remove.indexOf(':') + 1));
          if (index >= 0 && index < list.size()) {
            list.remove(index);
          }
        } catch (NumberFormatException tampered) {
          // nothing to remove
        }
        return true;
      }
    }
    return false;
  }
}

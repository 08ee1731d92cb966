package org.flowcrm.ui.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.user.DepartmentView;

/**
 * Departments in tree order (each followed by its sub-departments, names A–Z on every level) with
 * their depth, for the tree on the departments page and the indented department selects.
 */
final class DepartmentTree {

  /** A department at {@code depth} (0: top level). */
  public record Node(DepartmentView department, int depth) {

    /** The name indented for a select, where nesting cannot be shown otherwise. */
    public String indentedName() {
      return "\u2003".repeat(depth) + department.name();
    }
  }

  private DepartmentTree() {}

  static List<Node> of(List<DepartmentView> departments) {
    Map<Long, List<DepartmentView>> children = new LinkedHashMap<>();
    Set<Long> ids = new HashSet<>();
    departments.forEach(d -> ids.add(d.id()));
    List<DepartmentView> roots = new ArrayList<>();
    for (DepartmentView d : departments) {
      if (d.parentId() == null || !ids.contains(d.parentId())) {
        roots.add(d);
      } else {
        children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
      }
    }
    List<Node> ordered = new ArrayList<>();
    Set<Long> visited = new HashSet<>();
    add(roots, 0, children, ordered, visited);
    return ordered;
  }

  private static void add(
      List<DepartmentView> level,
      int depth,
      Map<Long, List<DepartmentView>> children,
      List<Node> ordered,
      Set<Long> visited) {
    List<DepartmentView> sorted = new ArrayList<>(level);
    sorted.sort(
        Comparator.comparing(DepartmentView::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DepartmentView::id));
    for (DepartmentView d : sorted) {
      if (visited.add(d.id())) {
        ordered.add(new Node(d, depth));
        add(children.getOrDefault(d.id(), List.of()), depth + 1, children, ordered, visited);
      }
    }
  }
}

package org.flowcrm.ui.listview;

import java.util.List;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.listview.ListView;
import org.flowcrm.crm.listview.ListViewService;
import org.flowcrm.crm.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a list page needs for its views: the view the request names (its filter, sort and columns
 * are the page's defaults; parameters in the URL win), the tabs, and the visible columns.
 */
@Component
public class ListViews {

  private final ListViewService views;

  ListViews(ListViewService views) {
    this.views = views;
  }

  /**
   * The saved view {@code id} of {@code list}, or null when none is asked for, or it is gone or not
   * visible to the caller (an old link: the list shows without it).
   */
  public ListView active(ListKind list, Long id) {
    if (id == null) {
      return null;
    }
    try {
      ListView view = views.get(id);
      return view.list() == list ? view : null;
    } catch (NotFoundException gone) {
      return null;
    }
  }

  /** A filter value: the request's when it sent one, else the view's. */
  public static String value(String requested, ListView view, String field) {
    if (requested != null || view == null) {
      return requested;
    }
    return view.filters().get(field);
  }

  /**
   * Puts the tabs ({@code savedViews}, {@code activeView}, {@code canChangeView}), the chooser
   * ({@code allColumns}) and the visible {@code columns} into the model.
   */
  public List<String> addTo(Model model, ListKind list, ListView active, List<String> cols) {
    List<String> columns =
        list.visible(cols != null ? cols : active == null ? null : active.columns());
    model.addAttribute("savedViews", views.visible(list));
    model.addAttribute("activeView", active == null ? 0L : active.id());
    model.addAttribute("canChangeView", active != null && views.canChange(active));
    model.addAttribute("canShareViews", views.canShare());
    model.addAttribute("allColumns", list.columns());
    model.addAttribute("columns", columns);
    model.addAttribute("viewKind", list.name().toLowerCase(java.util.Locale.ROOT));
    return columns;
  }
}

package org.flowcrm.ui.listview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.listview.ListView;
import org.flowcrm.crm.listview.ListViewCommand;
import org.flowcrm.crm.listview.ListViewService;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.ui.layout.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Saves the list's current filter, sort and columns as a named view ({@code POST /{list}/views}),
 * and deletes one ({@code POST /{list}/views/{id}/delete}); then back to the list.
 */
@Controller
class ListViewPagesController {

  private final ListViewService views;

  ListViewPagesController(ListViewService views) {
    this.views = views;
  }

  @PostMapping("/{list:leads|deals|contacts|companies}/views")
  String save(
      @PathVariable String list,
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> cols,
      RedirectAttributes redirect) {
    ListKind kind = ListKind.valueOf(list.toUpperCase(Locale.ROOT));
    String name = params.get("name");
    String sort = params.get("sort");
    // the list's own filter fields and custom field filters; name, sort, cols, _csrf are not
    Map<String, String> filters = new LinkedHashMap<>();
    params.forEach(
        (field, value) -> {
          boolean filter =
              kind.filterFields().contains(field) || ListKind.customCode(field) != null;
          if (filter && value != null && !value.isBlank()) {
            filters.put(field, value);
          }
        });
    if (name == null || name.isBlank()) {
      Flash.error(redirect, "view.error.name");
      return "redirect:" + kind.path();
    }
    try {
      ListView saved =
          views.create(
              new ListViewCommand(
                  kind,
                  name,
                  filters,
                  sort == null || sort.isBlank() ? null : sort,
                  cols == null || cols.isEmpty() ? kind.defaultColumns() : cols,
                  "true".equals(params.get("shared"))));
      Flash.success(redirect, "view.saved", saved.name());
      return "redirect:"
          + UriComponentsBuilder.fromPath(kind.path())
              .queryParam("view", saved.id())
              .build()
              .toUriString();
    } catch (ConflictException | ForbiddenException | BadParameterException refused) {
      Flash.error(redirect, "view.error", refused.getMessage());
      return "redirect:" + kind.path();
    }
  }

  @PostMapping("/{list:leads|deals|contacts|companies}/views/{id}/delete")
  String delete(@PathVariable String list, @PathVariable long id, RedirectAttributes redirect) {
    ListKind kind = ListKind.valueOf(list.toUpperCase(Locale.ROOT));
    ListView view = views.get(id);
    try {
      views.delete(id, null);
      Flash.success(redirect, "view.deleted", view.name());
    } catch (ForbiddenException refused) {
      Flash.error(redirect, "view.error", refused.getMessage());
    }
    return "redirect:" + kind.path();
  }
}

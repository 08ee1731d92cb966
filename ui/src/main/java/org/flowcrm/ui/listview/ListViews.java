package org.flowcrm.ui.listview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.listview.ListView;
import org.flowcrm.crm.listview.ListViewService;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.ui.record.RecordExtras;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every list page (leads, deals, contacts, companies) does with its URL the same way: the
 * saved view the request names (its filter, sort and columns are the page's defaults; parameters in
 * the URL win), the standard and custom field filters ({@code cf.<code>=value}), the sort, the
 * visible columns (standard and custom), one keyset page, and the links to the first and next page.
 * The list's controller only turns the filter into its service's filter record.
 */
@Component
public class ListViews {

  /** Rows per page of every list. */
  public static final int PAGE_SIZE = 25;

  private final ListViewService views;
  private final CustomFieldService customFields;

  ListViews(ListViewService views, CustomFieldService customFields) {
    this.views = views;
    this.customFields = customFields;
  }

  /**
   * The list's state after the request: {@code filters} are the standard filter fields and {@code
   * custom} the custom field filters (code → value), blank ones left out.
   */
  public record State(
      ListKind kind,
      ListView active,
      Map<String, String> filters,
      Map<String, String> custom,
      String sort,
      String after,
      List<String> columns) {

    /** A standard filter value, or null. */
    public String filter(String field) {
      return filters.get(field);
    }

    /** Every filter as the URL and a saved view name it: standard, then {@code cf.<code>}. */
    public Map<String, String> all() {
      Map<String, String> all = new LinkedHashMap<>(filters);
      custom.forEach((code, value) -> all.put(ListKind.CUSTOM_PREFIX + code, value));
      return all;
    }
  }

  /**
   * Reads the request ({@code params}: every query parameter; {@code cols}: the chosen columns) and
   * puts the tabs ({@code savedViews}, {@code activeView}, {@code canChangeView}), the chooser
   * ({@code allColumns}, {@code columnLabels}), the visible {@code columns}, the custom field
   * filters ({@code customFilterFields}, {@code filterValues}), {@code sort} and {@code sorts} into
   * the model.
   */
  public State read(Model model, ListKind kind, Map<String, String> params, List<String> cols) {
    ListView active = active(kind, parseId(params.get("view")));
    List<CustomFieldView> fields = customFields.list(kind.entity());
    Map<String, String> filters = new LinkedHashMap<>();
    for (String field : kind.filterFields()) {
      putIfPresent(filters, field, value(params.get(field), active, field));
    }
    Map<String, String> custom = new LinkedHashMap<>();
    for (CustomFieldView field : fields) {
      String name = ListKind.CUSTOM_PREFIX + field.code();
      putIfPresent(custom, field.code(), value(params.get(name), active, name));
    }
    String sort = params.get("sort");
    if (sort == null && active != null) {
      sort = active.sort();
    }
    if (sort == null || !kind.sorts().contains(sort)) {
      sort = kind.sorts().get(0);
    }
    List<String> chosen = cols != null ? cols : active == null ? null : active.columns();
    List<String> codes = fields.stream().map(CustomFieldView::code).toList();
    List<String> columns = kind.visible(chosen, codes::contains);
    String after = params.get("after");
    State state =
        new State(
            kind,
            active,
            filters,
            custom,
            sort,
            after == null || after.isBlank() ? null : after,
            columns);

    Map<String, String> labels = new LinkedHashMap<>();
    List<String> allColumns = new ArrayList<>(kind.columns());
    for (CustomFieldView field : fields) {
      allColumns.add(ListKind.CUSTOM_PREFIX + field.code());
      labels.put(ListKind.CUSTOM_PREFIX + field.code(), field.label());
    }
    model.addAttribute("savedViews", views.visible(kind));
    model.addAttribute("activeView", active == null ? 0L : active.id());
    model.addAttribute("canChangeView", active != null && views.canChange(active));
    model.addAttribute("canShareViews", views.canShare());
    model.addAttribute("allColumns", allColumns);
    model.addAttribute("columnLabels", labels);
    model.addAttribute("columns", columns);
    model.addAttribute("viewKind", kind.name().toLowerCase(Locale.ROOT));
    model.addAttribute("listPath", kind.path());
    model.addAttribute("customFilterFields", fields);
    model.addAttribute("filterValues", state.all());
    model.addAttribute("q", filters.getOrDefault("q", ""));
    model.addAttribute("sort", sort);
    model.addAttribute("sorts", kind.sorts());
    model.addAttribute("listViews", this);
    return state;
  }

  /**
   * One page of the list ({@code list} asks the service for it) and the links to the first and the
   * next page, keeping filter, sort, view and columns. A cursor of another sort order (an edited
   * URL) starts again from the first page.
   */
  public <T> List<T> page(Model model, State state, Function<ListRequest, CursorPage<T>> list) {
    CursorPage<T> page;
    try {
      page = list.apply(new ListRequest(state.sort(), PAGE_SIZE, state.after()));
    } catch (BadParameterException stale) {
      if (state.after() == null) {
        throw stale;
      }
      page = list.apply(new ListRequest(state.sort(), PAGE_SIZE, null));
    }
    UriComponentsBuilder base = UriComponentsBuilder.fromPath(state.kind().path());
    state.all().forEach(base::queryParam);
    base.queryParam("sort", state.sort())
        .queryParamIfPresent("view", Optional.ofNullable(state.active()).map(ListView::id))
        .queryParam("cols", state.columns());
    model.addAttribute(
        "firstHref", state.after() == null ? "" : base.build().encode().toUriString());
    model.addAttribute(
        "nextHref",
        page.nextCursor() == null
            ? ""
            : base.cloneBuilder()
                .queryParam("after", page.nextCursor())
                .build()
                .encode()
                .toUriString());
    return page.items();
  }

  /** A custom field column's value of a row ({@code customFields} of its view) as text. */
  public String customValue(Map<String, Object> values, String column) {
    String code = ListKind.customCode(column);
    return values == null || code == null
        ? ""
        : Optional.ofNullable(RecordExtras.text(values.get(code))).orElse("");
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

  /** The custom field filters among a form's parameters ({@code cf.<code>} → code). */
  public static Map<String, String> customFilters(Map<String, String> params) {
    Map<String, String> custom = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          String code = ListKind.customCode(name);
          if (code != null) {
            putIfPresent(custom, code, value);
          }
        });
    return custom;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.strip());
    }
  }

  private static Long parseId(String id) {
    try {
      return id == null || id.isBlank() ? null : Long.valueOf(id);
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }
}

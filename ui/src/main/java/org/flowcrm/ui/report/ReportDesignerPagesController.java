package org.flowcrm.ui.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.report.ReportParameters;
import org.flowcrm.crm.report.ReportService;
import org.flowcrm.crm.reportdesigner.Aggregate;
import org.flowcrm.crm.reportdesigner.Catalogue;
import org.flowcrm.crm.reportdesigner.ChartType;
import org.flowcrm.crm.reportdesigner.DateGrouping;
import org.flowcrm.crm.reportdesigner.DefinitionView;
import org.flowcrm.crm.reportdesigner.DesignedReport;
import org.flowcrm.crm.reportdesigner.DesignerEntity;
import org.flowcrm.crm.reportdesigner.Operator;
import org.flowcrm.crm.reportdesigner.ReportDefinition;
import org.flowcrm.crm.reportdesigner.ReportDesignerService;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.Csv;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report designer page: one plain form (entity, column, filter and group rows, sort, chart,
 * sharing) posted back for every step, so it works without script. "Add a column/filter" and
 * "change the entity" re-render the form with what was typed; "preview" runs the unsaved definition
 * below it; "save" stores it (the owner's own, or a new one) and opens it. A refused definition is
 * shown above the form naming the field ({@code columns[1].aggregate}).
 */
@Controller
class ReportDesignerPagesController {

  static final String DESIGNER = "report/designer";

  /** A definition that is well-formed but cannot run (e.g. over the time limit). */
  private static final int UNPROCESSABLE = 422;

  private static final Pattern ROW =
      Pattern.compile("(columns|filters|groupBy|sort)\\[(\\d+)]\\.(\\w+)");

  private final ReportDesignerService designer;
  private final ReportService reports;
  private final PipelineService pipelines;
  private final UserService users;
  private final RoleService roles;
  private final Formats fmt;
  private final MessageSource messages;

  ReportDesignerPagesController(
      ReportDesignerService designer,
      ReportService reports,
      PipelineService pipelines,
      UserService users,
      RoleService roles,
      Formats fmt,
      MessageSource messages) {
    this.designer = designer;
    this.reports = reports;
    this.pipelines = pipelines;
    this.users = users;
    this.roles = roles;
    this.fmt = fmt;
    this.messages = messages;
  }

  @GetMapping("/reports/designer")
  String blank(Model model) {
    ReportDefinition empty =
        new ReportDefinition(
            "", "deals", List.of(), List.of(), List.of(), List.of(), "BAR", null, List.of());
    return page(model, empty, null, null, 1, 1);
  }

  /**
   * A standard report's equivalent definition over the period it was shown for, unsaved, run at
   * once: the user changes it and saves it as his own ("Customize in designer" on a report page).
   */
  @GetMapping("/reports/designer/copy-of/{code}")
  String copyOf(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String pipelineId,
      @RequestParam(required = false) String responsibleId,
      Model model,
      HttpServletResponse response) {
    ReportParameters period;
    try {
      period =
          ReportParameters.parse(from, to, pipelineId, responsibleId, null, null, reports.today());
    } catch (BadParameterException refused) {
      refused(model, response, refused);
      period = ReportParameters.currentMonth(reports.today());
    }
    ReportDefinition draft =
        designer.draftOfStandard(code, period.from(), period.to(), reports.today());
    // the report page's pipeline and manager filters become the designer's filters by name
    List<ReportDefinition.Filter> filters = new ArrayList<>(draft.filters());
    if (period.pipelineId() != null) {
      filters.add(
          new ReportDefinition.Filter(
              "pipeline", "EQ", List.of(pipelines.get(period.pipelineId()).name())));
    }
    if (period.responsibleId() != null) {
      String name = users.displayNames(List.of(period.responsibleId())).get(period.responsibleId());
      if (name != null) {
        filters.add(new ReportDefinition.Filter("responsible", "EQ", List.of(name)));
      }
    }
    draft =
        new ReportDefinition(
            draft.name(),
            draft.entity(),
            draft.columns(),
            filters,
            draft.groupBy(),
            draft.sort(),
            draft.chart(),
            draft.chartValue(),
            List.of());
    model.addAttribute("copyOf", "report." + code);
    DesignedReport result = null;
    try {
      result = designer.preview(draft);
    } catch (BadParameterException | InvalidFieldException refused) {
      refused(model, response, refused);
    }
    return page(model, draft, null, result, 0, 0);
  }

  /** A saved definition: its form, run at once. */
  @GetMapping("/reports/designer/{id}")
  String open(@PathVariable long id, Model model, HttpServletResponse response) {
    DefinitionView view = designer.get(id);
    DesignedReport result = null;
    try {
      result = designer.run(id);
    } catch (BadParameterException | InvalidFieldException refused) {
      refused(model, response, refused);
    }
    return page(model, view.definition(), view, result, 0, 0);
  }

  @PostMapping("/reports/designer")
  String post(
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(defaultValue = "preview") String action,
      @RequestParam(required = false) Long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ReportDefinition definition = definition(form);
    String previous = form.getFirst("previousEntity");
    if (previous != null && !previous.equals(definition.entity())) {
      // another entity has other fields: start its rows afresh, keep name, chart and sharing
      definition =
          new ReportDefinition(
              definition.name(),
              definition.entity(),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              definition.chart(),
              null,
              definition.sharedWithRoles());
      action = "refresh";
    }
    DefinitionView saved = id == null ? null : designer.get(id);
    int extraColumns = action.equals("addColumn") ? 1 : 0;
    int extraFilters = action.equals("addFilter") ? 1 : 0;
    DesignedReport result = null;
    try {
      if (action.equals("save")) {
        DefinitionView stored =
            saved != null && saved.mine()
                ? designer.update(saved.id(), definition, null)
                : designer.create(definition);
        Flash.success(redirect, "designer.saved", stored.name());
        return "redirect:/reports/designer/" + stored.id();
      }
      if (action.equals("preview")) {
        result = designer.preview(definition);
      }
    } catch (BadParameterException | InvalidFieldException refused) {
      refused(model, response, refused);
    }
    return page(model, definition, saved, result, extraColumns, extraFilters);
  }

  @GetMapping("/reports/designer/{id}.csv")
  void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
    DesignedReport report = designer.export(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"report-definition-" + id + ".csv\"");
    List<String> header = report.columns().stream().map(DesignedReport.Column::key).toList();
    List<Function<Map<String, Object>, Object>> columns = new ArrayList<>();
    for (String key : header) {
      columns.add(row -> row.get(key) instanceof BigDecimal b ? b.toPlainString() : row.get(key));
    }
    try (Csv<Map<String, Object>> csv = Csv.open(response.getOutputStream(), header, columns)) {
      report.rows().forEach(csv::write);
    }
  }

  // ---- the page

  private String page(
      Model model,
      ReportDefinition definition,
      DefinitionView saved,
      DesignedReport result,
      int extraColumns,
      int extraFilters) {
    DesignerEntity entity = DesignerEntity.byCode(definition.entity()).orElse(DesignerEntity.DEALS);
    Catalogue.EntityView catalogue =
        designer.catalogue().stream()
            .filter(e -> e.code().equals(entity.code()))
            .findFirst()
            .orElseThrow();
    Map<String, String> fieldLabels = new LinkedHashMap<>();
    catalogue.fields().forEach(f -> fieldLabels.put(f.code(), label(f)));

    List<Map<String, String>> columns = new ArrayList<>();
    definition
        .columns()
        .forEach(c -> columns.add(row("field", c.field(), "aggregate", c.aggregate())));
    for (int i = 0; i < extraColumns || columns.isEmpty(); i++) {
      columns.add(row("field", "", "aggregate", ""));
    }
    List<Map<String, String>> filters = new ArrayList<>();
    definition
        .filters()
        .forEach(
            f ->
                filters.add(
                    row(
                        "field",
                        f.field(),
                        "operator",
                        f.operator(),
                        "values",
                        f.values() == null
                            ? ""
                            : String.join(
                                ", ", f.values().stream().map(String::valueOf).toList()))));
    for (int i = 0; i < extraFilters || filters.isEmpty(); i++) {
      filters.add(row("field", "", "operator", "EQ", "values", ""));
    }
    List<Map<String, String>> groups = new ArrayList<>();
    definition
        .groupBy()
        .forEach(g -> groups.add(row("field", g.field(), "dateGrouping", g.dateGrouping())));
    while (groups.size() < 2) {
      groups.add(row("field", "", "dateGrouping", ""));
    }
    ReportDefinition.Sort sort = definition.sort().isEmpty() ? null : definition.sort().get(0);

    model.addAttribute(
        "entities", Arrays.stream(DesignerEntity.values()).map(DesignerEntity::code).toList());
    model.addAttribute("entity", entity.code());
    model.addAttribute("name", definition.name() == null ? "" : definition.name());
    model.addAttribute("fields", fieldLabels);
    model.addAttribute("columns", columns);
    model.addAttribute("filters", filters);
    model.addAttribute("groups", groups);
    model.addAttribute("sortColumn", sort == null || sort.column() == null ? "" : sort.column());
    model.addAttribute(
        "sortDirection", sort == null || sort.direction() == null ? "ASC" : sort.direction());
    model.addAttribute(
        "chart", definition.chart() == null ? "BAR" : definition.chart().toUpperCase());
    model.addAttribute("aggregates", Arrays.stream(Aggregate.values()).map(Enum::name).toList());
    model.addAttribute("operators", Arrays.stream(Operator.values()).map(Enum::name).toList());
    model.addAttribute(
        "dateGroupings", Arrays.stream(DateGrouping.values()).map(Enum::name).toList());
    model.addAttribute("charts", Arrays.stream(ChartType.values()).map(Enum::name).toList());
    model.addAttribute("roles", roles.list());
    model.addAttribute("shared", definition.sharedWithRoles());
    model.addAttribute("saved", saved);
    Map<String, String> sortColumns = new LinkedHashMap<>();
    if (result != null) {
      result.columns().forEach(c -> sortColumns.put(c.key(), header(c, fieldLabels)));
    }
    if (!sortColumns.containsKey(model.getAttribute("sortColumn"))
        && sort != null
        && sort.column() != null) {
      sortColumns.put(sort.column(), sort.column());
    }
    model.addAttribute("sortColumns", sortColumns);
    if (result != null) {
      model.addAttribute("result", result);
      model.addAttribute(
          "headers", result.columns().stream().map(c -> header(c, fieldLabels)).toList());
      model.addAttribute(
          "numeric", result.columns().stream().map(c -> c.type().numeric()).toList());
      List<List<String>> rows = new ArrayList<>();
      for (Map<String, Object> r : result.rows()) {
        List<String> cells = new ArrayList<>();
        for (DesignedReport.Column c : result.columns()) {
          cells.add(cell(c, r.get(c.key()), result.baseCurrency()));
        }
        rows.add(cells);
      }
      model.addAttribute("rows", rows);
      List<String> totals = new ArrayList<>();
      boolean anyTotal = false;
      for (DesignedReport.Column c : result.columns()) {
        Object total = result.totals().get(c.key());
        anyTotal |= total != null;
        totals.add(total == null ? "" : cell(c, total, result.baseCurrency()));
      }
      model.addAttribute("totals", anyTotal ? totals : null);
      List<String> labels = result.chart().bars().stream().map(DesignedReport.Bar::label).toList();
      List<BigDecimal> values =
          result.chart().bars().stream().map(DesignedReport.Bar::value).toList();
      model.addAttribute("chartBars", ChartBars.of(labels, values));
      model.addAttribute("chartSvg", ChartSvg.of(result.chart().type().name(), labels, values));
      model.addAttribute(
          "chartMoney",
          result.columns().stream()
              .anyMatch(
                  c ->
                      c.key().equals(result.chart().valueColumn())
                          && c.type().name().equals("MONEY")));
    }
    return DESIGNER;
  }

  private void refused(Model model, HttpServletResponse response, RuntimeException refused) {
    response.setStatus(
        refused instanceof InvalidFieldException
            ? UNPROCESSABLE
            : HttpServletResponse.SC_BAD_REQUEST);
    if (refused instanceof BadParameterException bad) {
      model.addAttribute("errorField", bad.parameter());
      model.addAttribute("errorMessage", bad.getMessage());
    } else {
      InvalidFieldException invalid = (InvalidFieldException) refused;
      model.addAttribute("errorField", invalid.problems().get(0).field());
      model.addAttribute("errorMessage", invalid.problems().get(0).message());
    }
  }

  private String label(Catalogue.FieldView field) {
    return field.label() != null
        ? field.label()
        : messages.getMessage(
            "designer.field." + field.code(), null, field.code(), LocaleContextHolder.getLocale());
  }

  private String header(DesignedReport.Column column, Map<String, String> labels) {
    String field =
        column.field() == null ? "" : labels.getOrDefault(column.field(), column.field());
    String text = field;
    if (column.aggregate() != null) {
      String aggregate =
          messages.getMessage(
              "designer.aggregate." + column.aggregate(), null, LocaleContextHolder.getLocale());
      text = field.isEmpty() ? aggregate : aggregate + " · " + field;
    }
    if (column.grouping() != null) {
      text =
          field
              + " ("
              + messages.getMessage(
                  "designer.dateGrouping." + column.grouping(),
                  null,
                  LocaleContextHolder.getLocale())
              + ")";
    }
    return text;
  }

  private String cell(DesignedReport.Column column, Object value, String currency) {
    if (value == null) {
      return "—";
    }
    return switch (column.type()) {
      case MONEY -> fmt.money((BigDecimal) value, currency);
      case INTEGER -> fmt.number(BigDecimal.valueOf(((Number) value).longValue()));
      case DECIMAL -> fmt.number((BigDecimal) value);
      case DATE -> value instanceof LocalDate d ? fmt.day(d) : value.toString();
      case DATETIME ->
          value instanceof LocalDateTime t
              ? fmt.dateTime(t.atZone(ZoneId.systemDefault()).toInstant())
              : value instanceof Instant i ? fmt.dateTime(i) : value.toString();
      case BOOLEAN ->
          messages.getMessage(
              Boolean.TRUE.equals(value) ? "designer.yes" : "designer.no",
              null,
              LocaleContextHolder.getLocale());
      case TEXT -> value.toString();
    };
  }

  private static Map<String, String> row(String... keyValues) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put(keyValues[i], keyValues[i + 1] == null ? "" : keyValues[i + 1]);
    }
    return row;
  }

  // ---- the form as a definition

  /** Rows come as {@code columns[0].field}; empty rows (no field, no aggregate) are left out. */
  static ReportDefinition definition(MultiValueMap<String, String> form) {
    Map<String, Map<Integer, Map<String, String>>> rows = new TreeMap<>();
    form.forEach(
        (key, values) -> {
          Matcher m = ROW.matcher(key);
          if (m.matches() && !values.isEmpty()) {
            rows.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new LinkedHashMap<>())
                .put(m.group(3), values.get(0) == null ? "" : values.get(0).strip());
          }
        });
    List<ReportDefinition.Column> columns = new ArrayList<>();
    for (Map<String, String> c : rows.getOrDefault("columns", Map.of()).values()) {
      String field = c.getOrDefault("field", "");
      String aggregate = c.getOrDefault("aggregate", "");
      if (!field.isEmpty() || !aggregate.isEmpty()) {
        columns.add(new ReportDefinition.Column(blank(field), blank(aggregate)));
      }
    }
    List<ReportDefinition.Filter> filters = new ArrayList<>();
    for (Map<String, String> f : rows.getOrDefault("filters", Map.of()).values()) {
      String field = f.getOrDefault("field", "");
      if (field.isEmpty()) {
        continue;
      }
      String operator = f.getOrDefault("operator", "EQ");
      String values = f.getOrDefault("values", "");
      List<Object> parsed = new ArrayList<>();
      if (operator.equals("IN") || operator.equals("BETWEEN")) {
        for (String v : values.split(",")) {
          if (!v.isBlank()) {
            parsed.add(v.strip());
          }
        }
      } else if (!operator.equals("IS_EMPTY")) {
        parsed.add(values);
      }
      filters.add(new ReportDefinition.Filter(field, operator, parsed));
    }
    List<ReportDefinition.Grouping> groups = new ArrayList<>();
    for (Map<String, String> g : rows.getOrDefault("groupBy", Map.of()).values()) {
      String field = g.getOrDefault("field", "");
      if (!field.isEmpty()) {
        groups.add(new ReportDefinition.Grouping(field, blank(g.getOrDefault("dateGrouping", ""))));
      }
    }
    List<ReportDefinition.Sort> sort = new ArrayList<>();
    for (Map<String, String> s : rows.getOrDefault("sort", Map.of()).values()) {
      String column = s.getOrDefault("column", "");
      if (!column.isEmpty()) {
        sort.add(new ReportDefinition.Sort(column, blank(s.getOrDefault("direction", ""))));
      }
    }
    return new ReportDefinition(
        form.getFirst("name"),
        form.getFirst("entity"),
        columns,
        filters,
        groups,
        sort,
        form.getFirst("chart"),
        null,
        form.getOrDefault("sharedWithRoles", List.of()));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

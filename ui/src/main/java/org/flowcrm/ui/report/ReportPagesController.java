package org.flowcrm.ui.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.report.Funnel;
import org.flowcrm.crm.report.Report;
import org.flowcrm.crm.report.ReportCsv;
import org.flowcrm.crm.report.ReportParameters;
import org.flowcrm.crm.report.ReportService;
import org.flowcrm.crm.report.StandardReport;
import org.flowcrm.crm.reportdesigner.ReportDesignerService;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.UserService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report pages. Filters are a plain GET form (works without script, and a report's address can
 * be bookmarked or sent); a parameter the service refuses is shown at its field with the current
 * month's report below it. The CSV download is served here, behind the page session, because
 * crm-api's {@code /api/v1} chain takes HTTP Basic only.
 */
@Controller
class ReportPagesController {

  static final String INDEX = "report/index";
  static final String REPORT = "report/report";
  static final String FUNNEL = "report/funnel";

  private final ReportService reports;
  private final ReportCsv csv;
  private final PipelineService pipelines;
  private final UserService users;
  private final DepartmentService departments;
  private final ReportDesignerService designer;

  ReportPagesController(
      ReportService reports,
      ReportCsv csv,
      PipelineService pipelines,
      UserService users,
      DepartmentService departments,
      ReportDesignerService designer) {
    this.designer = designer;
    this.reports = reports;
    this.csv = csv;
    this.pipelines = pipelines;
    this.users = users;
    this.departments = departments;
  }

  @GetMapping("/reports")
  String index(Model model) {
    model.addAttribute("reports", reports.list());
    model.addAttribute("definitions", designer.list());
    return INDEX;
  }

  @GetMapping("/reports/funnel")
  String funnel(
      @RequestParam Map<String, String> query, Model model, HttpServletResponse response) {
    ReportParameters parameters = parameters(query, model, response);
    Funnel funnel = reports.funnel(parameters);
    List<Map<String, Object>> views = new ArrayList<>();
    for (Funnel.PipelineFunnel pipeline : funnel.pipelines()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("pipeline", pipeline);
      view.put(
          "bars",
          ChartBars.of(
              pipeline.stages().stream().map(Funnel.Stage::name).toList(),
              pipeline.stages().stream().map(s -> BigDecimal.valueOf(s.count())).toList()));
      views.add(view);
    }
    model.addAttribute("funnel", funnel);
    model.addAttribute("pipelineFunnels", views);
    filters(model, query, parameters);
    return FUNNEL;
  }

  @GetMapping("/reports/{code}")
  String report(
      @PathVariable String code,
      @RequestParam Map<String, String> query,
      Model model,
      HttpServletResponse response) {
    StandardReport standard = known(code);
    ReportParameters parameters = parameters(query, model, response);
    Report report = reports.run(code, parameters);
    model.addAttribute("report", report);
    model.addAttribute("standard", standard);
    List<String> labels = report.chart().bars().stream().map(Report.Bar::label).toList();
    List<BigDecimal> values = report.chart().bars().stream().map(Report.Bar::value).toList();
    model.addAttribute("chart", ChartBars.of(labels, values));
    String kind = chartKind(query.get("chart"));
    model.addAttribute("chartSvg", ChartSvg.of(kind, labels, values));
    model.addAttribute("csvHref", "/reports/" + code + ".csv" + queryString(parameters));
    model.addAttribute(
        "designerHref",
        standard == StandardReport.CONTACTS
            ? ""
            : "/reports/designer/copy-of/" + code + queryString(parameters));
    model.addAttribute("linkColumn", linkColumn(standard, parameters));
    model.addAttribute(
        "rowLinks", report.rows().stream().map(row -> rowLink(standard, parameters, row)).toList());
    filters(model, query, parameters);
    return REPORT;
  }

  @GetMapping("/reports/{code}.csv")
  void export(
      @PathVariable String code,
      @RequestParam Map<String, String> query,
      HttpServletResponse response)
      throws IOException {
    known(code);
    Report report = reports.export(code, parse(query));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + report.code() + "-" + report.from() + ".csv\"");
    csv.write(report, response.getOutputStream());
  }

  /** BAR, LINE or PIE as asked; anything else is the bars. */
  private static String chartKind(String asked) {
    return asked != null && List.of("LINE", "PIE").contains(asked) ? asked : "BAR";
  }

  /** The column whose cells link to what the row names. */
  private static String linkColumn(StandardReport report, ReportParameters parameters) {
    return switch (report) {
      case MANAGERS, OVERDUE_DEALS -> "manager";
      case CONTACTS -> "contact";
      case COMPANIES, COMPANY_PROFITABILITY -> "company";
      case WON_DEALS -> "deal";
      case OPEN_DEALS_BY_STAGE -> "stage";
      case PRODUCT_INCOME -> "product";
      case EXPECTED_SALES ->
          switch (parameters.groupBy()) {
            case MANAGER -> "manager";
            case CLIENT -> "company";
            case TYPE -> "";
          };
    };
  }

  /**
   * Where a row leads: the contact, company, deal or product card, or for a manager or a stage the
   * deal list filtered by it (the list has no period filter, so the period is not carried over).
   * Empty for rows without an id (deals without a responsible, free-text product rows).
   */
  private static String rowLink(
      StandardReport report, ReportParameters parameters, Map<String, Object> row) {
    if (!(row.get("id") instanceof Number id)) {
      return "";
    }
    String deals = "/deals/list?responsible=" + id;
    return switch (report) {
      case MANAGERS, OVERDUE_DEALS -> deals;
      case CONTACTS -> "/contacts/" + id;
      case COMPANIES, COMPANY_PROFITABILITY -> "/companies/" + id;
      case WON_DEALS -> "/deals/" + id;
      case OPEN_DEALS_BY_STAGE -> "/deals/list?stage=" + id;
      case PRODUCT_INCOME -> "/products/" + id;
      case EXPECTED_SALES ->
          switch (parameters.groupBy()) {
            case MANAGER -> deals;
            case CLIENT -> "/companies/" + id;
            case TYPE -> "";
          };
    };
  }

  private static StandardReport known(String code) {
    return StandardReport.byCode(code).orElseThrow(() -> new NotFoundException("Report", code));
  }

  private ReportParameters parse(Map<String, String> query) {
    return ReportParameters.parse(
        query.get("from"),
        query.get("to"),
        query.get("pipelineId"),
        query.get("responsibleId"),
        query.get("departmentId"),
        query.get("groupBy"),
        reports.today());
  }

  /** The parameters, or the current month with the refusal at its field (400). */
  private ReportParameters parameters(
      Map<String, String> query, Model model, HttpServletResponse response) {
    try {
      return parse(query);
    } catch (BadParameterException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errorField", e.parameter());
      model.addAttribute("errorMessage", e.getMessage());
      return ReportParameters.currentMonth(reports.today());
    }
  }

  /** The filter form's choices and what the user typed (kept as typed when it was refused). */
  private void filters(Model model, Map<String, String> query, ReportParameters parameters) {
    model.addAttribute("pipelines", pipelines.list());
    model.addAttribute("users", users.list(true));
    model.addAttribute("departments", departments.list());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("from", query.getOrDefault("from", parameters.from().toString()));
    values.put("to", query.getOrDefault("to", parameters.to().toString()));
    values.put("pipelineId", id(parameters.pipelineId()));
    values.put("responsibleId", id(parameters.responsibleId()));
    values.put("departmentId", id(parameters.departmentId()));
    values.put("groupBy", parameters.groupBy().name());
    values.put("chart", chartKind(query.get("chart")));
    model.addAttribute("values", values);
  }

  private static String id(Long id) {
    return id == null ? "" : id.toString();
  }

  private static String queryString(ReportParameters p) {
    StringBuilder query = new StringBuilder("?from=" + p.from() + "&to=" + p.to());
    if (p.pipelineId() != null) {
      query.append("&pipelineId=").append(p.pipelineId());
    }
    if (p.responsibleId() != null) {
      query.append("&responsibleId=").append(p.responsibleId());
    }
    if (p.departmentId() != null) {
      query.append("&departmentId=").append(p.departmentId());
    }
    query.append("&groupBy=").append(p.groupBy().name());
    return query.toString();
  }
}

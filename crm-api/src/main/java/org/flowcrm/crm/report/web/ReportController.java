package org.flowcrm.crm.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.report.Funnel;
import org.flowcrm.crm.report.Report;
import org.flowcrm.crm.report.ReportCsv;
import org.flowcrm.crm.report.ReportParameters;
import org.flowcrm.crm.report.ReportService;
import org.flowcrm.crm.report.ReportSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The standard reports and the funnel over REST: JSON, and CSV (the same rows and scope) by {@code
 * .csv} or {@code Accept: text/csv}. Parameters are taken as text and parsed by {@link
 * ReportParameters}, so a bad one is a 400 naming it.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  private final ReportService reports;
  private final ReportCsv csv;

  ReportController(ReportService reports, ReportCsv csv) {
    this.reports = reports;
    this.csv = csv;
  }

  @GetMapping
  List<ReportSummary> list() {
    return reports.list();
  }

  /** The funnel per pipeline; {@code from}/{@code to} select deals by creation date. */
  @GetMapping("/funnel")
  Funnel funnel(@RequestParam Map<String, String> query) {
    return reports.funnel(parameters(query));
  }

  @GetMapping("/{code}")
  Report report(@PathVariable String code, @RequestParam Map<String, String> query) {
    return reports.run(code, parameters(query));
  }

  @GetMapping(value = "/{code}", produces = "text/csv")
  void reportAsCsv(
      @PathVariable String code,
      @RequestParam Map<String, String> query,
      HttpServletResponse response)
      throws IOException {
    export(code, query, response);
  }

  @GetMapping("/{code}.csv")
  void export(
      @PathVariable String code,
      @RequestParam Map<String, String> query,
      HttpServletResponse response)
      throws IOException {
    // run before the first byte: a refusal or a bad parameter must be a problem detail
    Report report = reports.export(code, parameters(query));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + report.code() + "-" + report.from() + ".csv\"");
    csv.write(report, response.getOutputStream());
  }

  private ReportParameters parameters(Map<String, String> query) {
    return ReportParameters.parse(
        query.get("from"),
        query.get("to"),
        query.get("pipelineId"),
        query.get("responsibleId"),
        query.get("departmentId"),
        query.get("groupBy"),
        reports.today());
  }
}

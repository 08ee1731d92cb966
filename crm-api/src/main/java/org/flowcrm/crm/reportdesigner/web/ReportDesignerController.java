package org.flowcrm.crm.reportdesigner.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.flowcrm.crm.reportdesigner.Catalogue;
import org.flowcrm.crm.reportdesigner.DefinitionView;
import org.flowcrm.crm.reportdesigner.DesignedReport;
import org.flowcrm.crm.reportdesigner.ReportDefinition;
import org.flowcrm.crm.reportdesigner.ReportDesignerService;
import org.flowcrm.crm.shared.Csv;
import org.flowcrm.crm.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report designer over REST: the field catalogue, saved definitions (CRUD, copy of a standard
 * report), runs of saved ones, previews of unsaved ones, and CSV of a run (a header of column keys,
 * the rows, numbers plain).
 */
@RestController
class ReportDesignerController {

  private final ReportDesignerService designer;

  ReportDesignerController(ReportDesignerService designer) {
    this.designer = designer;
  }

  @GetMapping("/api/v1/report-designer/catalogue")
  List<Catalogue.EntityView> catalogue() {
    return designer.catalogue();
  }

  @GetMapping("/api/v1/report-definitions")
  List<DefinitionView> list() {
    return designer.list();
  }

  @GetMapping("/api/v1/report-definitions/{id}")
  ResponseEntity<DefinitionView> get(@PathVariable long id) {
    return withETag(designer.get(id));
  }

  @PostMapping("/api/v1/report-definitions")
  ResponseEntity<DefinitionView> create(@RequestBody ReportDefinition definition) {
    return created(designer.create(definition));
  }

  /** Saves a copy of the standard report {@code code} as the caller's own definition. */
  @PostMapping("/api/v1/report-definitions/copy-of/{code}")
  ResponseEntity<DefinitionView> copy(@PathVariable String code) {
    return created(designer.copyOfStandard(code));
  }

  @PutMapping("/api/v1/report-definitions/{id}")
  ResponseEntity<DefinitionView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody ReportDefinition definition) {
    return withETag(designer.update(id, definition, ETags.expectedVersion(ifMatch, false)));
  }

  @DeleteMapping("/api/v1/report-definitions/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    designer.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/report-definitions/{id}/run")
  DesignedReport run(@PathVariable long id) {
    return designer.run(id);
  }

  @PostMapping("/api/v1/report-definitions/preview")
  DesignedReport preview(@RequestBody ReportDefinition definition) {
    return designer.preview(definition);
  }

  /** The run as CSV; refused (403) before the first byte without a REPORT EXPORT scope. */
  @GetMapping("/api/v1/report-definitions/{id}/run.csv")
  void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
    DesignedReport report = designer.export(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"report-definition-" + id + ".csv\"");
    List<String> header = report.columns().stream().map(DesignedReport.Column::key).toList();
    List<Function<Map<String, Object>, Object>> columns =
        header.stream()
            .<Function<Map<String, Object>, Object>>map(
                key ->
                    row -> row.get(key) instanceof BigDecimal b ? b.toPlainString() : row.get(key))
            .toList();
    try (Csv<Map<String, Object>> csv = Csv.open(response.getOutputStream(), header, columns)) {
      report.rows().forEach(csv::write);
    }
  }

  private static ResponseEntity<DefinitionView> created(DefinitionView view) {
    return ResponseEntity.created(URI.create("/api/v1/report-definitions/" + view.id()))
        .eTag(ETags.of(view.version()))
        .body(view);
  }

  private static ResponseEntity<DefinitionView> withETag(DefinitionView view) {
    return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
  }
}

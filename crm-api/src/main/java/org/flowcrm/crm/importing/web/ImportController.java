package org.flowcrm.crm.importing.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.flowcrm.crm.importing.ImportEntityType;
import org.flowcrm.crm.importing.ImportPreview;
import org.flowcrm.crm.importing.ImportService;
import org.flowcrm.crm.importing.ImportSettings;
import org.flowcrm.crm.importing.ImportView;
import org.flowcrm.crm.importing.RevertResult;
import org.flowcrm.crm.importing.RowFailure;
import org.flowcrm.crm.importing.UploadTooLargeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import jobs: upload, preview, mapping, start, progress, failed rows, revert. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

  private final ImportService imports;

  ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportView> upload(
      @RequestParam("file") MultipartFile file, @RequestParam ImportEntityType entityType)
      throws IOException {
    ImportView job = imports.upload(entityType, file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.created(URI.create("/api/v1/imports/" + job.id())).body(job);
  }

  @GetMapping("/{id}")
  ImportView get(@PathVariable long id) {
    return imports.get(id);
  }

  @GetMapping("/{id}/preview")
  ImportPreview preview(@PathVariable long id) {
    return imports.preview(id);
  }

  @PutMapping("/{id}/mapping")
  ImportView configure(@PathVariable long id, @Valid @RequestBody ImportSettings settings) {
    return imports.configure(id, settings);
  }

  @PostMapping("/{id}/start")
  ResponseEntity<ImportView> start(@PathVariable long id) {
    return ResponseEntity.accepted().body(imports.start(id));
  }

  @GetMapping("/{id}/failures")
  List<RowFailure> failures(@PathVariable long id) {
    return imports.failures(id);
  }

  @GetMapping("/{id}/failures.csv")
  void failuresCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
    List<RowFailure> failures = imports.failures(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-failures.csv\"");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv =
        new CSVPrinter(
            writer, CSVFormat.RFC4180.builder().setHeader("row", "column", "reason").get())) {
      for (RowFailure f : failures) {
        // a note on an imported row (a photo left out) says so: the row itself was imported
        csv.printRecord(f.row(), f.column(), f.notice() ? "note: " + f.reason() : f.reason());
      }
    }
  }

  @PostMapping("/{id}/revert")
  RevertResult revert(@PathVariable long id) {
    return imports.revert(id);
  }

  @ExceptionHandler(UploadTooLargeException.class)
  ProblemDetail tooLarge(UploadTooLargeException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
    problem.setTitle("File too large");
    return problem;
  }
}

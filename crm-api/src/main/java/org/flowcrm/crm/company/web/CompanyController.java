package org.flowcrm.crm.company.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.Csv;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.JsonMergePatch;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.Phone;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/companies")
class CompanyController {

  private static final List<String> CSV_HEADER =
      List.of(
          "id",
          "name",
          "industry",
          "employees",
          "revenue",
          "revenueCurrency",
          "phones",
          "emails",
          "website",
          "responsibleId",
          "createdAt");
  private static final List<Function<CompanyView, Object>> CSV_COLUMNS =
      List.of(
          CompanyView::id,
          CompanyView::name,
          CompanyView::industry,
          CompanyView::employees,
          CompanyView::revenue,
          CompanyView::revenueCurrency,
          c -> c.phones().stream().map(Phone::value).collect(Collectors.joining("; ")),
          c -> c.emails().stream().map(Email::value).collect(Collectors.joining("; ")),
          CompanyView::website,
          CompanyView::responsibleId,
          CompanyView::createdAt);

  private final CompanyService companies;

  private final JsonMergePatch patches;

  CompanyController(CompanyService companies, JsonMergePatch patches) {
    this.companies = companies;
    this.patches = patches;
  }

  @GetMapping
  CursorPage<CompanyView> list(
      @ModelAttribute CompanyFilter filter, @ModelAttribute ListRequest page) {
    return companies.list(filter, page);
  }

  @GetMapping(produces = "text/csv")
  void csv(
      @ModelAttribute CompanyFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    export(filter, sort, response);
  }

  @GetMapping("/export")
  void export(
      @ModelAttribute CompanyFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    // Checked before the first byte: a refusal must be a problem detail, not a broken CSV.
    companies.requireExport();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"companies.csv\"");
    try (Csv<CompanyView> csv = Csv.open(response.getOutputStream(), CSV_HEADER, CSV_COLUMNS)) {
      companies.export(filter, sort, csv::write);
    }
  }

  /** Records with one of these e-mails or phones: call before creating, to warn of duplicates. */
  @GetMapping("/duplicates")
  List<CompanyView> duplicates(
      @RequestParam(name = "email", required = false) List<String> emails,
      @RequestParam(name = "phone", required = false) List<String> phones) {
    return companies.findDuplicates(
        emails == null ? List.of() : emails, phones == null ? List.of() : phones);
  }

  /** Makes one user responsible for every company the filter matches. */
  @PostMapping("/bulk-assignment")
  java.util.Map<String, Integer> assignAll(
      @ModelAttribute CompanyFilter filter,
      @jakarta.validation.Valid @RequestBody Assignment assignment) {
    return java.util.Map.of("assigned", companies.assignAll(filter, assignment.responsibleId()));
  }

  /**
   * A bulk action ({@code action}: see {@link CompanyService#BULK_ACTIONS}) over the picked {@code
   * ids} or every record the {@code filter} matches; answers what was done and refused.
   */
  @PostMapping("/bulk")
  BulkResult bulk(@Valid @RequestBody BulkCommand<CompanyFilter> command) {
    return companies.bulk(command);
  }

  /** Who becomes responsible. */
  record Assignment(@jakarta.validation.constraints.NotNull Long responsibleId) {}

  @GetMapping("/{id}")
  ResponseEntity<CompanyView> get(@PathVariable long id) {
    return withETag(companies.get(id));
  }

  @PostMapping
  ResponseEntity<CompanyView> create(@Valid @RequestBody CompanyCommand command) {
    CompanyView company = companies.create(command);
    return ResponseEntity.created(URI.create("/api/v1/companies/" + company.id()))
        .eTag(ETags.of(company.version()))
        .body(company);
  }

  @PutMapping("/{id}")
  ResponseEntity<CompanyView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody CompanyCommand command) {
    return withETag(companies.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  /**
   * JSON Merge Patch (RFC 7396): only the members sent change, {@code null} clears one; applied to
   * the current record and then validated and saved exactly like a {@code PUT}.
   */
  @PatchMapping(path = "/{id}", consumes = JsonMergePatch.MEDIA_TYPE)
  ResponseEntity<CompanyView> patch(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    Long expected = ETags.expectedVersion(ifMatch, true);
    CompanyCommand command = patches.apply(companies.get(id), patch, CompanyCommand.class);
    return withETag(companies.update(id, command, expected));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    companies.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<CompanyView> withETag(CompanyView company) {
    return ResponseEntity.ok().eTag(ETags.of(company.version())).body(company);
  }
}

package org.flowcrm.crm.lead.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.lead.ConversionCommand;
import org.flowcrm.crm.lead.ConversionResult;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadCommentView;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
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
@RequestMapping("/api/v1/leads")
class LeadController {

  private static final List<String> CSV_HEADER =
      List.of(
          "id",
          "title",
          "firstName",
          "lastName",
          "companyName",
          "phones",
          "emails",
          "source",
          "status",
          "responsibleId",
          "createdAt");
  private static final List<Function<LeadView, Object>> CSV_COLUMNS =
      List.of(
          LeadView::id,
          LeadView::title,
          LeadView::firstName,
          LeadView::lastName,
          LeadView::companyName,
          l -> l.phones().stream().map(Phone::value).collect(Collectors.joining("; ")),
          l -> l.emails().stream().map(Email::value).collect(Collectors.joining("; ")),
          LeadView::source,
          LeadView::status,
          LeadView::responsibleId,
          LeadView::createdAt);

  private final LeadService leads;

  private final JsonMergePatch patches;

  LeadController(LeadService leads, JsonMergePatch patches) {
    this.leads = leads;
    this.patches = patches;
  }

  @GetMapping
  CursorPage<LeadView> list(@ModelAttribute LeadFilter filter, @ModelAttribute ListRequest page) {
    return leads.list(filter, page);
  }

  @GetMapping(produces = "text/csv")
  void csv(
      @ModelAttribute LeadFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    export(filter, sort, response);
  }

  @GetMapping("/export")
  void export(
      @ModelAttribute LeadFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    // Checked before the first byte: a refusal must be a problem detail, not a broken CSV.
    leads.requireExport();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"leads.csv\"");
    try (Csv<LeadView> csv = Csv.open(response.getOutputStream(), CSV_HEADER, CSV_COLUMNS)) {
      leads.export(filter, sort, csv::write);
    }
  }

  /** Records with one of these e-mails or phones: call before creating, to warn of duplicates. */
  @GetMapping("/duplicates")
  List<LeadView> duplicates(
      @RequestParam(name = "email", required = false) List<String> emails,
      @RequestParam(name = "phone", required = false) List<String> phones) {
    return leads.findDuplicates(
        emails == null ? List.of() : emails, phones == null ? List.of() : phones);
  }

  /** Makes one user responsible for every lead the filter matches. */
  @PostMapping("/bulk-assignment")
  java.util.Map<String, Integer> assignAll(
      @ModelAttribute LeadFilter filter,
      @jakarta.validation.Valid @RequestBody Assignment assignment) {
    return java.util.Map.of("assigned", leads.assignAll(filter, assignment.responsibleId()));
  }

  /**
   * A bulk action ({@code action}: see {@link LeadService#BULK_ACTIONS}) over the picked {@code
   * ids} or every record the {@code filter} matches; answers what was done and refused.
   */
  @PostMapping("/bulk")
  BulkResult bulk(@Valid @RequestBody BulkCommand<LeadFilter> command) {
    return leads.bulk(command);
  }

  /** Who becomes responsible. */
  record Assignment(@jakarta.validation.constraints.NotNull Long responsibleId) {}

  @GetMapping("/{id}")
  ResponseEntity<LeadView> get(@PathVariable long id) {
    return withETag(leads.get(id));
  }

  @PostMapping
  ResponseEntity<LeadView> create(@Valid @RequestBody LeadCommand command) {
    LeadView lead = leads.create(command);
    return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id()))
        .eTag(ETags.of(lead.version()))
        .body(lead);
  }

  @PutMapping("/{id}")
  ResponseEntity<LeadView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody LeadCommand command) {
    return withETag(leads.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  /**
   * JSON Merge Patch (RFC 7396): only the members sent change, {@code null} clears one; applied to
   * the current record and then validated and saved exactly like a {@code PUT}.
   */
  @PatchMapping(path = "/{id}", consumes = JsonMergePatch.MEDIA_TYPE)
  ResponseEntity<LeadView> patch(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    Long expected = ETags.expectedVersion(ifMatch, true);
    LeadCommand command = patches.apply(leads.get(id), patch, LeadCommand.class);
    return withETag(leads.update(id, command, expected));
  }

  @PutMapping("/{id}/status")
  ResponseEntity<LeadView> changeStatus(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody StatusChange change) {
    return withETag(leads.changeStatus(id, change.status(), ETags.expectedVersion(ifMatch, false)));
  }

  /** Converts the lead into a contact, company and/or deal in one transaction. */
  @PostMapping("/{id}/conversion")
  ConversionResult convert(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ConversionCommand command) {
    return leads.convert(id, command, ETags.expectedVersion(ifMatch, false));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    leads.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/comments")
  List<LeadCommentView> comments(@PathVariable long id) {
    return leads.comments(id);
  }

  @PostMapping("/{id}/comments")
  ResponseEntity<LeadCommentView> comment(
      @PathVariable long id, @Valid @RequestBody NewComment comment) {
    return ResponseEntity.status(201).body(leads.addComment(id, comment.text()));
  }

  private static ResponseEntity<LeadView> withETag(LeadView lead) {
    return ResponseEntity.ok().eTag(ETags.of(lead.version())).body(lead);
  }

  /** The status to give a lead. */
  record StatusChange(@NotBlank @Size(max = 40) String status) {}

  /** A comment's text. */
  record NewComment(@NotBlank @Size(max = 10000) String text) {}
}

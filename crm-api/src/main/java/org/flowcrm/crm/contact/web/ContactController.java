package org.flowcrm.crm.contact.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactFilter;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
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
@RequestMapping("/api/v1/contacts")
class ContactController {

  private static final List<String> CSV_HEADER =
      List.of(
          "id",
          "firstName",
          "lastName",
          "position",
          "phones",
          "emails",
          "companyIds",
          "responsibleId",
          "sourceLeadId",
          "createdAt");
  private static final List<Function<ContactView, Object>> CSV_COLUMNS =
      List.of(
          ContactView::id,
          ContactView::firstName,
          ContactView::lastName,
          ContactView::position,
          c -> c.phones().stream().map(Phone::value).collect(Collectors.joining("; ")),
          c -> c.emails().stream().map(Email::value).collect(Collectors.joining("; ")),
          c -> c.companyIds().stream().map(String::valueOf).collect(Collectors.joining("; ")),
          ContactView::responsibleId,
          ContactView::sourceLeadId,
          ContactView::createdAt);

  private final ContactService contacts;

  private final JsonMergePatch patches;

  ContactController(ContactService contacts, JsonMergePatch patches) {
    this.contacts = contacts;
    this.patches = patches;
  }

  @GetMapping
  CursorPage<ContactView> list(
      @ModelAttribute ContactFilter filter, @ModelAttribute ListRequest page) {
    return contacts.list(filter, page);
  }

  @GetMapping(produces = "text/csv")
  void csv(
      @ModelAttribute ContactFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    export(filter, sort, response);
  }

  @GetMapping("/export")
  void export(
      @ModelAttribute ContactFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    // Checked before the first byte: a refusal must be a problem detail, not a broken CSV.
    contacts.requireExport();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
    try (Csv<ContactView> csv = Csv.open(response.getOutputStream(), CSV_HEADER, CSV_COLUMNS)) {
      contacts.export(filter, sort, csv::write);
    }
  }

  /** Records with one of these e-mails or phones: call before creating, to warn of duplicates. */
  @GetMapping("/duplicates")
  List<ContactView> duplicates(
      @RequestParam(name = "email", required = false) List<String> emails,
      @RequestParam(name = "phone", required = false) List<String> phones) {
    return contacts.findDuplicates(
        emails == null ? List.of() : emails, phones == null ? List.of() : phones);
  }

  /** Makes one user responsible for every contact the filter matches. */
  @PostMapping("/bulk-assignment")
  java.util.Map<String, Integer> assignAll(
      @ModelAttribute ContactFilter filter,
      @jakarta.validation.Valid @RequestBody Assignment assignment) {
    return java.util.Map.of("assigned", contacts.assignAll(filter, assignment.responsibleId()));
  }

  /**
   * A bulk action ({@code action}: see {@link ContactService#BULK_ACTIONS}) over the picked {@code
   * ids} or every record the {@code filter} matches; answers what was done and refused.
   */
  @PostMapping("/bulk")
  BulkResult bulk(@Valid @RequestBody BulkCommand<ContactFilter> command) {
    return contacts.bulk(command);
  }

  /** Who becomes responsible. */
  record Assignment(@jakarta.validation.constraints.NotNull Long responsibleId) {}

  @GetMapping("/{id}")
  ResponseEntity<ContactView> get(@PathVariable long id) {
    return withETag(contacts.get(id));
  }

  @PostMapping
  ResponseEntity<ContactView> create(@Valid @RequestBody ContactCommand command) {
    ContactView contact = contacts.create(command);
    return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id()))
        .eTag(ETags.of(contact.version()))
        .body(contact);
  }

  @PutMapping("/{id}")
  ResponseEntity<ContactView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ContactCommand command) {
    return withETag(contacts.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  /**
   * JSON Merge Patch (RFC 7396): only the members sent change, {@code null} clears one; applied to
   * the current record and then validated and saved exactly like a {@code PUT}.
   */
  @PatchMapping(path = "/{id}", consumes = JsonMergePatch.MEDIA_TYPE)
  ResponseEntity<ContactView> patch(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    Long expected = ETags.expectedVersion(ifMatch, true);
    ContactCommand command = patches.apply(contacts.get(id), patch, ContactCommand.class);
    return withETag(contacts.update(id, command, expected));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    contacts.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ContactView> withETag(ContactView contact) {
    return ResponseEntity.ok().eTag(ETags.of(contact.version())).body(contact);
  }
}

package org.flowcrm.crm.deal.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.flowcrm.crm.deal.CommentView;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.deal.StageChangeView;
import org.flowcrm.crm.deal.StageTotal;
import org.flowcrm.crm.shared.BulkCommand;
import org.flowcrm.crm.shared.BulkResult;
import org.flowcrm.crm.shared.Csv;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.JsonMergePatch;
import org.flowcrm.crm.shared.ListRequest;
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
@RequestMapping("/api/v1/deals")
class DealController {

  private static final List<String> CSV_HEADER =
      List.of(
          "id",
          "title",
          "pipelineId",
          "stage",
          "amount",
          "currency",
          "amountInBaseCurrency",
          "probability",
          "expectedCloseDate",
          "type",
          "responsibleId",
          "companyId",
          "closed",
          "createdAt");
  private static final List<Function<DealView, Object>> CSV_COLUMNS =
      List.of(
          DealView::id,
          DealView::title,
          DealView::pipelineId,
          DealView::stageName,
          DealView::amount,
          DealView::currency,
          DealView::amountInBaseCurrency,
          DealView::probability,
          DealView::expectedCloseDate,
          DealView::type,
          DealView::responsibleId,
          DealView::companyId,
          DealView::closed,
          DealView::createdAt);

  private final DealService deals;

  private final JsonMergePatch patches;

  DealController(DealService deals, JsonMergePatch patches) {
    this.deals = deals;
    this.patches = patches;
  }

  /**
   * Filter, search ({@code q}), sort ({@code sort=-amount}) and page ({@code limit}, {@code
   * after}).
   */
  @GetMapping
  CursorPage<DealView> list(@ModelAttribute DealFilter filter, @ModelAttribute ListRequest page) {
    return deals.list(filter, page);
  }

  /** The same list as CSV, every page of it. */
  @GetMapping(produces = "text/csv")
  void csv(
      @ModelAttribute DealFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    export(filter, sort, response);
  }

  @GetMapping("/export")
  void export(
      @ModelAttribute DealFilter filter,
      @RequestParam(required = false) String sort,
      HttpServletResponse response)
      throws IOException {
    // Checked before the first byte: a refusal must be a problem detail, not a broken CSV.
    deals.requireExport();
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"deals.csv\"");
    try (Csv<DealView> csv = Csv.open(response.getOutputStream(), CSV_HEADER, CSV_COLUMNS)) {
      deals.export(filter, sort, csv::write);
    }
  }

  /** Makes one user responsible for every deal the filter matches. */
  @PostMapping("/bulk-assignment")
  java.util.Map<String, Integer> assignAll(
      @ModelAttribute DealFilter filter,
      @jakarta.validation.Valid @RequestBody Assignment assignment) {
    return java.util.Map.of("assigned", deals.assignAll(filter, assignment.responsibleId()));
  }

  /**
   * A bulk action ({@code action}: see {@link DealService#BULK_ACTIONS}) over the picked {@code
   * ids} or every record the {@code filter} matches; answers what was done and refused.
   */
  @PostMapping("/bulk")
  BulkResult bulk(@Valid @RequestBody BulkCommand<DealFilter> command) {
    return deals.bulk(command);
  }

  /** Who becomes responsible. */
  record Assignment(@jakarta.validation.constraints.NotNull Long responsibleId) {}

  @GetMapping("/{id}")
  ResponseEntity<DealView> get(@PathVariable long id) {
    return withETag(deals.get(id));
  }

  @PostMapping
  ResponseEntity<DealView> create(@Valid @RequestBody DealCommand command) {
    DealView deal = deals.create(command);
    return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id()))
        .eTag(ETags.of(deal.version()))
        .body(deal);
  }

  @PutMapping("/{id}")
  ResponseEntity<DealView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody DealCommand command) {
    return withETag(deals.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  /**
   * JSON Merge Patch (RFC 7396): only the members sent change, {@code null} clears one; applied to
   * the current record and then validated and saved exactly like a {@code PUT}.
   */
  @PatchMapping(path = "/{id}", consumes = JsonMergePatch.MEDIA_TYPE)
  ResponseEntity<DealView> patch(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody JsonNode patch) {
    Long expected = ETags.expectedVersion(ifMatch, true);
    DealCommand command = patches.apply(deals.get(id), patch, DealCommand.class);
    if (patch.path("delivery").isNull()) {
      // RFC 7396 removes a member patched with null; for the wishes that means "none any more",
      // while a command without them would keep them
      command = command.withDelivery(DeliveryWishes.NONE);
    }
    return withETag(deals.update(id, command, expected));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    deals.delete(id, ETags.expectedVersion(ifMatch, false));
    return ResponseEntity.noContent().build();
  }

  /** Moves the deal to another stage; {@code If-Match} is honoured when sent. */
  @PutMapping("/{id}/stage")
  ResponseEntity<DealView> moveToStage(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody StageMove move) {
    return withETag(deals.moveToStage(id, move.stageId(), ETags.expectedVersion(ifMatch, false)));
  }

  /** Reopens a won or lost deal in the given open stage. */
  @PostMapping("/{id}/reopening")
  ResponseEntity<DealView> reopen(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody StageMove move) {
    return withETag(deals.reopen(id, move.stageId(), ETags.expectedVersion(ifMatch, false)));
  }

  @GetMapping("/{id}/stage-history")
  List<StageChangeView> stageHistory(@PathVariable long id) {
    return deals.stageHistory(id);
  }

  @GetMapping("/{id}/comments")
  List<CommentView> comments(@PathVariable long id) {
    return deals.comments(id);
  }

  @PostMapping("/{id}/comments")
  ResponseEntity<CommentView> comment(
      @PathVariable long id, @Valid @RequestBody NewComment comment) {
    return ResponseEntity.status(201).body(deals.addComment(id, comment.text()));
  }

  /** Deals per stage of a pipeline, with their worth in the base currency. */
  @GetMapping("/totals")
  List<StageTotal> totals(@RequestParam long pipelineId) {
    return deals.totals(pipelineId);
  }

  private static ResponseEntity<DealView> withETag(DealView deal) {
    return ResponseEntity.ok().eTag(ETags.of(deal.version())).body(deal);
  }

  /** The stage to move a deal to. */
  record StageMove(@NotNull Long stageId) {}

  /** A comment's text. */
  record NewComment(@NotBlank @Size(max = 10000) String text) {}
}

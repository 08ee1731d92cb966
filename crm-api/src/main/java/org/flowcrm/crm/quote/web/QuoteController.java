package org.flowcrm.crm.quote.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.flowcrm.crm.quote.QuoteCommand;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ETags;
import org.flowcrm.crm.shared.ListRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuoteController {

  private final QuoteService quotes;

  QuoteController(QuoteService quotes) {
    this.quotes = quotes;
  }

  @GetMapping("/api/v1/quotes")
  CursorPage<QuoteView> list(@ModelAttribute QuoteFilter filter, @ModelAttribute ListRequest page) {
    return quotes.list(filter, page);
  }

  @GetMapping("/api/v1/quotes/{id}")
  ResponseEntity<QuoteView> get(@PathVariable long id) {
    return withETag(quotes.get(id));
  }

  @PostMapping("/api/v1/quotes")
  ResponseEntity<QuoteView> create(@Valid @RequestBody QuoteCommand command) {
    return created(quotes.create(command));
  }

  /** Creates a draft quote from the deal, copying its rows. */
  @PostMapping("/api/v1/deals/{dealId}/quotes")
  ResponseEntity<QuoteView> createFromDeal(@PathVariable long dealId) {
    return created(quotes.createFromDeal(dealId));
  }

  @PutMapping("/api/v1/quotes/{id}")
  ResponseEntity<QuoteView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody QuoteCommand command) {
    return withETag(quotes.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @PutMapping("/api/v1/quotes/{id}/status")
  ResponseEntity<QuoteView> changeStatus(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody StatusChange change) {
    return withETag(
        quotes.changeStatus(id, change.status(), ETags.expectedVersion(ifMatch, false)));
  }

  private static ResponseEntity<QuoteView> created(QuoteView quote) {
    return ResponseEntity.created(URI.create("/api/v1/quotes/" + quote.id()))
        .eTag(ETags.of(quote.version()))
        .body(quote);
  }

  private static ResponseEntity<QuoteView> withETag(QuoteView quote) {
    return ResponseEntity.ok().eTag(ETags.of(quote.version())).body(quote);
  }

  /** The status to move a quote to. */
  record StatusChange(@NotNull QuoteStatus status) {}
}

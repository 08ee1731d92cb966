package org.flowcrm.crm.dealcard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.flowcrm.crm.dealcard.CardPart;
import org.flowcrm.crm.dealcard.DealCardService;
import org.flowcrm.crm.dealcard.DealCardView;
import org.flowcrm.crm.shared.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
class DealCardController {

  private final DealCardService cards;

  DealCardController(DealCardService cards) {
    this.cards = cards;
  }

  /** The deal with its contacts, company and latest activities in one request. */
  @Operation(
      summary = "Open a deal: the deal with its contacts, company and latest activities",
      description =
          "One request (one sign-in) instead of GET /deals/{id}, its contacts,"
              + " its company and GET /activities?itemType=DEAL&itemId={id}. The ETag is the"
              + " deal's, as for GET /deals/{id}. Contacts and a company the caller may not read"
              + " are left out; a part not named in include is null.")
  @GetMapping("/{id}/card")
  ResponseEntity<DealCardView> card(
      @PathVariable long id,
      @Parameter(
              description =
                  "Parts besides the deal, comma-separated: contacts, company, activities"
                      + " (default: all)",
              example = "contacts,company,activities")
          @RequestParam(required = false)
          String include,
      @Parameter(
              description = "How many of the latest activities, 1–200 (default 50)",
              example = "50")
          @RequestParam(required = false)
          Integer activityLimit) {
    DealCardView card = cards.card(id, CardPart.parse(include), activityLimit);
    return ResponseEntity.ok().eTag(ETags.of(card.deal().version())).body(card);
  }
}

package org.flowcrm.ui.document;

import java.util.Arrays;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quotes: {@code /quotes} (status filter, keyset "next page") and the card {@code /quotes/{id}}
 * with rows, totals, timeline and the status moves the quote allows. The service checks permissions
 * and refuses illegal moves in its own words.
 */
@Controller
class QuotePagesController {

  static final String LIST_VIEW = "document/quotes";
  static final String CARD_VIEW = "document/quote";

  private final QuoteService quotes;
  private final DocumentPages pages;

  QuotePagesController(QuoteService quotes, DocumentPages pages) {
    this.quotes = quotes;
    this.pages = pages;
  }

  static DocumentPages.Refs refs(QuoteView q) {
    return new DocumentPages.Refs(
        q.dealId(), q.companyId(), q.contactId(), q.responsibleId(), q.amount(), q.taxAmount());
  }

  @GetMapping("/quotes")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String after,
      Model model) {
    QuoteStatus chosen = DocumentPages.parse(QuoteStatus.class, status);
    QuoteFilter filter = new QuoteFilter(chosen, null, null, null);
    pages.list(
        model,
        "/quotes",
        "quotes",
        QuoteStatus.values(),
        chosen,
        after,
        page -> quotes.list(filter, page),
        QuotePagesController::refs);
    return LIST_VIEW;
  }

  @GetMapping("/quotes/{id}")
  String card(@PathVariable long id, Model model) {
    QuoteView quote = quotes.get(id);
    model.addAttribute("quote", quote);
    model.addAttribute(
        "moves", Arrays.stream(QuoteStatus.values()).filter(quote.status()::allows).toList());
    model.addAttribute("draft", quote.status() == QuoteStatus.DRAFT);
    pages.card(model, refs(quote), ItemType.QUOTE, id);
    return CARD_VIEW;
  }

  @PostMapping("/quotes/{id}/status")
  String changeStatus(
      @PathVariable long id,
      @RequestParam String status,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    QuoteStatus target = DocumentPages.parse(QuoteStatus.class, status);
    return DocumentPages.moveStatus(
        "/quotes",
        "quote",
        id,
        target,
        status,
        () -> quotes.changeStatus(id, target, version).number(),
        redirect);
  }
}

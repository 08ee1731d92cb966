package org.flowcrm.ui.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.layout.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Quotes: {@code /quotes} (status filter, keyset "next page") and the card {@code /quotes/{id}}
 * with rows, totals and the status moves the quote allows. The service checks permissions and
 * refuses illegal moves in its own words.
 */
@Controller
class QuotePagesController {

  static final String LIST_VIEW = "document/quotes";
  static final String CARD_VIEW = "document/quote";
  static final int PAGE_SIZE = 25;

  private final QuoteService quotes;
  private final UserService users;
  private final DocumentParties parties;

  QuotePagesController(QuoteService quotes, UserService users, DocumentParties parties) {
    this.quotes = quotes;
    this.users = users;
    this.parties = parties;
  }

  @GetMapping("/quotes")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String after,
      Model model) {
    QuoteStatus chosen = parse(status);
    QuoteFilter filter = new QuoteFilter(chosen, null, null, null);
    String cursor = after == null || after.isBlank() ? null : after;
    CursorPage<QuoteView> page;
    try {
      page = quotes.list(filter, new ListRequest("-id", PAGE_SIZE, cursor));
    } catch (BadParameterException stale) {
      page = quotes.list(filter, new ListRequest("-id", PAGE_SIZE, null));
    }
    List<QuoteView> items = page.items();
    model.addAttribute("quotes", items);
    model.addAttribute("statuses", QuoteStatus.values());
    model.addAttribute("status", chosen == null ? "" : chosen.name());
    model.addAttribute(
        "dealTitles", parties.dealTitles(items.stream().map(QuoteView::dealId).toList()));
    model.addAttribute(
        "companyNames", parties.companyNames(items.stream().map(QuoteView::companyId).toList()));
    model.addAttribute(
        "contactNames",
        parties.contactNames(
            items.stream().filter(q -> q.companyId() == null).map(QuoteView::contactId).toList()));
    UriComponentsBuilder base =
        UriComponentsBuilder.fromPath("/quotes")
            .queryParamIfPresent("status", Optional.ofNullable(chosen));
    model.addAttribute("firstHref", cursor == null ? "" : base.toUriString());
    model.addAttribute(
        "nextHref",
        page.nextCursor() == null
            ? ""
            : base.cloneBuilder()
                .queryParam("after", page.nextCursor())
                .build()
                .encode()
                .toUriString());
    return LIST_VIEW;
  }

  @GetMapping("/quotes/{id}")
  String card(@PathVariable long id, Model model) {
    QuoteView quote = quotes.get(id);
    model.addAttribute("quote", quote);
    model.addAttribute("net", quote.amount().subtract(quote.taxAmount()));
    model.addAttribute(
        "moves", Arrays.stream(QuoteStatus.values()).filter(quote.status()::allows).toList());
    model.addAttribute(
        "dealTitles",
        parties.dealTitles(quote.dealId() == null ? List.of() : List.of(quote.dealId())));
    model.addAttribute(
        "companyNames",
        parties.companyNames(quote.companyId() == null ? List.of() : List.of(quote.companyId())));
    model.addAttribute(
        "contactNames",
        parties.contactNames(quote.contactId() == null ? List.of() : List.of(quote.contactId())));
    model.addAttribute(
        "responsible",
        quote.responsibleId() == null
            ? ""
            : users
                .displayNames(List.of(quote.responsibleId()))
                .getOrDefault(quote.responsibleId(), ""));
    return CARD_VIEW;
  }

  @PostMapping("/quotes/{id}/status")
  String changeStatus(
      @PathVariable long id,
      @RequestParam String status,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    QuoteStatus target = parse(status);
    if (target == null) {
      Flash.error(redirect, "quote.status.unknown", status);
      return "redirect:/quotes/" + id;
    }
    try {
      QuoteView changed = quotes.changeStatus(id, target, version);
      Flash.success(redirect, "quote.status.changed", changed.number());
    } catch (ConflictException | PreconditionFailedException refused) {
      Flash.error(redirect, "quote.refused", refused.getMessage());
    }
    return "redirect:/quotes/" + id;
  }

  private static QuoteStatus parse(String status) {
    return Arrays.stream(QuoteStatus.values())
        .filter(s -> s.name().equals(status))
        .findFirst()
        .orElse(null);
  }
}

package org.flowcrm.ui.document;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.timeline.Timeline;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the quote and invoice pages share: a list page with its status filter and keyset paging, the
 * names on a list or a card (deal, payer, responsible), the card's totals and timeline, and the
 * status move with the service's refusal as a message. Each controller says how its document reads
 * ({@link Refs}) and which service call to make.
 */
@Component
class DocumentPages {

  static final int PAGE_SIZE = 25;

  private final DocumentParties parties;
  private final UserService users;
  private final Timeline timeline;

  DocumentPages(DocumentParties parties, UserService users, Timeline timeline) {
    this.parties = parties;
    this.users = users;
    this.timeline = timeline;
  }

  /** What the pages show of a quote or an invoice besides its own fields. */
  record Refs(
      Long dealId,
      Long companyId,
      Long contactId,
      Long responsibleId,
      BigDecimal amount,
      BigDecimal taxAmount) {}

  /** The status named {@code name} of {@code type}, or {@code null} (no filter, unknown move). */
  static <E extends Enum<E>> E parse(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants())
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElse(null);
  }

  /**
   * One list page, newest first, after {@code after}; from the start again when the cursor no
   * longer fits (an edited or outdated link). Puts the items under {@code itemsName}, the names
   * they show, the statuses to filter by and the first / next page links.
   */
  <V> List<V> list(
      Model model,
      String path,
      String itemsName,
      Enum<?>[] statuses,
      Enum<?> chosen,
      String after,
      Function<ListRequest, CursorPage<V>> query,
      Function<V, Refs> refs) {
    String cursor = after == null || after.isBlank() ? null : after.strip();
    CursorPage<V> page;
    try {
      page = query.apply(new ListRequest("-id", PAGE_SIZE, cursor));
    } catch (BadParameterException stale) {
      page = query.apply(new ListRequest("-id", PAGE_SIZE, null));
    }
    List<V> items = page.items();
    List<Refs> shown = items.stream().map(refs).toList();
    model.addAttribute(itemsName, items);
    model.addAttribute("statuses", statuses);
    model.addAttribute("status", chosen == null ? "" : chosen.name());
    model.addAttribute("dealTitles", parties.dealTitles(shown.stream().map(Refs::dealId).toList()));
    model.addAttribute(
        "companyNames", parties.companyNames(shown.stream().map(Refs::companyId).toList()));
    model.addAttribute(
        "contactNames",
        parties.contactNames(
            shown.stream().filter(r -> r.companyId() == null).map(Refs::contactId).toList()));
    UriComponentsBuilder base =
        UriComponentsBuilder.fromPath(path)
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
    return items;
  }

  /** A card's names, its net total, and its timeline (mails sent, activities, tasks). */
  void card(Model model, Refs refs, ItemType type, long id) {
    model.addAttribute("net", refs.amount().subtract(refs.taxAmount()));
    model.addAttribute("dealTitles", parties.dealTitles(listOf(refs.dealId())));
    model.addAttribute("companyNames", parties.companyNames(listOf(refs.companyId())));
    model.addAttribute("contactNames", parties.contactNames(listOf(refs.contactId())));
    model.addAttribute(
        "responsible",
        refs.responsibleId() == null
            ? ""
            : users
                .displayNames(List.of(refs.responsibleId()))
                .getOrDefault(refs.responsibleId(), ""));
    model.addAttribute("timeline", timeline.of(type, id));
  }

  /**
   * Moves a document to {@code target} through {@code move} (which returns its number), and says
   * so; an unknown status or the service's refusal (illegal move, stale version) becomes the
   * message instead. Returns the card to go back to.
   */
  static String moveStatus(
      String path,
      String prefix,
      long id,
      Enum<?> target,
      String asPosted,
      Supplier<String> move,
      RedirectAttributes redirect) {
    if (target == null) {
      Flash.error(redirect, prefix + ".status.unknown", asPosted);
    } else {
      try {
        Flash.success(redirect, prefix + ".status.changed", move.get());
      } catch (ConflictException | PreconditionFailedException refused) {
        Flash.error(redirect, prefix + ".refused", refused.getMessage());
      }
    }
    return "redirect:" + path + "/" + id;
  }

  private static List<Long> listOf(Long id) {
    return id == null ? List.of() : List.of(id);
  }
}

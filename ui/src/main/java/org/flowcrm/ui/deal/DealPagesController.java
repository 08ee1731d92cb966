package org.flowcrm.ui.deal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCard;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.deal.StageChangeView;
import org.flowcrm.crm.deal.StageTotal;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.listview.ListKind;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.ui.bulk.BulkBar;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.listview.ListViews;
import org.flowcrm.ui.record.RecordExtras;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deals: the kanban {@code /deals} (one pipeline, columns are its stages with count and sum), the
 * list {@code /deals/list}, the card {@code /deals/{id}} and the stage move. A move posts a form
 * (the card's stage select works without script); the board's drag and drop posts the same form
 * with {@code fetch} and {@code Accept: application/json}, and then gets the refusal as JSON to
 * show instead of a redirect.
 */
@Controller
class DealPagesController {

  static final String BOARD_VIEW = "deal/board";
  static final String LIST_VIEW = "deal/list";
  static final String CARD_VIEW = "deal/card";
  static final String BOARD_CARDS_VIEW = "deal/board-cards";

  /**
   * Cards per column and per "show more"; the column header still counts and sums them all. Kept
   * small because every card carries its own move form (the board without script).
   */
  static final int CARDS_PER_STAGE = 10;

  /** Contacts named on the card; a deal rarely has more, the edit page lists them all. */
  static final int CONTACTS_ON_CARD = 10;

  /** The BPMN model that drives deals (processes/deal-execution.bpmn). */
  static final String DEAL_PROCESS = "deal-execution";

  private final RecordExtras extras;
  private final DealService deals;
  private final PipelineService pipelines;
  private final ProductService products;
  private final QuoteService quotes;
  private final InvoiceService invoices;
  private final UserService users;
  private final MessageSource messages;
  private final BulkBar bulkBar;
  private final CompanyService companies;
  private final ContactService contacts;
  private final ListViews listViews;

  DealPagesController(
      DealService deals,
      PipelineService pipelines,
      ProductService products,
      QuoteService quotes,
      InvoiceService invoices,
      UserService users,
      MessageSource messages,
      BulkBar bulkBar,
      ListViews listViews,
      RecordExtras extras,
      CompanyService companies,
      ContactService contacts) {
    this.companies = companies;
    this.contacts = contacts;
    this.listViews = listViews;
    this.extras = extras;
    this.bulkBar = bulkBar;
    this.deals = deals;
    this.pipelines = pipelines;
    this.products = products;
    this.quotes = quotes;
    this.invoices = invoices;
    this.users = users;
    this.messages = messages;
  }

  @GetMapping("/deals")
  String board(@RequestParam(required = false) Long pipeline, Model model) {
    PipelineView shown = pipeline == null ? pipelines.defaultPipeline() : pipelines.get(pipeline);
    Map<Long, StageTotal> totals = new LinkedHashMap<>();
    for (StageTotal total : deals.totals(shown.id())) {
      totals.put(total.stageId(), total);
    }
    // every column's first cards in one statement; "show more" continues each with stageCards
    Map<Long, CursorPage<DealCard>> firstCards =
        deals.firstCards(
            shown.id(),
            shown.stages().stream().map(PipelineView.StageView::id).toList(),
            CARDS_PER_STAGE);
    List<Column> columns = new ArrayList<>();
    for (PipelineView.StageView stage : shown.stages()) {
      CursorPage<DealCard> cards = firstCards.get(stage.id());
      columns.add(new Column(stage, totals.get(stage.id()), cards.items(), cards.nextCursor()));
    }
    model.addAttribute("pipeline", shown);
    model.addAttribute("pipelines", pipelines.list());
    model.addAttribute("columns", columns);
    return BOARD_VIEW;
  }

  /**
   * The next cards of one column, as list items for the board's "show more" (the link itself leads
   * to the deal list filtered by the stage when there is no script).
   */
  @GetMapping("/deals/stages/{stageId}/cards")
  String moreCards(@PathVariable long stageId, @RequestParam String after, Model model) {
    for (PipelineView shown : pipelines.list()) {
      for (PipelineView.StageView stage : shown.stages()) {
        if (stage.id() == stageId) {
          CursorPage<DealCard> cards = stageCards(shown.id(), stageId, after);
          model.addAttribute("pipeline", shown);
          model.addAttribute("col", new Column(stage, null, cards.items(), cards.nextCursor()));
          return BOARD_CARDS_VIEW;
        }
      }
    }
    throw new NotFoundException("Stage", stageId);
  }

  private CursorPage<DealCard> stageCards(long pipelineId, long stageId, String after) {
    return deals.cards(
        new DealFilter(pipelineId, stageId, null, null, null, null, null, null, null, null, null),
        new ListRequest(
            "-amount", CARDS_PER_STAGE, after == null || after.isBlank() ? null : after));
  }

  /**
   * A kanban column: the stage, its totals over all its deals, the first cards, and the cursor of
   * the next ones ({@code null} when all are shown).
   */
  public record Column(
      PipelineView.StageView stage, StageTotal total, List<DealCard> cards, String next) {}

  @GetMapping("/deals/list")
  String list(
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> cols,
      Model model) {
    ListViews.State state = listViews.read(model, ListKind.DEALS, params, cols);
    Long stage = parseId(state.filter("stage"));
    Long responsible = parseId(state.filter("responsible"));
    DealFilter filter = DealFilter.ofList(stage, responsible, state.filter("q"), state.custom());
    model.addAttribute("deals", listViews.page(model, state, page -> deals.list(filter, page)));
    model.addAttribute("stage", stage == null ? "" : String.valueOf(stage));
    model.addAttribute("pipelines", pipelines.list());
    // the report rows' "deals of this manager" link; the name is shown so the filter is visible
    model.addAttribute("responsible", responsible == null ? "" : String.valueOf(responsible));
    model.addAttribute(
        "responsibleName",
        responsible == null
            ? ""
            : users.displayNames(Set.of(responsible)).getOrDefault(responsible, "#" + responsible));
    bulkBar.addTo(model, "deals");
    return LIST_VIEW;
  }

  private static Long parseId(String id) {
    try {
      return id == null ? null : Long.valueOf(id);
    } catch (NumberFormatException notAnId) {
      return null; // an edited URL: no filter
    }
  }

  @GetMapping("/deals/{id}")
  String card(@PathVariable long id, Model model) {
    DealView deal = deals.get(id);
    PipelineView pipeline = pipelines.get(deal.pipelineId());
    List<StageChangeView> history = deals.stageHistory(id);
    List<Long> people = new ArrayList<>();
    history.forEach(h -> people.add(h.changedBy()));
    deals.comments(id).forEach(c -> people.add(c.authorId()));
    people.add(deal.responsibleId());
    Map<String, String> names = new LinkedHashMap<>();
    users.displayNames(people).forEach((userId, name) -> names.put(String.valueOf(userId), name));
    model.addAttribute("deal", deal);
    model.addAttribute("pipeline", pipeline);
    model.addAttribute("history", newestFirst(history));
    model.addAttribute("comments", newestFirst(deals.comments(id)));
    model.addAttribute("names", names);
    // The process panel only when the deal records the process driving it and where it stands.
    model.addAttribute(
        "processHighlight",
        deal.process() != null && deal.process().elementId() != null
            ? deal.process().elementId()
            : null);
    model.addAttribute("dealProcess", DEAL_PROCESS);
    addLinked(model, deal);
    addDocuments(model, id);
    extras.addTo(model, CustomizableEntity.DEAL, id, deal.customFields());
    return CARD_VIEW;
  }

  /** Names of the deal's company and first contacts; those the user may not read are left out. */
  private void addLinked(Model model, DealView deal) {
    if (deal.companyId() != null) {
      try {
        String name = companies.names(List.of(deal.companyId())).get(deal.companyId());
        if (name != null) {
          model.addAttribute("companyName", name);
        }
      } catch (ForbiddenException mayNotRead) {
        // shown as its number
      }
    }
    Map<String, String> contactNames = new LinkedHashMap<>();
    for (Long contactId : deal.contactIds().stream().limit(CONTACTS_ON_CARD).toList()) {
      try {
        contactNames.put(String.valueOf(contactId), contacts.get(contactId).fullName());
      } catch (ForbiddenException | NotFoundException mayNotRead) {
        // not his to see
      }
    }
    model.addAttribute("contactNames", contactNames);
  }

  /** The deal's quotes and invoices, newest first; none shown where the role may not read them. */
  private void addDocuments(Model model, long dealId) {
    List<QuoteView> dealQuotes = List.of();
    List<InvoiceView> dealInvoices = List.of();
    try {
      dealQuotes =
          quotes
              .list(new QuoteFilter(null, dealId, null, null), new ListRequest("-id", 20, null))
              .items();
    } catch (ForbiddenException mayNotRead) {
      // the section shows the invoices only
    }
    try {
      dealInvoices =
          invoices
              .list(
                  new InvoiceFilter(null, dealId, null, null, null),
                  new ListRequest("-id", 20, null))
              .items();
    } catch (ForbiddenException mayNotRead) {
      // the section shows the quotes only
    }
    model.addAttribute("dealQuotes", dealQuotes);
    model.addAttribute("dealInvoices", dealInvoices);
  }

  private static <T> List<T> newestFirst(List<T> oldestFirst) {
    List<T> copy = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  @PostMapping("/deals/{id}/stage")
  Object move(
      @PathVariable long id,
      @RequestParam long stageId,
      @RequestParam(required = false) Long version,
      @RequestParam(required = false) String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    boolean script = acceptsJson(request);
    String refusal = null;
    HttpStatus status = HttpStatus.OK;
    try {
      DealView moved = deals.moveToStage(id, stageId, version);
      if (script) {
        return ResponseEntity.ok(Map.of("stageId", moved.stageId(), "version", moved.version()));
      }
      Flash.success(redirect, "deal.moved", moved.title(), moved.stageName());
    } catch (ConflictException refused) {
      refusal = refused.getMessage();
      status = HttpStatus.CONFLICT;
    } catch (InvalidFieldException refused) {
      refusal = String.join("; ", refused.problems().stream().map(p -> p.message()).toList());
      status = HttpStatus.UNPROCESSABLE_CONTENT;
    } catch (PreconditionFailedException stale) {
      refusal = messages.getMessage("record.stale", null, LocaleContextHolder.getLocale());
      status = HttpStatus.PRECONDITION_FAILED;
    }
    if (refusal != null) {
      String text =
          messages.getMessage(
              "deal.move.refused", new Object[] {refusal}, LocaleContextHolder.getLocale());
      if (script) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("message", text));
      }
      Flash.error(redirect, "deal.move.refused", refusal);
    }
    return "redirect:"
        + ("card".equals(back) ? "/deals/" + id : "/deals?pipeline=" + deals.get(id).pipelineId());
  }

  private static boolean acceptsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.startsWith(MediaType.APPLICATION_JSON_VALUE);
  }

  @PostMapping("/deals/{id}/rows")
  String saveRows(
      @PathVariable long id, @ModelAttribute RowsForm form, RedirectAttributes redirect) {
    DealView deal = deals.get(id);
    try {
      deals.update(
          id,
          new DealCommand(
              deal.title(),
              deal.pipelineId(),
              deal.stageId(),
              null,
              deal.currency(),
              deal.probability(),
              deal.expectedCloseDate(),
              deal.type(),
              deal.responsibleId(),
              deal.visibleToAll(),
              deal.companyId(),
              deal.contactIds(),
              form.toRows()),
          form.getVersion());
      Flash.success(redirect, "deal.rows.saved");
    } catch (jakarta.validation.ConstraintViolationException invalid) {
      Flash.error(
          redirect,
          "deal.rows.refused",
          String.join(
              "; ",
              invalid.getConstraintViolations().stream()
                  .map(v -> rowField(v.getPropertyPath().toString()) + " " + v.getMessage())
                  .toList()));
    } catch (ConflictException | InvalidFieldException | PreconditionFailedException refused) {
      Flash.error(redirect, "deal.rows.refused", refused.getMessage());
    }
    return "redirect:/deals/" + id + "#rows";
  }

  /** {@code update.command.rows[1].price} → {@code rows[1].price}: what the user can find. */
  private static String rowField(String path) {
    int rows = path.indexOf("rows[");
    return rows >= 0 ? path.substring(rows) : path;
  }

  /** Catalog products by the first letters of their name, for the rows editor. */
  @GetMapping(value = "/deals/products", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<Map<String, Object>> productSuggestions(@RequestParam(defaultValue = "") String q) {
    if (q.isBlank()) {
      return List.of();
    }
    return products.suggest(q.strip(), 10).stream()
        .map(
            p -> {
              Map<String, Object> item = new LinkedHashMap<>();
              item.put("id", p.id());
              item.put("name", p.name());
              item.put("price", p.price() == null ? "0" : p.price().toPlainString());
              item.put("currency", p.currency());
              item.put("tax", p.vatRate() == null ? "0" : p.vatRate().toPlainString());
              return item;
            })
        .toList();
  }

  @PostMapping("/deals/{id}/quotes")
  String createQuote(@PathVariable long id, RedirectAttributes redirect) {
    try {
      QuoteView quote = quotes.createFromDeal(id);
      Flash.success(redirect, "deal.quote.created", quote.number());
    } catch (ConflictException | InvalidFieldException refused) {
      Flash.error(redirect, "deal.document.refused", refused.getMessage());
    }
    return "redirect:/deals/" + id;
  }

  @PostMapping("/deals/{id}/invoices")
  String createInvoice(@PathVariable long id, RedirectAttributes redirect) {
    try {
      InvoiceView invoice = invoices.createFromDeal(id);
      Flash.success(redirect, "deal.invoice.created", invoice.number());
    } catch (ConflictException | InvalidFieldException refused) {
      Flash.error(redirect, "deal.document.refused", refused.getMessage());
    }
    return "redirect:/deals/" + id;
  }

  @PostMapping("/deals/{id}/comments")
  String comment(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String text,
      RedirectAttributes redirect) {
    if (text.isBlank()) {
      Flash.error(redirect, "lead.comment.empty");
    } else {
      deals.addComment(id, text.strip());
      Flash.success(redirect, "lead.comment.added");
    }
    return "redirect:/deals/" + id;
  }
}

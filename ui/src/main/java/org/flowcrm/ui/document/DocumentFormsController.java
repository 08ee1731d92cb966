package org.flowcrm.ui.document;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.invoice.PaymentMethod;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.Flash;
import org.flowcrm.ui.layout.ServiceErrors;
import org.flowcrm.ui.record.FormChoices;
import org.flowcrm.ui.record.ProductRowInput;
import org.flowcrm.ui.record.RowActions;
import org.flowcrm.ui.signin.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "New quote" / "New invoice" by hand ({@code /quotes/new}, {@code /invoices/new}) and the edit
 * page of a draft ({@code /quotes/{id}/edit}, {@code /invoices/{id}/edit}): title, payer (contact
 * and/or company), currency, responsible, dates, an invoice's payment method and bank details,
 * comments, and the product rows in the deal card's editor. One page and one save flow serve both
 * documents. The service checks everything in one transaction and recomputes the totals; its
 * refusals stand at their fields, a stale version and a document no longer a draft are refused as a
 * whole with nothing written. "Add a line" posts the form back with one more empty line and saves
 * nothing, so the page works without script.
 */
@Controller
class DocumentFormsController {

  static final String FORM_VIEW = "document/form";
  static final String FORM = "documentForm";

  private final QuoteService quotes;
  private final InvoiceService invoices;
  private final CurrencyService currencies;
  private final FormChoices choices;
  private final MessageSource messages;

  DocumentFormsController(
      QuoteService quotes,
      InvoiceService invoices,
      CurrencyService currencies,
      FormChoices choices,
      MessageSource messages) {
    this.quotes = quotes;
    this.invoices = invoices;
    this.currencies = currencies;
    this.choices = choices;
    this.messages = messages;
  }

  /** Which document a page is about: its paths, message prefix, and its number once saved. */
  enum Kind {
    QUOTE("quote", "/quotes"),
    INVOICE("invoice", "/invoices");

    final String prefix;
    final String path;

    Kind(String prefix, String path) {
      this.prefix = prefix;
      this.path = path;
    }
  }

  /** What the form shows of the document it edits. */
  public record Existing(long id, String number) {}

  /** What a save returns: where to go and what to name. */
  record Saved(long id, String number) {}

  // --- quotes

  @GetMapping("/quotes/new")
  String newQuote(Model model) {
    return form(
        model,
        Kind.QUOTE,
        DocumentForm.blank(
            SignedInUser.id(), currencies.baseCode(), QuoteService.DEFAULT_VALIDITY_DAYS),
        null);
  }

  @PostMapping("/quotes/new")
  String createQuote(
      @ModelAttribute(FORM) DocumentForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(
        Kind.QUOTE,
        null,
        form,
        errors,
        add,
        model,
        response,
        redirect,
        f -> saved(quotes.create(f.toQuoteCommand())));
  }

  @GetMapping("/quotes/{id}/edit")
  String editQuote(@PathVariable long id, Model model, RedirectAttributes redirect) {
    QuoteView quote = quotes.get(id);
    if (quote.status() != QuoteStatus.DRAFT) {
      return notDraft(Kind.QUOTE, id, quote.number(), redirect);
    }
    return form(model, Kind.QUOTE, DocumentForm.of(quote), new Existing(id, quote.number()));
  }

  @PostMapping("/quotes/{id}/edit")
  String updateQuote(
      @PathVariable long id,
      @ModelAttribute(FORM) DocumentForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    QuoteView quote = quotes.get(id);
    return save(
        Kind.QUOTE,
        new Existing(id, quote.number()),
        form,
        errors,
        add,
        model,
        response,
        redirect,
        f -> saved(quotes.update(id, f.toQuoteCommand(), f.getVersion())));
  }

  // --- invoices

  @GetMapping("/invoices/new")
  String newInvoice(Model model) {
    return form(
        model,
        Kind.INVOICE,
        DocumentForm.blank(
            SignedInUser.id(), currencies.baseCode(), InvoiceService.DEFAULT_PAYMENT_DAYS),
        null);
  }

  @PostMapping("/invoices/new")
  String createInvoice(
      @ModelAttribute(FORM) DocumentForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return save(
        Kind.INVOICE,
        null,
        form,
        errors,
        add,
        model,
        response,
        redirect,
        f -> saved(invoices.create(f.toInvoiceCommand())));
  }

  @GetMapping("/invoices/{id}/edit")
  String editInvoice(@PathVariable long id, Model model, RedirectAttributes redirect) {
    InvoiceView invoice = invoices.get(id);
    if (invoice.status() != InvoiceStatus.DRAFT) {
      return notDraft(Kind.INVOICE, id, invoice.number(), redirect);
    }
    return form(model, Kind.INVOICE, DocumentForm.of(invoice), new Existing(id, invoice.number()));
  }

  @PostMapping("/invoices/{id}/edit")
  String updateInvoice(
      @PathVariable long id,
      @ModelAttribute(FORM) DocumentForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    InvoiceView invoice = invoices.get(id);
    return save(
        Kind.INVOICE,
        new Existing(id, invoice.number()),
        form,
        errors,
        add,
        model,
        response,
        redirect,
        f -> saved(invoices.update(id, f.toInvoiceCommand(), f.getVersion())));
  }

  private static Saved saved(QuoteView quote) {
    return new Saved(quote.id(), quote.number());
  }

  private static Saved saved(InvoiceView invoice) {
    return new Saved(invoice.id(), invoice.number());
  }

  // --- one flow for both

  private String notDraft(Kind kind, long id, String number, RedirectAttributes redirect) {
    Flash.error(redirect, "document.form.notDraft", number);
    return "redirect:" + kind.path + "/" + id;
  }

  private String save(
      Kind kind,
      Existing existing,
      DocumentForm form,
      BindingResult errors,
      String add,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Function<DocumentForm, Saved> write) {
    if (RowActions.apply(
        add,
        null,
        Map.<String, List<?>>of("rows", form.getRows()),
        Map.<String, Supplier<?>>of("rows", ProductRowInput::blank))) {
      return form(model, kind, form, existing);
    }
    if (errors.hasErrors()) { // a date or number the browser let through unparsed
      response.setStatus(422);
      return form(model, kind, form, existing);
    }
    ProductRowInput.Lines lines = form.lines();
    Saved saved;
    try {
      saved = write.apply(form);
    } catch (PreconditionFailedException | OptimisticLockingFailureException stale) {
      errors.reject("stale", text("record.form.stale"));
      response.setStatus(409);
      return form(model, kind, form, existing);
    } catch (ConflictException refused) {
      errors.reject("refused", refused.getMessage());
      response.setStatus(409);
      return form(model, kind, form, existing);
    } catch (RuntimeException refused) {
      if (ServiceErrors.bind(refused, errors, lines::formField)) {
        response.setStatus(422);
        return form(model, kind, form, existing);
      }
      throw refused;
    }
    Flash.success(
        redirect,
        existing == null ? "document.form.created" : "document.form.saved",
        saved.number());
    return "redirect:" + kind.path + "/" + saved.id();
  }

  private String form(Model model, Kind kind, DocumentForm form, Existing existing) {
    form.ensureEmptyLine();
    model.addAttribute(FORM, form);
    model.addAttribute("kind", kind.prefix);
    model.addAttribute("existing", existing);
    model.addAttribute(
        "action",
        existing == null ? kind.path + "/new" : kind.path + "/" + existing.id() + "/edit");
    model.addAttribute(
        "cancelHref", existing == null ? kind.path : kind.path + "/" + existing.id());
    model.addAttribute("users", choices.users());
    model.addAttribute("companies", choices.companies(nonNull(form.getCompanyId())));
    model.addAttribute("contacts", choices.contacts(nonNull(form.getContactId())));
    Map<String, String> currencyChoices = new LinkedHashMap<>();
    currencies.list().forEach(c -> currencyChoices.put(c.code(), c.code()));
    if (form.getCurrency() != null) {
      currencyChoices.putIfAbsent(form.getCurrency(), form.getCurrency());
    }
    model.addAttribute("currencies", currencyChoices);
    Map<String, String> methods = new LinkedHashMap<>();
    for (PaymentMethod method : PaymentMethod.values()) {
      methods.put(method.name(), "invoice.payment." + method.name());
    }
    model.addAttribute("paymentMethods", methods);
    model.addAttribute("rowsSum", ProductRowInput.sum(form.getRows()));
    return FORM_VIEW;
  }

  private static List<Long> nonNull(Long id) {
    List<Long> ids = new ArrayList<>();
    if (id != null) {
      ids.add(id);
    }
    return ids;
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}

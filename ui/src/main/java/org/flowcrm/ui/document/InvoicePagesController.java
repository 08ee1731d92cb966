package org.flowcrm.ui.document;

import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoicePdf;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailDeliveryException;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.ui.layout.Flash;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Invoices: {@code /invoices} (status filter, overdue marked, keyset "next page") and the card
 * {@code /invoices/{id}} with rows and totals, the status moves the invoice allows, the PDF served
 * behind the page session, the customer's public link, "Send by e-mail" and the timeline that shows
 * the mail. The services check permissions; their refusals come back as a message in their words.
 */
@Controller
class InvoicePagesController {

  static final String LIST_VIEW = "document/invoices";
  static final String CARD_VIEW = "document/invoice";

  /** Moves a person makes; OVERDUE is the system's (the nightly check of due dates). */
  static final List<InvoiceStatus> MANUAL_MOVES =
      List.of(InvoiceStatus.SENT, InvoiceStatus.PAID, InvoiceStatus.CANCELLED);

  private final InvoiceService invoices;
  private final InvoicePdf pdf;
  private final MailService mail;
  private final DocumentPages pages;

  InvoicePagesController(
      InvoiceService invoices, InvoicePdf pdf, MailService mail, DocumentPages pages) {
    this.invoices = invoices;
    this.pdf = pdf;
    this.mail = mail;
    this.pages = pages;
  }

  static DocumentPages.Refs refs(InvoiceView i) {
    return new DocumentPages.Refs(
        i.dealId(), i.companyId(), i.contactId(), i.responsibleId(), i.amount(), i.taxAmount());
  }

  @GetMapping("/invoices")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String after,
      Model model) {
    InvoiceStatus chosen = DocumentPages.parse(InvoiceStatus.class, status);
    InvoiceFilter filter = new InvoiceFilter(chosen, null, null, null, null);
    List<InvoiceView> items =
        pages.list(
            model,
            "/invoices",
            "invoices",
            InvoiceStatus.values(),
            chosen,
            after,
            page -> invoices.list(filter, page),
            InvoicePagesController::refs);
    LocalDate today = LocalDate.now();
    model.addAttribute(
        "overdueIds",
        items.stream().filter(i -> overdue(i, today)).map(i -> String.valueOf(i.id())).toList());
    return LIST_VIEW;
  }

  @GetMapping("/invoices/{id}")
  String card(@PathVariable long id, Model model) {
    InvoiceView invoice = invoices.get(id);
    model.addAttribute("invoice", invoice);
    model.addAttribute("moves", MANUAL_MOVES.stream().filter(invoice.status()::allows).toList());
    model.addAttribute("overdue", overdue(invoice, LocalDate.now()));
    model.addAttribute("draft", invoice.status() == InvoiceStatus.DRAFT);
    pages.card(model, refs(invoice), ItemType.INVOICE, id);
    model.addAttribute(
        "publicLink",
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/v1/public/invoices/{token}/pdf")
            .buildAndExpand(invoice.publicToken())
            .encode()
            .toUriString());
    return CARD_VIEW;
  }

  /** The PDF as the service renders it, with the user's own rights (READ on the invoice). */
  @GetMapping("/invoices/{id}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    InvoiceView invoice = invoices.get(id);
    byte[] bytes = pdf.render(invoice);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(InvoicePdf.fileName(invoice)).build().toString())
        .body(bytes);
  }

  @PostMapping("/invoices/{id}/status")
  String changeStatus(
      @PathVariable long id,
      @RequestParam String status,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    InvoiceStatus target = DocumentPages.parse(InvoiceStatus.class, status);
    return DocumentPages.moveStatus(
        "/invoices",
        "invoice",
        id,
        target,
        status,
        () -> invoices.changeStatus(id, target, version).number(),
        redirect);
  }

  /**
   * Sends the invoice with its PDF; the key includes the version shown, so a double click sends
   * once while a later resend (after the draft became SENT) is a new mail.
   */
  @PostMapping("/invoices/{id}/mail")
  String send(
      @PathVariable long id,
      @RequestParam(required = false) String recipient,
      @RequestParam(required = false) Long version,
      RedirectAttributes redirect) {
    try {
      mail.sendInvoice(
          id,
          recipient == null || recipient.isBlank() ? null : recipient.strip(),
          LocaleContextHolder.getLocale().getLanguage(),
          "ui-invoice-" + id + "-v" + (version == null ? "0" : version));
      Flash.success(redirect, "invoice.mail.sent");
    } catch (InvalidFieldException
        | ConflictException
        | ConstraintViolationException
        | MailDeliveryException refused) {
      Flash.error(redirect, "invoice.refused", refused.getMessage());
    }
    return "redirect:/invoices/" + id;
  }

  /** Past its due date and not settled: the nightly check may not have run yet. */
  static boolean overdue(InvoiceView invoice, LocalDate today) {
    return invoice.status() == InvoiceStatus.OVERDUE
        || ((invoice.status() == InvoiceStatus.SENT || invoice.status() == InvoiceStatus.DRAFT)
            && invoice.dueDate() != null
            && invoice.dueDate().isBefore(today));
  }
}

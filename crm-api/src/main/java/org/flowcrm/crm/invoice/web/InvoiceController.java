package org.flowcrm.crm.invoice.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.flowcrm.crm.invoice.InvoiceCommand;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
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
class InvoiceController {

  private final InvoiceService invoices;

  InvoiceController(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @GetMapping("/api/v1/invoices")
  CursorPage<InvoiceView> list(
      @ModelAttribute InvoiceFilter filter, @ModelAttribute ListRequest page) {
    return invoices.list(filter, page);
  }

  @GetMapping("/api/v1/invoices/{id}")
  ResponseEntity<InvoiceView> get(@PathVariable long id) {
    return withETag(invoices.get(id));
  }

  @PostMapping("/api/v1/invoices")
  ResponseEntity<InvoiceView> create(@Valid @RequestBody InvoiceCommand command) {
    return created(invoices.create(command));
  }

  /** Creates a draft invoice from the deal, copying its rows. */
  @PostMapping("/api/v1/deals/{dealId}/invoices")
  ResponseEntity<InvoiceView> createFromDeal(@PathVariable long dealId) {
    return created(invoices.createFromDeal(dealId));
  }

  @PutMapping("/api/v1/invoices/{id}")
  ResponseEntity<InvoiceView> update(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody InvoiceCommand command) {
    return withETag(invoices.update(id, command, ETags.expectedVersion(ifMatch, true)));
  }

  @PutMapping("/api/v1/invoices/{id}/status")
  ResponseEntity<InvoiceView> changeStatus(
      @PathVariable long id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody StatusChange change) {
    return withETag(
        invoices.changeStatus(id, change.status(), ETags.expectedVersion(ifMatch, false)));
  }

  /** What the customer sees behind the invoice's public link. */
  @GetMapping("/api/v1/public/invoices/{token}")
  PublicInvoice publicView(@PathVariable String token) {
    return PublicInvoice.of(invoices.getByPublicToken(token));
  }

  private static ResponseEntity<InvoiceView> created(InvoiceView invoice) {
    return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id()))
        .eTag(ETags.of(invoice.version()))
        .body(invoice);
  }

  private static ResponseEntity<InvoiceView> withETag(InvoiceView invoice) {
    return ResponseEntity.ok().eTag(ETags.of(invoice.version())).body(invoice);
  }

  /** An invoice as its customer sees it: no internal notes, ids or token. */
  record PublicInvoice(
      String number,
      org.flowcrm.crm.invoice.InvoiceStatus status,
      String title,
      String currency,
      java.math.BigDecimal amount,
      java.math.BigDecimal taxAmount,
      java.time.LocalDate issueDate,
      java.time.LocalDate dueDate,
      org.flowcrm.crm.invoice.PaymentMethod paymentMethod,
      String paymentDetails,
      java.util.List<org.flowcrm.crm.shared.ProductRowView> rows) {

    static PublicInvoice of(InvoiceView i) {
      return new PublicInvoice(
          i.number(),
          i.status(),
          i.title(),
          i.currency(),
          i.amount(),
          i.taxAmount(),
          i.issueDate(),
          i.dueDate(),
          i.paymentMethod(),
          i.paymentDetails(),
          i.rows());
    }
  }

  /** The status to move an invoice to. */
  record StatusChange(@NotNull InvoiceStatus status) {}
}

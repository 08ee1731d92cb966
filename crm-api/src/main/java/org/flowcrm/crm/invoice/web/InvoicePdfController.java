package org.flowcrm.crm.invoice.web;

import org.flowcrm.crm.invoice.InvoicePdf;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The invoice as PDF, for the manager and behind the customer's public link. */
@RestController
class InvoicePdfController {

  private final InvoiceService invoices;
  private final InvoicePdf pdf;

  InvoicePdfController(InvoiceService invoices, InvoicePdf pdf) {
    this.invoices = invoices;
    this.pdf = pdf;
  }

  @GetMapping(path = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    InvoiceView invoice = invoices.get(id);
    return file(invoice, pdf.render(invoice));
  }

  @GetMapping(
      path = "/api/v1/public/invoices/{token}/pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> publicPdf(@PathVariable String token) {
    InvoiceView invoice = invoices.getByPublicToken(token);
    return file(invoice, pdf.render(invoice));
  }

  private static ResponseEntity<byte[]> file(InvoiceView invoice, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(InvoicePdf.fileName(invoice)).build().toString())
        .body(content);
  }
}

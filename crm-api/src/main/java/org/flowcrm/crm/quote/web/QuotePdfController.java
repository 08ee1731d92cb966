package org.flowcrm.crm.quote.web;

import org.flowcrm.crm.quote.QuotePdf;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/quotes/{id}/pdf}: the quote as a PDF document, shown inline. */
@RestController
class QuotePdfController {

  private final QuoteService quotes;
  private final QuotePdf pdf;

  QuotePdfController(QuoteService quotes, QuotePdf pdf) {
    this.quotes = quotes;
    this.pdf = pdf;
  }

  @GetMapping(path = "/api/v1/quotes/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    QuoteView quote = quotes.get(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(QuotePdf.fileName(quote)).build().toString())
        .body(pdf.render(quote));
  }
}

package org.flowcrm.crm.quote;

import org.flowcrm.crm.invoice.DocumentPdf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders a quote to PDF in the invoice's layout ({@link DocumentPdf}): number, issuer, the
 * customer it is for, rows and totals, validity. {@link #render(long)} needs READ on the quote; the
 * customer printed on it is part of the document and is read as the system user.
 */
@Service
@Transactional(readOnly = true)
public class QuotePdf {

  private final QuoteService quotes;
  private final DocumentPdf pdf;

  QuotePdf(QuoteService quotes, DocumentPdf pdf) {
    this.quotes = quotes;
    this.pdf = pdf;
  }

  /** The quote's PDF; needs READ on the quote. */
  public byte[] render(long quoteId) {
    return render(quotes.get(quoteId));
  }

  /** The file name the PDF is downloaded or attached as, e.g. {@code Q-000042.pdf}. */
  public static String fileName(QuoteView quote) {
    return quote.number() + ".pdf";
  }

  /** The PDF of a quote already read with the caller's rights. */
  public byte[] render(QuoteView quote) {
    return pdf.render(DocumentPdf.Kind.QUOTE, quote, quote.companyId(), quote.contactId());
  }
}

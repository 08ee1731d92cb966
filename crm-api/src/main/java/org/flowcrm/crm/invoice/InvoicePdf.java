package org.flowcrm.crm.invoice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders an invoice to PDF: number, issuer, payer, rows, totals and payment (bank) details, in the
 * layout {@link DocumentPdf} shares with quotes.
 *
 * <p>Who may have the PDF is decided by how the invoice was read: {@link #render(long)} needs READ
 * on it, {@link #renderPublic} the unguessable public token (no user at all, like the public
 * invoice view). The payer (company, contact) printed on it is part of the document, so it is read
 * as the system user: a manager's own invoice to a company someone else is responsible for must
 * still print, and the customer's link has no signed-in user to read it with.
 */
@Service
@Transactional(readOnly = true)
public class InvoicePdf {

  private final InvoiceService invoices;
  private final DocumentPdf pdf;

  InvoicePdf(InvoiceService invoices, DocumentPdf pdf) {
    this.invoices = invoices;
    this.pdf = pdf;
  }

  /** The invoice's PDF; needs READ on the invoice. */
  public byte[] render(long invoiceId) {
    return render(invoices.get(invoiceId));
  }

  /** The PDF behind the customer's public link. */
  public byte[] renderPublic(String token) {
    return render(invoices.getByPublicToken(token));
  }

  /** The file name the PDF is downloaded or attached as, e.g. {@code INV-000042.pdf}. */
  public static String fileName(InvoiceView invoice) {
    return invoice.number() + ".pdf";
  }

  /**
   * The PDF of an invoice already read (with the caller's rights or by its public token); its payer
   * is read as the system user.
   */
  public byte[] render(InvoiceView invoice) {
    return pdf.render(DocumentPdf.Kind.INVOICE, invoice, invoice.companyId(), invoice.contactId());
  }
}

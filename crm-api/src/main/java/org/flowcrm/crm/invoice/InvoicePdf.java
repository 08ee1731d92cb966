package org.flowcrm.crm.invoice;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import freemarker.core.ParseException;
import freemarker.template.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flowcrm.crm.company.CompanyAddress;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.SandboxedTemplates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders an invoice to PDF: number, issuer, payer, rows, totals and payment (bank) details, from
 * the HTML template {@code invoice-pdf.ftlh} (Freemarker, escaped) through openhtmltopdf. The
 * issuer's name, address and bank details come from {@code flowcrm.invoice.issuer-*} settings.
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

  private static final String TEMPLATE = "invoice-pdf.ftlh";

  private final InvoiceService invoices;
  private final ContactService contacts;
  private final CompanyService companies;
  private final SystemUser systemUser;
  private final JsonMapper json;
  private final Map<String, Object> issuer;
  private final Template template;

  InvoicePdf(
      InvoiceService invoices,
      ContactService contacts,
      CompanyService companies,
      SystemUser systemUser,
      JsonMapper json,
      @Value("${flowcrm.invoice.issuer-name:Flowcrm}") String issuerName,
      @Value("${flowcrm.invoice.issuer-address:}") String issuerAddress,
      @Value("${flowcrm.invoice.issuer-bank-details:}") String issuerBankDetails) {
    this.invoices = invoices;
    this.contacts = contacts;
    this.companies = companies;
    this.systemUser = systemUser;
    this.json = json;
    this.issuer =
        Map.of("name", issuerName, "address", issuerAddress, "bankDetails", issuerBankDetails);
    this.template = load();
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
    return toPdf(systemUser.runAs(() -> html(invoice)));
  }

  private String html(InvoiceView invoice) {
    Map<String, Object> model = new HashMap<>();
    model.put("invoice", SandboxedTemplates.model(json, invoice));
    model.put("issuer", issuer);
    String payerAddress = "";
    if (invoice.companyId() != null) {
      CompanyView company = companies.get(invoice.companyId());
      model.put("company", SandboxedTemplates.model(json, company));
      payerAddress =
          company.addresses().stream().findFirst().map(InvoicePdf::line).orElse(payerAddress);
    }
    if (invoice.contactId() != null) {
      ContactView contact = contacts.get(invoice.contactId());
      model.put("contact", SandboxedTemplates.model(json, contact));
      if (payerAddress.isEmpty() && contact.address() != null) {
        payerAddress = line(contact.address());
      }
    }
    model.put("payerAddress", payerAddress);
    return SandboxedTemplates.render(template, model, Locale.ENGLISH);
  }

  private static byte[] toPdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new IllegalStateException("Rendering the invoice PDF failed", e);
    }
    return out.toByteArray();
  }

  private static String line(CompanyAddress a) {
    return join(a.street(), a.postalCode(), a.city(), a.region(), a.country());
  }

  private static String line(Address a) {
    return join(a.street(), a.postalCode(), a.city(), a.region(), a.country());
  }

  private static String join(String... parts) {
    return Stream.of(parts)
        .filter(Objects::nonNull)
        .filter(p -> !p.isBlank())
        .collect(Collectors.joining(", "));
  }

  private static Template load() {
    try (InputStream in = InvoicePdf.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the classpath");
      }
      return SandboxedTemplates.parse(
          TEMPLATE, new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
    } catch (ParseException e) {
      throw new IllegalStateException(TEMPLATE + ": " + SandboxedTemplates.problem(e), e);
    } catch (IOException e) {
      throw new IllegalStateException("Reading " + TEMPLATE + " failed", e);
    }
  }
}

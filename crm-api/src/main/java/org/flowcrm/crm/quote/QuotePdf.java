package org.flowcrm.crm.quote;

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
 * Renders a quote to PDF in the invoice's layout: number, issuer, the customer it is for, rows and
 * totals, validity. The same sandboxed Freemarker template engine (every value escaped) and
 * openhtmltopdf as {@code InvoicePdf}; the issuer comes from the {@code flowcrm.invoice.issuer-*}
 * settings, so both documents name the seller alike. {@link #render(long)} needs READ on the quote;
 * the customer printed on it is part of the document and is read as the system user.
 */
@Service
@Transactional(readOnly = true)
public class QuotePdf {

  private static final String TEMPLATE = "quote-pdf.ftlh";

  private final QuoteService quotes;
  private final ContactService contacts;
  private final CompanyService companies;
  private final SystemUser systemUser;
  private final JsonMapper json;
  private final Map<String, Object> issuer;
  private final Template template;

  QuotePdf(
      QuoteService quotes,
      ContactService contacts,
      CompanyService companies,
      SystemUser systemUser,
      JsonMapper json,
      @Value("${flowcrm.invoice.issuer-name:Flowcrm}") String issuerName,
      @Value("${flowcrm.invoice.issuer-address:}") String issuerAddress,
      @Value("${flowcrm.invoice.issuer-bank-details:}") String issuerBankDetails) {
    this.quotes = quotes;
    this.contacts = contacts;
    this.companies = companies;
    this.systemUser = systemUser;
    this.json = json;
    this.issuer =
        Map.of("name", issuerName, "address", issuerAddress, "bankDetails", issuerBankDetails);
    this.template = load();
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
    return toPdf(systemUser.runAs(() -> html(quote)));
  }

  private String html(QuoteView quote) {
    Map<String, Object> model = new HashMap<>();
    model.put("quote", SandboxedTemplates.model(json, quote));
    model.put("issuer", issuer);
    String payerAddress = "";
    if (quote.companyId() != null) {
      CompanyView company = companies.get(quote.companyId());
      model.put("company", SandboxedTemplates.model(json, company));
      payerAddress =
          company.addresses().stream().findFirst().map(QuotePdf::line).orElse(payerAddress);
    }
    if (quote.contactId() != null) {
      ContactView contact = contacts.get(quote.contactId());
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
      throw new IllegalStateException("Rendering the quote PDF failed", e);
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
    try (InputStream in = QuotePdf.class.getResourceAsStream(TEMPLATE)) {
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

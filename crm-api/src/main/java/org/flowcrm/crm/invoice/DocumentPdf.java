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
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the quote and invoice PDFs share: one HTML template {@code document-pdf.ftlh} (sandboxed
 * Freemarker, every value escaped) with the issuer from the {@code flowcrm.invoice.issuer-*}
 * settings, the payer (company, contact and the first address found) and the document's rows and
 * totals, rendered through openhtmltopdf. The payer is part of the document and is read as the
 * system user: who may have the PDF was decided when the document itself was read.
 */
@Component
public class DocumentPdf {

  private static final String TEMPLATE = "document-pdf.ftlh";

  /** Which document is printed: its heading, its second date and its closing block differ. */
  public enum Kind {
    QUOTE,
    INVOICE
  }

  private final ContactService contacts;
  private final CompanyService companies;
  private final SystemUser systemUser;
  private final JsonMapper json;
  private final Map<String, Object> issuer;
  private final Template template;

  DocumentPdf(
      ContactService contacts,
      CompanyService companies,
      SystemUser systemUser,
      JsonMapper json,
      @Value("${flowcrm.invoice.issuer-name:Flowcrm}") String issuerName,
      @Value("${flowcrm.invoice.issuer-address:}") String issuerAddress,
      @Value("${flowcrm.invoice.issuer-bank-details:}") String issuerBankDetails) {
    this.contacts = contacts;
    this.companies = companies;
    this.systemUser = systemUser;
    this.json = json;
    this.issuer =
        Map.of("name", issuerName, "address", issuerAddress, "bankDetails", issuerBankDetails);
    this.template = load();
  }

  /** The PDF of {@code document} (a quote or invoice view) addressed to its payer. */
  public byte[] render(Kind kind, Object document, Long companyId, Long contactId) {
    return toPdf(kind, systemUser.runAs(() -> html(kind, document, companyId, contactId)));
  }

  private String html(Kind kind, Object document, Long companyId, Long contactId) {
    Map<String, Object> model = new HashMap<>();
    model.put("kind", kind.name().toLowerCase(Locale.ROOT));
    model.put("doc", SandboxedTemplates.model(json, document));
    model.put("issuer", issuer);
    String payerAddress = "";
    if (companyId != null) {
      CompanyView company = companies.get(companyId);
      model.put("company", SandboxedTemplates.model(json, company));
      payerAddress =
          company.addresses().stream().findFirst().map(DocumentPdf::line).orElse(payerAddress);
    }
    if (contactId != null) {
      ContactView contact = contacts.get(contactId);
      model.put("contact", SandboxedTemplates.model(json, contact));
      if (payerAddress.isEmpty() && contact.address() != null) {
        payerAddress = line(contact.address());
      }
    }
    model.put("payerAddress", payerAddress);
    return SandboxedTemplates.render(template, model, Locale.ENGLISH);
  }

  private static byte[] toPdf(Kind kind, String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Rendering the " + kind.name().toLowerCase(Locale.ROOT) + " PDF failed", e);
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
    try (InputStream in = DocumentPdf.class.getResourceAsStream(TEMPLATE)) {
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

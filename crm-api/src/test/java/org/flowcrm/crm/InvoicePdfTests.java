package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

class InvoicePdfTests extends ApiTest {

  private static final RequestPostProcessor ANONYMOUS =
      (MockHttpServletRequest request) -> {
        request.removeHeader("Authorization");
        return request;
      };

  @Test
  void theInvoicePdfShowsNumberPayerRowsTotalAndBankDetails() throws Exception {
    JsonNode invoice = invoice("Acme & Sons <GmbH>");
    byte[] pdf =
        mvc.perform(get("/api/v1/invoices/" + invoice.get("id").asLong() + "/pdf"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString(
                            invoice.get("number").asString() + ".pdf")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    String text = text(pdf);
    assertThat(text)
        .contains("Invoice " + invoice.get("number").asString())
        .contains("Acme & Sons <GmbH>")
        .contains("Ada Payer")
        .contains("Setup")
        .contains("Training")
        .contains("338.00 EUR")
        .contains("38.00 EUR")
        .contains("IBAN DE89370400440532013000");
  }

  @Test
  void theCustomerDownloadsThePdfBehindThePublicLinkWithoutSigningIn() throws Exception {
    JsonNode invoice = invoice("Public Payer " + unique());
    String token = invoice.get("publicToken").asString();
    byte[] pdf =
        mvc.perform(get("/api/v1/public/invoices/" + token + "/pdf").with(ANONYMOUS))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(text(pdf)).contains(invoice.get("number").asString()).contains("338.00");

    mvc.perform(get("/api/v1/public/invoices/not-a-token/pdf").with(ANONYMOUS))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/invoices/987654321/pdf")).andExpect(status().isNotFound());
  }

  @Test
  void aManagerPrintsHisOwnInvoiceEvenWhenThePayerIsAColleaguesAndNobodyElsePrintsIt()
      throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    String payer = "Foreign Payer " + unique();
    // his invoice, to a company and contact that are the administrator's
    JsonNode invoice = invoice(payer, manager.id());
    long id = invoice.get("id").asLong();
    mvc.perform(get("/api/v1/companies/" + invoice.get("companyId").asLong()).with(as(manager)))
        .andExpect(status().isNotFound());

    byte[] pdf =
        mvc.perform(get("/api/v1/invoices/" + id + "/pdf").with(as(manager)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(text(pdf)).contains(payer).contains("Ada Payer");
    mvc.perform(get("/api/v1/invoices/" + id + "/pdf").with(as(other)))
        .andExpect(status().isNotFound());
  }

  /** An invoice of 338.00 EUR (200 + 19 % tax, 2 × 50) to a company and its contact. */
  JsonNode invoice(String companyName) throws Exception {
    return invoice(companyName, null);
  }

  JsonNode invoice(String companyName, Long responsibleId) throws Exception {
    long company = create("/api/v1/companies", Map.of("name", companyName)).get("id").asLong();
    long contact =
        create("/api/v1/contacts", Map.of("firstName", "Ada", "lastName", "Payer"))
            .get("id")
            .asLong();
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("title", "Installation " + unique());
    body.put("responsibleId", responsibleId);
    body.put("companyId", company);
    body.put("contactId", contact);
    body.put("currency", "EUR");
    body.put("paymentMethod", "BANK_TRANSFER");
    body.put("paymentDetails", "IBAN DE89370400440532013000, BIC COBADEFFXXX");
    body.put(
        "rows",
        List.of(
            Map.of("name", "Setup", "quantity", 1, "price", 200, "taxPercent", 19),
            Map.of("name", "Training", "quantity", 2, "price", 50)));
    return create("/api/v1/invoices", body);
  }

  static String text(byte[] pdf) throws Exception {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}

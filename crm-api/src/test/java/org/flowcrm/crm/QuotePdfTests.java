package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quote PDF: the invoice's layout and library, text extracted with PDFBox. */
class QuotePdfTests extends ApiTest {

  @Test
  void theQuotePdfShowsNumberCustomerRowsTotalsAndTheTitleLiterally() throws Exception {
    String title = "<script>alert('x')</script> & Roof " + unique();
    long company = create("/api/v1/companies", Map.of("name", "Roofs & Co")).get("id").asLong();
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("companyId", company);
    body.put("currency", "EUR");
    body.put("validUntil", "2027-01-31");
    body.put(
        "rows",
        List.of(
            Map.of("name", "Tiles", "quantity", 3, "price", 40, "taxPercent", 19),
            Map.of("name", "Labour <hours>", "quantity", 2, "price", 50)));
    JsonNode quote = create("/api/v1/quotes", body);
    String number = quote.get("number").asString();

    byte[] pdf =
        mvc.perform(get("/api/v1/quotes/" + quote.get("id").asLong() + "/pdf"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString(number + ".pdf")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    // 3 × 40 = 120 + 19 % = 142.80; 2 × 50 = 100; total 242.80, tax 22.80
    assertThat(InvoicePdfTests.text(pdf))
        .contains("Quote " + number)
        .contains(title)
        .contains("Roofs & Co")
        .contains("Tiles")
        .contains("Labour <hours>")
        .contains("220.00 EUR")
        .contains("22.80 EUR")
        .contains("242.80 EUR")
        .contains("2027-01-31");
    mvc.perform(get("/api/v1/quotes/987654321/pdf")).andExpect(status().isNotFound());
  }

  @Test
  void onlyWhoMayReadTheQuoteGetsItsPdf() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Own quote " + unique());
    body.put("responsibleId", manager.id());
    body.put("rows", List.of(Map.of("name", "Work", "quantity", 1, "price", 10)));
    long id = create("/api/v1/quotes", body).get("id").asLong();
    mvc.perform(get("/api/v1/quotes/" + id + "/pdf").with(as(manager))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/quotes/" + id + "/pdf").with(as(other)))
        .andExpect(status().isNotFound());
  }
}

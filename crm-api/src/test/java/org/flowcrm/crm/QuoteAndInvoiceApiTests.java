package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.invoice.InvoicePaid;
import org.flowcrm.crm.invoice.InvoiceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class QuoteAndInvoiceApiTests extends ApiTest {

  @Autowired RecordedEvents events;
  @Autowired InvoiceService invoiceService;

  @Test
  void anInvoiceFromADealCopiesItsRowsAndPayer() throws Exception {
    JsonNode deal = dealWithRows();
    long dealId = deal.get("id").asLong();
    JsonNode first = create("/api/v1/deals/" + dealId + "/invoices", "");
    JsonNode second = create("/api/v1/deals/" + dealId + "/invoices", "");

    assertThat(first.get("number").asString()).matches("INV-\\d{6}");
    assertThat(number(second)).isEqualTo(number(first) + 1);
    assertThat(first.get("status").asString()).isEqualTo("DRAFT");
    assertThat(first.get("dealId").asLong()).isEqualTo(dealId);
    assertThat(first.get("companyId").asLong()).isEqualTo(deal.get("companyId").asLong());
    assertThat(first.get("contactId").asLong()).isEqualTo(deal.get("contactIds").get(0).asLong());
    assertThat(first.get("rows").size()).isEqualTo(2);
    assertThat(first.get("rows").get(0).get("name").asString()).isEqualTo("Setup");
    assertThat(first.get("amount").decimalValue())
        .isEqualByComparingTo(deal.get("amount").decimalValue());
    assertThat(first.get("taxAmount").decimalValue()).isEqualByComparingTo("38.00");
    assertThat(first.get("dueDate").asString()).isEqualTo(LocalDate.now().plusDays(14).toString());
  }

  @Test
  void payingAnInvoiceIsFinalAndAnnounced() throws Exception {
    long dealId = dealWithRows().get("id").asLong();
    JsonNode invoice = create("/api/v1/deals/" + dealId + "/invoices", "");
    long id = invoice.get("id").asLong();
    String url = "/api/v1/invoices/" + id;

    send(put(url + "/status"), Map.of("status", "SENT")).andExpect(status().isOk());
    send(put(url).header("If-Match", "*"), Map.of("title", "Changed"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("only a draft can be edited")));
    send(put(url + "/status"), Map.of("status", "PAID"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paidAt").isNotEmpty());
    send(put(url + "/status"), Map.of("status", "CANCELLED"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("is PAID and cannot become CANCELLED")));
    assertThat(events.of(InvoicePaid.class))
        .anyMatch(e -> e.invoiceId() == id && e.dealId() == dealId);
  }

  @Test
  void theCustomerSeesTheInvoiceBehindItsPublicLink() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Hand made");
    body.put("comments", "internal: customer is slow to pay");
    body.put("rows", List.of(Map.of("name", "Work", "quantity", 1, "price", 100)));
    JsonNode invoice = create("/api/v1/invoices", body);
    String token = invoice.get("publicToken").asString();
    assertThat(token).hasSizeGreaterThanOrEqualTo(32);
    mvc.perform(get("/api/v1/public/invoices/" + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.number").value(invoice.get("number").asString()))
        .andExpect(jsonPath("$.rows[0].name").value("Work"))
        .andExpect(jsonPath("$.comments").doesNotExist())
        .andExpect(jsonPath("$.publicToken").doesNotExist());
    mvc.perform(get("/api/v1/public/invoices/guess" + token.substring(5)))
        .andExpect(status().isNotFound());
  }

  @Test
  void sentInvoicesPastTheirDueDateBecomeOverdue() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Late");
    body.put("dueDate", LocalDate.now().minusDays(1).toString());
    body.put("rows", List.of(Map.of("name", "Work", "quantity", 1, "price", 100)));
    long id = create("/api/v1/invoices", body).get("id").asLong();
    send(put("/api/v1/invoices/" + id + "/status"), Map.of("status", "SENT"))
        .andExpect(status().isOk());
    assertThat(invoiceService.markOverdue(LocalDate.now())).isPositive();
    mvc.perform(get("/api/v1/invoices/" + id)).andExpect(jsonPath("$.status").value("OVERDUE"));
  }

  @Test
  void aQuoteFromADealFollowsItsLifeCycle() throws Exception {
    long dealId = dealWithRows().get("id").asLong();
    JsonNode quote = create("/api/v1/deals/" + dealId + "/quotes", "");
    assertThat(quote.get("number").asString()).matches("Q-\\d{6}");
    assertThat(quote.get("rows").size()).isEqualTo(2);
    String url = "/api/v1/quotes/" + quote.get("id").asLong() + "/status";
    send(put(url), Map.of("status", "ACCEPTED")).andExpect(status().isConflict());
    send(put(url), Map.of("status", "SENT")).andExpect(status().isOk());
    send(put(url), Map.of("status", "ACCEPTED"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    send(put(url), Map.of("status", "MAYBE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    assertThat(getJson("/api/v1/quotes?dealId=" + dealId).get("items").size()).isEqualTo(1);
  }

  @Test
  void documentsForUnknownDealsOrPayersAreRefused() throws Exception {
    mvc.perform(post("/api/v1/deals/987654321/invoices")).andExpect(status().isNotFound());
    send(post("/api/v1/quotes"), Map.of("title", "Nobody", "companyId", 987654321))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("companyId"));
  }

  JsonNode dealWithRows() throws Exception {
    long company =
        create("/api/v1/companies", Map.of("name", "Payer " + unique())).get("id").asLong();
    long contact =
        create("/api/v1/contacts", Map.of("firstName", "Pay", "lastName", "Er")).get("id").asLong();
    return create(
        "/api/v1/deals",
        Map.of(
            "title",
            "Installation " + unique(),
            "companyId",
            company,
            "contactIds",
            List.of(contact),
            "rows",
            List.of(
                Map.of("name", "Setup", "quantity", 1, "price", 200, "taxPercent", 19),
                Map.of("name", "Training", "quantity", 2, "price", 50))));
  }

  static int number(JsonNode document) {
    String number = document.get("number").asString();
    return Integer.parseInt(number.substring(number.indexOf('-') + 1));
  }
}

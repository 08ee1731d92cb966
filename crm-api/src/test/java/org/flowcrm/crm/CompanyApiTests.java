package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CompanyApiTests extends ApiTest {

  @Test
  void aCompanyKeepsBankDetailsAddressesAndFigures() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Acme " + unique());
    body.put("industry", "Manufacturing");
    body.put("employees", 250);
    body.put("revenue", "12500000.00");
    body.put("revenueCurrency", "EUR");
    body.put(
        "bankDetails",
        Map.of("bankName", "Sparkasse", "iban", "DE89370400440532013000", "bic", "COBADEFFXXX"));
    body.put(
        "addresses",
        List.of(
            Map.of("type", "LEGAL", "street", "Hauptstr. 1", "city", "Berlin", "country", "DE"),
            Map.of("type", "DELIVERY", "city", "Hamburg", "country", "DE")));
    JsonNode company = create("/api/v1/companies", body);
    JsonNode read = getJson("/api/v1/companies/" + company.get("id").asLong());
    assertThat(read.get("bankDetails").get("iban").asString()).isEqualTo("DE89370400440532013000");
    assertThat(read.get("addresses").size()).isEqualTo(2);
    assertThat(read.get("addresses").get(1).get("city").asString()).isEqualTo("Hamburg");
    assertThat(read.get("employees").asInt()).isEqualTo(250);
    assertThat(read.get("revenue").decimalValue()).isEqualByComparingTo("12500000");
  }

  @Test
  void badBankDetailsAndAddressTypesAreNamed() throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Bad bank");
    body.put("bankDetails", Map.of("iban", "12 34"));
    body.put("employees", -1);
    send(post("/api/v1/companies"), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'bankDetails.iban')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'employees')]").exists());
    send(
            post("/api/v1/companies"),
            Map.of("name", "Bad address", "addresses", List.of(Map.of("type", "HOLIDAY"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("addresses[0].type"));
  }

  @Test
  void numbersOutOfRangeAndHugeTextsAreNamed() throws Exception {
    send(post("/api/v1/companies"), Map.of("name", "Huge", "employees", 3_000_000_000L))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("employees"));
    send(post("/api/v1/companies"), Map.of("name", "Chatty", "notes", "\uD83D\uDE00".repeat(20001)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("notes"));
  }

  @Test
  void aCompanyWithDealsCannotBeDeleted() throws Exception {
    long company =
        create("/api/v1/companies", Map.of("name", "Busy " + unique())).get("id").asLong();
    create("/api/v1/deals", Map.of("title", "For busy", "companyId", company));
    mvc.perform(delete("/api/v1/companies/" + company)).andExpect(status().isConflict());
  }

  @Test
  void aDealForAnUnknownCompanyIsRefused() throws Exception {
    send(post("/api/v1/deals"), Map.of("title", "Ghost", "companyId", 987654321))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("companyId"));
  }

  @Test
  void companiesAreFoundByNameAndListedByName() throws Exception {
    String tag = unique();
    create("/api/v1/companies", Map.of("name", "Zebra Logistics " + tag));
    JsonNode page =
        read(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/v1/companies")
                        .param("q", "logist " + tag)
                        .param("sort", "name"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page.get("items").size()).isEqualTo(1);
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CurrencyApiTests extends ApiTest {

  @Test
  void anotherBaseReexpressesEveryRate() throws Exception {
    String code = DealApiTests.currencyCode();
    create("/api/v1/currencies", Map.of("code", code, "name", "Half euro", "rate", "0.5"));
    try {
      mvc.perform(post("/api/v1/currencies/" + code + "/base"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.base").value(true));
      assertThat(getJson("/api/v1/currencies/EUR").get("rate").decimalValue())
          .isEqualByComparingTo("2");
    } finally {
      mvc.perform(post("/api/v1/currencies/EUR/base")).andExpect(status().isOk());
    }
    assertThat(getJson("/api/v1/currencies/" + code).get("rate").decimalValue())
        .isEqualByComparingTo("0.5");
    JsonNode history = getJson("/api/v1/currencies/" + code + "/rates");
    // created at 0.5 against EUR, re-expressed when EUR became the base again
    assertThat(history.size()).isEqualTo(2);
  }

  @Test
  void rateChangesAreKeptAndNeedTheETag() throws Exception {
    String code = DealApiTests.currencyCode();
    create("/api/v1/currencies", Map.of("code", code, "name", "Test", "rate", "1.1"));
    Map<String, Object> change = Map.of("code", code, "name", "Test", "rate", "1.2");
    send(put("/api/v1/currencies/" + code), change).andExpect(status().isPreconditionRequired());
    send(put("/api/v1/currencies/" + code).header("If-Match", "\"0\""), change)
        .andExpect(status().isOk());
    assertThat(getJson("/api/v1/currencies/" + code + "/rates").get(0).get("rate").decimalValue())
        .isEqualByComparingTo("1.2");
    send(
            put("/api/v1/currencies/EUR").header("If-Match", "*"),
            Map.of("code", "EUR", "name", "Euro", "rate", 3))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("rate"));
  }

  @Test
  void badCodesAreNamed() throws Exception {
    send(post("/api/v1/currencies"), Map.of("code", "euro", "name", "x", "rate", 1))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("code"));
    mvc.perform(get("/api/v1/currencies/XXX")).andExpect(status().isNotFound());
  }
}

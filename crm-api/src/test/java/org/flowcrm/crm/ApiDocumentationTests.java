package org.flowcrm.crm;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class ApiDocumentationTests extends ApiTest {

  @Test
  void theOpenApiDocumentDescribesTheApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/v1/leads/{id}/conversion")))
        .andExpect(content().string(containsString("/api/v1/deals/{id}/stage")));
  }

  @Test
  void theSwaggerUiIsServed() throws Exception {
    mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
  }

  @Test
  void unknownRecordsAreProblemDetails() throws Exception {
    mvc.perform(get("/api/v1/deals/987654321"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")));
  }
}

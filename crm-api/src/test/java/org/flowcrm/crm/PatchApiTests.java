package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** JSON Merge Patch (RFC 7396) on leads, contacts, companies and deals. */
class PatchApiTests extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  private ResultActions patchJson(String url, String ifMatch, String body) throws Exception {
    var request = patch(url).contentType(MERGE_PATCH).content(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return mvc.perform(request);
  }

  @Test
  void onlyTheMembersSentChangeAndNullClears() throws Exception {
    String u = unique();
    JsonNode contact =
        create(
            "/api/v1/contacts",
            Map.of(
                "firstName",
                "Ida",
                "lastName",
                "Lund " + u,
                "position",
                "Buyer",
                "emails",
                List.of(Map.of("type", "WORK", "value", "ida." + u + "@example.com")),
                "address",
                Map.of("street", "Main St 1", "city", "Oslo")));
    String url = "/api/v1/contacts/" + contact.get("id").asLong();

    patchJson(
            url,
            "\"0\"",
            "{\"position\": null, \"notes\": \"Prefers calls\", \"address\": {\"city\": \"Bergen\"}}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.position").doesNotExist())
        .andExpect(jsonPath("$.notes").value("Prefers calls"))
        .andExpect(jsonPath("$.lastName").value("Lund " + u))
        .andExpect(jsonPath("$.emails[0].value").value("ida." + u + "@example.com"))
        .andExpect(jsonPath("$.address.street").value("Main St 1"))
        .andExpect(jsonPath("$.address.city").value("Bergen"));
    JsonNode read = getJson(url);
    assertThat(read.get("position").isNull()).isTrue();
    assertThat(read.get("version").asLong()).isEqualTo(1);
    assertThat(getJson(url + "/history").toString())
        .contains("\"field\":\"position\"")
        .doesNotContain("\"field\":\"lastName\"");
  }

  @Test
  void staleOrMissingIfMatchIsRefusedAndNothingChanges() throws Exception {
    String url =
        "/api/v1/companies/"
            + create("/api/v1/companies", Map.of("name", "Stale " + unique(), "industry", "Retail"))
                .get("id")
                .asLong();
    patchJson(url, null, "{\"industry\": null}").andExpect(status().isPreconditionRequired());
    patchJson(url, "\"0\"", "{\"industry\": null}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.industry").doesNotExist());
    patchJson(url, "\"0\"", "{\"industry\": \"Food\"}").andExpect(status().isPreconditionFailed());
    assertThat(getJson(url).get("industry").isNull()).isTrue();
    // A plain JSON body is not a merge patch.
    mvc.perform(
            patch(url)
                .header("If-Match", "\"1\"")
                .contentType("application/json")
                .content("{\"industry\": \"Food\"}"))
        .andExpect(status().isUnsupportedMediaType());
  }

  @Test
  void invalidValuesNameTheFieldAndNothingIsWritten() throws Exception {
    String url =
        "/api/v1/contacts/"
            + create("/api/v1/contacts", Map.of("firstName", "Valid " + unique()))
                .get("id")
                .asLong();
    patchJson(url, "\"0\"", "{\"firstName\": null, \"notes\": \"lost\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("firstName"));
    patchJson(url, "\"0\"", "{\"birthday\": \"soon\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("birthday"));
    patchJson(url, "\"0\"", "{\"emails\": [{\"type\": \"WORK\", \"value\": \"not-an-email\"}]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("emails[0].value"));
    patchJson(url, "\"0\"", "[1, 2]")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    JsonNode read = getJson(url);
    assertThat(read.get("version").asLong()).isZero();
    assertThat(read.get("notes").isNull()).isTrue();
  }

  @Test
  void leadsKeepTheirStatusAndCustomFieldsUnlessPatched() throws Exception {
    String code = "segment" + unique();
    create(
        "/api/v1/custom-fields",
        Map.of("entity", "LEAD", "code", code, "label", "Segment", "type", "STRING"));
    JsonNode lead =
        create(
            "/api/v1/leads",
            Map.of(
                "title",
                "Patch me",
                "source",
                "PHONE",
                "status",
                "IN_PROCESSING",
                "customFields",
                Map.of(code, "Retail")));
    String url = "/api/v1/leads/" + lead.get("id").asLong();
    long version = lead.get("version").asLong();
    JsonNode patched =
        read(
            patchJson(url, "\"" + version + "\"", "{\"title\": \"Patched\"}")
                .andExpect(status().isOk())
                .andReturn());
    assertThat(patched.get("status").asString()).isEqualTo("IN_PROCESSING");
    assertThat(patched.get("customFields").get(code).asString()).isEqualTo("Retail");
    assertThat(patched.get("source").asString()).isEqualTo("PHONE");
    patchJson(
            url,
            "\"" + patched.get("version").asLong() + "\"",
            "{\"customFields\": {\"" + code + "\": null}, \"status\": \"NEW\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customFields." + code).doesNotExist())
        .andExpect(jsonPath("$.status").value("NEW"))
        .andExpect(jsonPath("$.title").value("Patched"));
  }

  @Test
  void dealsKeepTheirRowsAndStage() throws Exception {
    JsonNode deal =
        create(
            "/api/v1/deals",
            Map.of(
                "title",
                "Vans " + unique(),
                "rows",
                List.of(Map.of("name", "Van", "quantity", 2, "price", 30000))));
    String url = "/api/v1/deals/" + deal.get("id").asLong();
    patchJson(url, "\"0\"", "{\"probability\": 70, \"expectedCloseDate\": \"2027-03-31\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.probability").value(70))
        .andExpect(jsonPath("$.expectedCloseDate").value("2027-03-31"))
        .andExpect(jsonPath("$.rows[0].name").value("Van"))
        .andExpect(jsonPath("$.amount").value(60000))
        .andExpect(jsonPath("$.stageId").value(deal.get("stageId").asLong()));
    patchJson(url, "\"1\"", "{\"probability\": 170}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("probability"));
  }

  @Test
  void dealDeliveryWishesArePatchedMemberByMemberClearedWithNullAndValidated() throws Exception {
    JsonNode deal =
        create(
            "/api/v1/deals",
            Map.of(
                "title",
                "Sofa " + unique(),
                "delivery",
                Map.of("address", "ul. Lipowa 3, Kraków", "timeWindow", "9-12", "note", " ")));
    assertThat(deal.get("delivery").get("address").asString()).isEqualTo("ul. Lipowa 3, Kraków");
    assertThat(deal.get("delivery").get("note").isNull()).as("blank note").isTrue();
    String url = "/api/v1/deals/" + deal.get("id").asLong();

    patchJson(url, "\"0\"", "{\"delivery\": {\"date\": \"2027-01-15\", \"note\": \"3rd floor\"}}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.delivery.address").value("ul. Lipowa 3, Kraków"))
        .andExpect(jsonPath("$.delivery.timeWindow").value("9-12"))
        .andExpect(jsonPath("$.delivery.date").value("2027-01-15"))
        .andExpect(jsonPath("$.delivery.note").value("3rd floor"));
    // a patch that leaves the wishes out keeps them
    patchJson(url, "\"1\"", "{\"probability\": 40}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.delivery.note").value("3rd floor"));
    patchJson(url, "\"2\"", "{\"delivery\": {\"timeWindow\": \"" + "x".repeat(51) + "\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("delivery.timeWindow"));
    assertThat(getJson(url + "/history").toString()).contains("\"field\":\"deliveryNote\"");

    patchJson(url, "\"2\"", "{\"delivery\": null}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.delivery.address").doesNotExist())
        .andExpect(jsonPath("$.delivery.note").doesNotExist());
    assertThat(getJson(url).get("delivery").get("address").isNull()).isTrue();
  }

  @Test
  void theApiDocumentDescribesPatch() throws Exception {
    JsonNode docs = getJson("/v3/api-docs");
    for (String path :
        List.of(
            "/api/v1/leads/{id}",
            "/api/v1/contacts/{id}",
            "/api/v1/companies/{id}",
            "/api/v1/deals/{id}")) {
      JsonNode operation = docs.get("paths").get(path).get("patch");
      assertThat(operation).as(path).isNotNull();
      assertThat(operation.get("requestBody").get("content").has(MERGE_PATCH)).as(path).isTrue();
    }
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
  }
}

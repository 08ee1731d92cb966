package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code ?fields=} on the lists: only the named properties come back, unknown names are a 400. */
class SelectedFieldsApiTests extends ApiTest {

  @Test
  void aListAnswersOnlyTheSelectedProperties() throws Exception {
    String lastName = "Selected" + unique();
    create(
        "/api/v1/contacts", Map.of("firstName", "Anna", "lastName", lastName, "position", "Buyer"));
    create("/api/v1/contacts", Map.of("firstName", "Jan", "lastName", lastName));

    JsonNode page = getJson("/api/v1/contacts?q=" + lastName + "&fields=id, lastName");

    assertThat(page.get("items")).hasSize(2);
    for (JsonNode item : page.get("items")) {
      assertThat(names(item)).containsExactly("id", "lastName");
      assertThat(item.get("lastName").asString()).isEqualTo(lastName);
    }
    JsonNode full = getJson("/api/v1/contacts?q=" + lastName);
    assertThat(names(full.get("items").get(0))).contains("firstName", "position", "emails");
  }

  @Test
  void theCursorStillLeadsToTheNextPage() throws Exception {
    String title = "Paged" + unique();
    for (int i = 0; i < 3; i++) {
      create("/api/v1/leads", Map.of("title", title + " " + i, "source", "PHONE"));
    }
    JsonNode first = getJson("/api/v1/leads?q=" + title + "&limit=2&fields=title");
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("nextCursor").isNull()).isFalse();

    JsonNode second =
        getJson(
            "/api/v1/leads?q="
                + title
                + "&limit=2&fields=title&after="
                + first.get("nextCursor").asString());
    assertThat(second.get("items")).hasSize(1);
    assertThat(names(second.get("items").get(0))).containsExactly("title");
  }

  @Test
  void anUnknownNameIsRefusedNamingItAndTheKnownOnes() throws Exception {
    JsonNode problem =
        read(
            mvc.perform(get("/api/v1/deals?fields=title,amout,colour"))
                .andExpect(status().isBadRequest())
                .andReturn());

    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("fields");
    assertThat(problem.get("detail").asString())
        .contains("unknown fields amout, colour")
        .contains("amount");
  }

  @Test
  void theApiDocumentDescribesTheParameterOnLists() throws Exception {
    JsonNode document = getJson("/v3/api-docs");
    JsonNode parameters = document.at("/paths/~1api~1v1~1deals/get/parameters");
    List<String> names = new ArrayList<>();
    parameters.forEach(p -> names.add(p.get("name").asString()));
    assertThat(names).contains("fields");
    JsonNode single = document.at("/paths/~1api~1v1~1deals~1{id}/get/parameters");
    single.forEach(p -> assertThat(p.get("name").asString()).isNotEqualTo("fields"));
  }

  private static List<String> names(JsonNode item) {
    List<String> names = new ArrayList<>();
    item.propertyNames().forEach(names::add);
    return names;
  }
}

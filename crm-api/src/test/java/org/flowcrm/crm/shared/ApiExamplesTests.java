package org.flowcrm.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every operation of the OpenAPI document comes with examples a client can actually send. */
class ApiExamplesTests extends ApiTest {

  @Autowired ApiExamples examples;

  @Test
  void everyOperationHasARequestAndResponseExample() throws Exception {
    JsonNode paths = getJson("/v3/api-docs").get("paths");
    List<String> missing = new ArrayList<>();
    int documented = 0;
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String name = operation.getKey().toUpperCase() + " " + path.getKey();
        JsonNode body = operation.getValue().at("/requestBody/content");
        missing.addAll(withoutExample(name + " request", body));
        for (Map.Entry<String, JsonNode> response :
            operation.getValue().path("responses").properties()) {
          if (response.getKey().startsWith("2")) {
            missing.addAll(
                withoutExample(
                    name + " " + response.getKey(), response.getValue().path("content")));
          }
        }
        documented++;
      }
    }
    assertThat(documented).isGreaterThan(150);
    assertThat(missing).isEmpty();
  }

  @Test
  void everyPropertyHasARealisticValue() throws Exception {
    getJson("/v3/api-docs");
    assertThat(examples.placeholders())
        .as("properties without a value in ApiExampleValues")
        .isEmpty();
  }

  @Test
  void theCreateExamplesAreAcceptedByTheApi() throws Exception {
    JsonNode paths = getJson("/v3/api-docs").get("paths");
    for (String resource : List.of("contacts", "companies", "leads", "products")) {
      JsonNode example =
          paths.at(
              "/~1api~1v1~1" + resource + "/post/requestBody/content/application~1json/example");
      assertThat(example.isObject()).as(resource).isTrue();
      ObjectNode body = (ObjectNode) example.deepCopy();
      withoutReferences(body);
      var response =
          mvc.perform(
                  post("/api/v1/" + resource)
                      .contentType("application/json")
                      .content(body.toString()))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus())
          .as(resource + " " + body + " -> " + response.getContentAsString())
          .isEqualTo(201);
    }
  }

  /** Ids in an example point at records of the documentation's world, not of this database. */
  private static void withoutReferences(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<String> names = object.propertyNames().iterator();
      List<String> references = new ArrayList<>();
      while (names.hasNext()) {
        String name = names.next();
        if (name.endsWith("Id") || name.endsWith("Ids") || name.equals("id")) {
          references.add(name);
        }
      }
      object.remove(references);
    }
    node.forEach(ApiExamplesTests::withoutReferences);
  }

  private static List<String> withoutExample(String name, JsonNode content) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      boolean json = media.getKey().contains("json");
      boolean hasExample =
          media.getValue().has("example") || media.getValue().path("examples").size() > 0;
      if (json && media.getValue().has("schema") && !hasExample) {
        missing.add(name + " " + media.getKey());
      }
    }
    return missing;
  }
}

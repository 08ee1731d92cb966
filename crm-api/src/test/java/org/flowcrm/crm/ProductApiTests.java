package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProductApiTests extends ApiTest {

  @Test
  void sectionsNestAndListsIncludeSubsections() throws Exception {
    long root = section("Hardware " + unique(), null);
    long laptops = section("Laptops", root);
    long gaming = section("Gaming", laptops);
    long id =
        create("/api/v1/products", product("Predator " + unique(), gaming)).get("id").asLong();

    assertThat(ids(getJson("/api/v1/products?sectionId=" + root))).containsExactly(id);
    assertThat(ids(getJson("/api/v1/products?sectionId=" + root + "&includeSubsections=false")))
        .isEmpty();

    JsonNode tree = getJson("/api/v1/product-sections");
    JsonNode rootNode = null;
    for (JsonNode node : tree) {
      if (node.get("id").asLong() == root) {
        rootNode = node;
      }
    }
    assertThat(rootNode).isNotNull();
    assertThat(rootNode.get("children").get(0).get("children").get(0).get("name").asString())
        .isEqualTo("Gaming");
  }

  @Test
  void pagingByTimeAndPriceWorksToo() throws Exception {
    long section = section("Timed " + unique(), null);
    for (int i = 0; i < 3; i++) {
      create("/api/v1/products", product("Item " + i, section));
    }
    for (String sort : List.of("createdAt", "-createdAt", "price", "-name")) {
      List<Long> seen = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page =
            read(
                mvc.perform(
                        get("/api/v1/products")
                            .param("sectionId", String.valueOf(section))
                            .param("sort", sort)
                            .param("limit", "1")
                            .param("after", cursor))
                    .andExpect(status().isOk())
                    .andReturn());
        seen.addAll(ids(page));
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      } while (cursor != null);
      assertThat(seen).as(sort).hasSize(3).doesNotHaveDuplicates();
    }
  }

  @Test
  void aSectionCannotMoveBelowItself() throws Exception {
    long root = section("Loop " + unique(), null);
    long child = section("Child", root);
    send(
            put("/api/v1/product-sections/" + root).header("If-Match", "*"),
            Map.of("name", "Loop", "parentId", child))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("parentId"));
  }

  @Test
  void quickSearchFindsActiveProductsByTheFirstLetters() throws Exception {
    String prefix = "Qx" + unique();
    create("/api/v1/products", product(prefix + " Beta", null));
    create("/api/v1/products", product(prefix + " alpha", null));
    Map<String, Object> inactive = product(prefix + " Gamma", null);
    inactive.put("active", false);
    create("/api/v1/products", inactive);
    create("/api/v1/products", product("Other " + prefix, null));

    JsonNode found =
        read(
            mvc.perform(get("/api/v1/products/suggestions").param("q", prefix.toLowerCase()))
                .andExpect(status().isOk())
                .andReturn());
    List<String> names = new ArrayList<>();
    found.forEach(p -> names.add(p.get("name").asString()));
    assertThat(names).containsExactly(prefix + " alpha", prefix + " Beta");

    JsonNode wildcard =
        read(
            mvc.perform(get("/api/v1/products").param("q", "%"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(wildcard.get("items").size()).isZero();
  }

  @Test
  void productInputIsValidated() throws Exception {
    Map<String, Object> body = product("Bad", null);
    body.put("vatRate", 150);
    body.put("price", -1);
    send(post("/api/v1/products"), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'vatRate')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'price')]").exists());
    send(post("/api/v1/products"), product("No section", 987654321L))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("sectionId"));
  }

  @Test
  void dealRowsMayPointIntoTheCatalog() throws Exception {
    long product =
        create("/api/v1/products", product("Consulting day " + unique(), null)).get("id").asLong();
    JsonNode deal =
        create(
            "/api/v1/deals",
            Map.of(
                "title",
                "Consulting",
                "rows",
                List.of(
                    Map.of(
                        "productId",
                        product,
                        "name",
                        "Consulting day",
                        "quantity",
                        2,
                        "price",
                        800))));
    assertThat(deal.get("rows").get(0).get("productId").asLong()).isEqualTo(product);
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("1600");
    send(
            post("/api/v1/deals"),
            Map.of(
                "title",
                "Ghost product",
                "rows",
                List.of(Map.of("productId", 987654321, "name", "?", "quantity", 1, "price", 1))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("rows[0].productId"));
  }

  long section(String name, Long parent) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("parentId", parent);
    return create("/api/v1/product-sections", body).get("id").asLong();
  }

  static Map<String, Object> product(String name, Long section) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("price", "99.90");
    body.put("unit", "pcs");
    body.put("vatRate", 19);
    body.put("sectionId", section);
    return body;
  }

  static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }
}

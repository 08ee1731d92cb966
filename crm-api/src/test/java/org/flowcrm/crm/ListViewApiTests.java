package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Saved list views: a user's own views stay his (others do not even see them), only administrators
 * share, everybody sees shared ones, and names of columns, filters and sorts are checked.
 */
class ListViewApiTests extends ApiTest {

  private static Map<String, Object> view(String name, boolean shared) {
    return Map.of(
        "list",
        "LEADS",
        "name",
        name,
        "filters",
        Map.of("q", "nordwind", "status", "NEW"),
        "sort",
        "title",
        "columns",
        List.of("status", "title", "email"),
        "shared",
        shared);
  }

  private JsonNode save(TestUser user, Object body, int expected) throws Exception {
    return read(
        mvc.perform(
                post("/api/v1/list-views")
                    .with(as(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(body)))
            .andExpect(status().is(expected))
            .andReturn());
  }

  private List<String> names(TestUser user) throws Exception {
    JsonNode views =
        read(
            mvc.perform(get("/api/v1/list-views?list=LEADS").with(as(user)))
                .andExpect(status().isOk())
                .andReturn());
    List<String> names = new ArrayList<>();
    views.forEach(v -> names.add(v.get("name").asString()));
    return names;
  }

  @Test
  void aUsersViewIsHisAndASharedOneIsEverybodys() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    String mine = "Hot leads " + unique();
    JsonNode created = save(manager, view(mine, false), 201);
    assertThat(created.get("filters").get("q").asString()).isEqualTo("nordwind");
    assertThat(created.get("columns").toString()).isEqualTo("[\"status\",\"title\",\"email\"]");
    assertThat(created.get("ownerId").asLong()).isEqualTo(manager.id());
    long id = created.get("id").asLong();

    assertThat(names(manager)).contains(mine);
    assertThat(names(other)).doesNotContain(mine);
    mvc.perform(get("/api/v1/list-views/" + id).with(as(other))).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/list-views/" + id).with(as(other)))
        .andExpect(status().isNotFound());

    // a manager may not share; the administrator may, and then everybody sees it but only
    // administrators change it
    save(manager, view("Shared by manager " + unique(), true), 403);
    String shared = "Everybody " + unique();
    long sharedId = create("/api/v1/list-views", view(shared, true)).get("id").asLong();
    assertThat(names(manager)).contains(shared);
    assertThat(names(other)).contains(shared);
    mvc.perform(delete("/api/v1/list-views/" + sharedId).with(as(manager)))
        .andExpect(status().isForbidden());

    // the owner renames his view (If-Match), then deletes it
    mvc.perform(
            put("/api/v1/list-views/" + id)
                .with(as(manager))
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(view(mine + " renamed", false))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value(mine + " renamed"))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(
            put("/api/v1/list-views/" + id)
                .with(as(manager))
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(view(mine, false))))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(delete("/api/v1/list-views/" + id).with(as(manager)))
        .andExpect(status().isNoContent());
    assertThat(names(manager)).doesNotContain(mine, mine + " renamed");
  }

  @Test
  void unknownColumnsFiltersSortsAndDuplicateNamesAreRefusedByName() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    String name = "Checked " + unique();
    mvc.perform(
            post("/api/v1/list-views")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    toJson(
                        Map.of(
                            "list", "LEADS", "name", name, "columns", List.of("title", "salary")))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("columns[1]"));
    mvc.perform(
            post("/api/v1/list-views")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    toJson(
                        Map.of(
                            "list",
                            "DEALS",
                            "name",
                            name,
                            "filters",
                            Map.of("status", "NEW"),
                            "columns",
                            List.of("title")))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("filters.status"));
    mvc.perform(
            post("/api/v1/list-views")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    toJson(
                        Map.of(
                            "list",
                            "LEADS",
                            "name",
                            name,
                            "sort",
                            "salary",
                            "columns",
                            List.of("title")))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(
            post("/api/v1/list-views")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(Map.of("list", "LEADS", "name", " ", "columns", List.of()))))
        .andExpect(status().isBadRequest());
    assertThat(names(manager)).doesNotContain(name);

    save(manager, view(name, false), 201);
    save(manager, view(name, false), 409);
  }
}

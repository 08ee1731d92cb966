package org.flowcrm.crm;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserApiTests extends ApiTest {

  @Test
  void createsAndReadsAUserWithAnETag() throws Exception {
    JsonNode user =
        create("/api/v1/users", Map.of("login", "anna" + unique(), "displayName", "Anna Berg"));
    mvc.perform(get("/api/v1/users/" + user.get("id").asLong()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.displayName").value("Anna Berg"))
        .andExpect(jsonPath("$.active").value(true));
  }

  @Test
  void blankAndTooLongFieldsAreNamedInTheProblem() throws Exception {
    send(post("/api/v1/users"), Map.of("login", "x".repeat(101), "displayName", " "))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'login')].message")
                .value("size must be between 0 and 100"));
  }

  @Test
  void malformedJsonAndWrongTypesAreBadRequests() throws Exception {
    send(post("/api/v1/users"), "{\"login\": ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Malformed request body"));
    send(post("/api/v1/users"), "{\"login\":\"a\",\"displayName\":\"A\",\"active\":{\"x\":1}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("active"));
    mvc.perform(get("/api/v1/users/abc"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void unknownUserIs404() throws Exception {
    mvc.perform(get("/api/v1/users/987654321"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("User 987654321 does not exist"));
  }

  @Test
  void duplicateLoginIsAConflict() throws Exception {
    String login = "dup" + unique();
    create("/api/v1/users", Map.of("login", login, "displayName", "One"));
    send(post("/api/v1/users"), Map.of("login", login, "displayName", "Two"))
        .andExpect(status().isConflict());
  }

  @Test
  void updatesNeedTheCurrentETag() throws Exception {
    String login = "eve" + unique();
    long id =
        create("/api/v1/users", Map.of("login", login, "displayName", "Eve")).get("id").asLong();
    Map<String, Object> change = Map.of("login", login, "displayName", "Eve Adams");
    send(put("/api/v1/users/" + id), change).andExpect(status().isPreconditionRequired());
    send(put("/api/v1/users/" + id).header("If-Match", "\"0\""), change)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    send(put("/api/v1/users/" + id).header("If-Match", "\"0\""), change)
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.detail", containsString("changed by someone else")));
  }
}

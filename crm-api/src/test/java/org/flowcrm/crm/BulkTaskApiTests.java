package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/tasks/for-records}: one task per record the caller may change, linked to it;
 * the others are counted as refused and get none; bad input creates nothing.
 */
class BulkTaskApiTests extends ApiTest {

  private long deal(String title, long responsibleId, boolean visibleToAll) throws Exception {
    return create(
            "/api/v1/deals",
            Map.of("title", title, "responsibleId", responsibleId, "visibleToAll", visibleToAll))
        .get("id")
        .asLong();
  }

  private int tasksOf(String type, long id) throws Exception {
    return getJson("/api/v1/tasks?itemType=" + type + "&itemId=" + id).get("items").size();
  }

  @Test
  void aManagerGetsTasksForWhatHeMayChangeAndTheRestIsCountedAsSkipped() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser colleague = signInUser(null, "MANAGER");
    long mine = deal("Task mine " + unique(), manager.id(), false);
    long shared = deal("Task shared " + unique(), colleague.id(), true); // readable, not his
    long hidden = deal("Task hidden " + unique(), colleague.id(), false); // not even readable

    JsonNode result =
        read(
            mvc.perform(
                    post("/api/v1/tasks/for-records")
                        .with(as(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            toJson(
                                Map.of(
                                    "itemType",
                                    "DEAL",
                                    "ids",
                                    List.of(mine, shared, hidden, mine),
                                    "task",
                                    Map.of(
                                        "title",
                                        "Call the customer",
                                        "responsibleId",
                                        manager.id())))))
                .andExpect(status().isOk())
                .andReturn());

    assertThat(result.get("selected").asInt()).isEqualTo(3);
    assertThat(result.get("done").asInt()).isEqualTo(1);
    assertThat(result.get("refused").asInt()).isEqualTo(2);
    assertThat(result.get("refusals").findValuesAsString("reason")).containsOnly("FORBIDDEN");
    assertThat(tasksOf("DEAL", mine)).isEqualTo(1);
    assertThat(tasksOf("DEAL", shared)).isZero();
    assertThat(tasksOf("DEAL", hidden)).isZero();
  }

  @Test
  void aMissingTitleIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    long mine = deal("Task untitled " + unique(), manager.id(), false);
    mvc.perform(
            post("/api/v1/tasks/for-records")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    toJson(
                        Map.of(
                            "itemType",
                            "DEAL",
                            "ids",
                            List.of(mine),
                            "task",
                            Map.of("responsibleId", manager.id())))))
        .andExpect(status().isBadRequest())
        .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("task.title"));
    assertThat(tasksOf("DEAL", mine)).isZero();
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Activities and CRM tasks follow the records they are linked to: two managers of one department (A
 * and B), their head, and a manager of another department. Lists are checked page by page, so pages
 * and cursors contain only what the caller may read.
 */
class ActivityTaskPermissionTests extends ApiTest {

  TestUser managerA;
  TestUser managerB;
  TestUser head;
  TestUser outsider;

  @BeforeEach
  void organisation() throws Exception {
    long sales = createDepartment("Sales", null);
    long east = createDepartment("East", sales);
    long support = createDepartment("Support", null);
    managerA = signInUser(east, "MANAGER");
    managerB = signInUser(east, "MANAGER");
    head = signInUser(sales, "HEAD_OF_DEPARTMENT");
    outsider = signInUser(support, "MANAGER");
  }

  @Test
  void aManagerCannotListReadOrChangeAColleaguesCallOnTheColleaguesDeal() throws Exception {
    long dealOfB = deal(managerB, false);
    long callOfB =
        created(as(managerB), "/api/v1/activities", call("Call B", managerB, "DEAL", dealOfB));
    long dealOfA = deal(managerA, false);
    long callOfA =
        created(as(managerA), "/api/v1/activities", call("Call A", managerA, "DEAL", dealOfA));

    for (MockHttpServletRequestBuilder request :
        List.of(
            get("/api/v1/activities/" + callOfB),
            json(put("/api/v1/activities/" + callOfB), call("Changed", managerB, "DEAL", dealOfB)),
            post("/api/v1/activities/" + callOfB + "/completion"),
            delete("/api/v1/activities/" + callOfB).header("If-Match", "*"),
            get("/api/v1/activities?itemType=DEAL&itemId=" + dealOfB))) {
      mvc.perform(request.with(as(managerA))).andExpect(status().isNotFound());
    }
    // adding his own note to the colleague's deal: the deal is as unknown to him as when read
    mvc.perform(
            json(post("/api/v1/activities"), call("Mine on B's", managerA, "DEAL", dealOfB))
                .with(as(managerA)))
        .andExpect(status().isUnprocessableEntity());

    assertThat(allIds(managerA, "/api/v1/activities?responsibleId=" + managerB.id())).isEmpty();
    assertThat(allIds(managerA, "/api/v1/activities/mine?userId=" + managerB.id())).isEmpty();
    assertThat(allIds(managerA, "/api/v1/activities")).contains(callOfA).doesNotContain(callOfB);
    // the head of the department sees and changes both; the other department's manager neither
    assertThat(allIds(head, "/api/v1/activities")).contains(callOfA, callOfB);
    assertThat(allIds(head, "/api/v1/activities/mine?userId=" + managerB.id()))
        .containsExactly(callOfB);
    mvc.perform(
            json(
                    put("/api/v1/activities/" + callOfB),
                    call("Head's change", managerB, "DEAL", dealOfB))
                .with(as(head)))
        .andExpect(status().isOk());
    assertThat(allIds(outsider, "/api/v1/activities")).doesNotContain(callOfA, callOfB);
    // B sees his own on the timeline of his deal
    assertThat(allIds(managerB, "/api/v1/activities?itemType=DEAL&itemId=" + dealOfB))
        .containsExactly(callOfB);
  }

  @Test
  void onAColleaguesDealVisibleToAllTheCallIsReadableButNotChangeable() throws Exception {
    long visibleDeal = deal(managerB, true);
    long callOfB =
        created(
            as(managerB),
            "/api/v1/activities",
            call("Visible call", managerB, "DEAL", visibleDeal));
    mvc.perform(get("/api/v1/activities/" + callOfB).with(as(managerA))).andExpect(status().isOk());
    var refused =
        mvc.perform(
                json(
                        put("/api/v1/activities/" + callOfB),
                        call("No", managerB, "DEAL", visibleDeal))
                    .with(as(managerA)))
            .andExpect(status().isForbidden())
            .andReturn();
    assertThat(read(refused).get("detail").asString()).contains("DEAL " + visibleDeal);
    mvc.perform(post("/api/v1/activities/" + callOfB + "/completion").with(as(managerA)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(post("/api/v1/activities"), call("Mine", managerA, "DEAL", visibleDeal))
                .with(as(managerA)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(
                    post("/api/v1/tasks/bulk"),
                    Map.of(
                        "task", task("Bulk", managerA, null, null),
                        "items", List.of(Map.of("type", "DEAL", "id", visibleDeal))))
                .with(as(managerA)))
        .andExpect(status().isForbidden());
    assertThat(allIds(managerA, "/api/v1/activities")).contains(callOfB);
  }

  @Test
  void theResponsibleMayReadAndCompleteButNotRewriteAnEntryOnSomeoneElsesRecord() throws Exception {
    long dealOfB = deal(managerB, false);
    // the administrator gives A a task on B's deal
    Map<String, Object> body = task("Check B's offer", managerA, "DEAL", dealOfB);
    long taskForA = create("/api/v1/tasks", body).get("id").asLong();
    mvc.perform(get("/api/v1/tasks/" + taskForA).with(as(managerA))).andExpect(status().isOk());
    assertThat(allIds(managerA, "/api/v1/tasks")).contains(taskForA);
    body.put("title", "Rewritten");
    mvc.perform(json(put("/api/v1/tasks/" + taskForA), body).with(as(managerA)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(put("/api/v1/tasks/" + taskForA + "/status"), Map.of("status", "DONE"))
                .with(as(managerA)))
        .andExpect(status().isOk());
    // the deal's own manager changes it
    mvc.perform(json(put("/api/v1/tasks/" + taskForA), body).with(as(managerB)))
        .andExpect(status().isOk());
  }

  @Test
  void aLooseTaskOfBIsVisibleToHisHeadNotToHisColleague() throws Exception {
    long looseOfB = created(as(managerB), "/api/v1/tasks", task("Loose B", managerB, null, null));
    long looseOfOutsider =
        created(as(outsider), "/api/v1/tasks", task("Loose O", outsider, null, null));
    mvc.perform(get("/api/v1/tasks/" + looseOfB).with(as(head))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/tasks/" + looseOfB).with(as(managerA)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/tasks/" + looseOfOutsider).with(as(head)))
        .andExpect(status().isNotFound());
    assertThat(allIds(head, "/api/v1/tasks")).contains(looseOfB).doesNotContain(looseOfOutsider);
    assertThat(allIds(managerA, "/api/v1/tasks")).doesNotContain(looseOfB, looseOfOutsider);
    // A may not hand a loose task to B; his head may
    mvc.perform(json(post("/api/v1/tasks"), task("For B", managerB, null, null)).with(as(managerA)))
        .andExpect(status().isForbidden());
    mvc.perform(json(post("/api/v1/tasks"), task("For B", managerB, null, null)).with(as(head)))
        .andExpect(status().isCreated());
    // an observer reads it
    Map<String, Object> observed = task("Observed", managerB, null, null);
    observed.put("observerIds", List.of(managerA.id()));
    long observedTask = created(as(managerB), "/api/v1/tasks", observed);
    mvc.perform(get("/api/v1/tasks/" + observedTask).with(as(managerA))).andExpect(status().isOk());
  }

  @Test
  void pagesAndCursorsCountOnlyWhatTheCallerMayRead() throws Exception {
    long dealOfB = deal(managerB, false);
    List<Long> tasksOfB = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tasksOfB.add(
          created(as(managerB), "/api/v1/tasks", task("B " + i, managerB, "DEAL", dealOfB)));
    }
    String filter = "/api/v1/tasks?responsibleId=" + managerB.id() + "&limit=2";
    JsonNode first = page(managerA, filter);
    assertThat(first.get("items")).isEmpty();
    assertThat(first.hasNonNull("nextCursor")).isFalse();
    // the head pages through exactly B's five, two at a time
    assertThat(allIds(head, filter)).containsExactlyInAnyOrderElementsOf(tasksOfB);
    assertThat(allIds(managerB, filter)).containsExactlyInAnyOrderElementsOf(tasksOfB);
    assertThat(allIds(outsider, filter)).isEmpty();
  }

  // ---- fixtures

  long deal(TestUser owner, boolean visibleToAll) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Deal " + unique());
    body.put("responsibleId", owner.id());
    body.put("visibleToAll", visibleToAll);
    return create("/api/v1/deals", body).get("id").asLong();
  }

  static Map<String, Object> call(String subject, TestUser responsible, String type, long id) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", "CALL");
    body.put("subject", subject);
    body.put("startsAt", Instant.now().minusSeconds(3600).toString());
    body.put("responsibleId", responsible.id());
    body.put("links", List.of(Map.of("type", type, "id", id)));
    return body;
  }

  static Map<String, Object> task(String title, TestUser responsible, String type, Long id) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title + " " + unique());
    body.put("responsibleId", responsible.id());
    body.put("links", type == null ? List.of() : List.of(Map.of("type", type, "id", id)));
    return body;
  }

  MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) {
    return request
        .header("If-Match", "*")
        .contentType(MediaType.APPLICATION_JSON)
        .content(toJson(body));
  }

  long created(
      org.springframework.test.web.servlet.request.RequestPostProcessor who,
      String url,
      Object body)
      throws Exception {
    var result = mvc.perform(json(post(url), body).with(who)).andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(201);
    return read(result).get("id").asLong();
  }

  JsonNode page(TestUser user, String url) throws Exception {
    return read(mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn());
  }

  /** Every id of a list, following its cursor to the end. */
  List<Long> allIds(TestUser user, String url) throws Exception {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    do {
      String separator = url.contains("?") ? "&" : "?";
      JsonNode page = page(user, cursor == null ? url : url + separator + "after=" + cursor);
      page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
    } while (cursor != null);
    return ids;
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.shared.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Departments, presence, roles editable at runtime, the effective (widest) scope, deal
 * restrictions, the system user, and that lists, counts, exports and searches never leak what the
 * caller may not read.
 */
class AccessControlApiTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired DealService deals;
  @Autowired SystemUser systemUser;

  private MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, Object body) {
    return request
        .header("If-Match", "*")
        .contentType(MediaType.APPLICATION_JSON)
        .content(toJson(body));
  }

  private long lead(String title, long responsibleId) throws Exception {
    return create(
            "/api/v1/leads",
            Map.of("title", title, "source", "PHONE", "responsibleId", responsibleId))
        .get("id")
        .asLong();
  }

  private long deal(String title, long responsibleId, boolean visibleToAll) throws Exception {
    return create(
            "/api/v1/deals",
            Map.of("title", title, "responsibleId", responsibleId, "visibleToAll", visibleToAll))
        .get("id")
        .asLong();
  }

  private List<String> titles(JsonNode page) {
    List<String> titles = new ArrayList<>();
    page.get("items").forEach(item -> titles.add(item.get("title").asString()));
    return titles;
  }

  private JsonNode getAs(String url, TestUser user) throws Exception {
    return read(mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn());
  }

  // ---- departments and presence

  @Test
  void departmentsFormATreeThatCannotLoopAndOnlyEmptyOnesCanBeDeleted() throws Exception {
    long top = createDepartment("Top", null);
    long middle = createDepartment("Middle", top);
    long bottom = createDepartment("Bottom", middle);

    mvc.perform(body(put("/api/v1/departments/" + top), Map.of("name", "Top", "parentId", bottom)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    long member = createUser("Member");
    mvc.perform(
            body(put("/api/v1/users/" + member + "/department"), Map.of("departmentId", bottom)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.departmentId").value(bottom));
    mvc.perform(delete("/api/v1/departments/" + middle))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("sub-departments")));
    mvc.perform(delete("/api/v1/departments/" + bottom))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("members")));
    assertThat(getJson("/api/v1/departments/" + bottom).get("parentId").asLong()).isEqualTo(middle);
  }

  @Test
  void aUserSetsHisOwnPresenceButNotSomeoneElses() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    mvc.perform(
            body(put("/api/v1/users/" + manager.id() + "/presence"), Map.of("presence", "AWAY"))
                .with(as(manager)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.presence").value("AWAY"));
    assertThat(getJson("/api/v1/users/" + manager.id()).get("presence").asString())
        .isEqualTo("AWAY");
    mvc.perform(
            body(put("/api/v1/users/" + other.id() + "/presence"), Map.of("presence", "AWAY"))
                .with(as(manager)))
        .andExpect(status().isForbidden());
    mvc.perform(
            body(post("/api/v1/departments"), Map.of("name", "Mine " + unique())).with(as(manager)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.entity").value("DEPARTMENTS"));
  }

  // ---- roles and the matrix

  @Test
  void theDefaultMatrixIsSeededAndReadable() throws Exception {
    JsonNode manager = getJson("/api/v1/roles/MANAGER/permissions");
    Map<String, String> cells = new HashMap<>();
    manager
        .get("permissions")
        .forEach(
            c ->
                cells.put(
                    c.get("entity").asString() + " " + c.get("action").asString(),
                    c.get("scope").asString()));
    assertThat(cells).hasSize(8 * 6);
    assertThat(cells.get("LEAD READ")).isEqualTo("OWN");
    assertThat(cells.get("PRODUCT READ")).isEqualTo("ALL");
    assertThat(cells.get("PRODUCT UPDATE")).isEqualTo("NONE");
    JsonNode director = getJson("/api/v1/roles/DIRECTOR/permissions");
    director
        .get("permissions")
        .forEach(
            c -> {
              String expected = c.get("action").asString().equals("DELETE") ? "NONE" : "ALL";
              assertThat(c.get("scope").asString()).as(c.toString()).isEqualTo(expected);
            });
  }

  @Test
  void aChangedPermissionAppliesToTheNextRequestAndIsAudited() throws Exception {
    String role = "AUDITOR" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "Auditor"));
    TestUser auditor = signInUser(null, role);
    TestUser owner = signInUser(null, "MANAGER");
    long leadId = lead("Audited lead " + unique(), owner.id());

    mvc.perform(get("/api/v1/leads/" + leadId).with(as(auditor))).andExpect(status().isNotFound());

    mvc.perform(
            body(
                put("/api/v1/roles/" + role + "/permissions"),
                List.of(Map.of("entity", "LEAD", "action", "READ", "scope", "ALL"))))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/leads/" + leadId).with(as(auditor))).andExpect(status().isOk());
    mvc.perform(
            body(put("/api/v1/leads/" + leadId), Map.of("title", "x", "source", "PHONE"))
                .with(as(auditor)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.action").value("UPDATE"))
        .andExpect(jsonPath("$.entity").value("LEAD"))
        .andExpect(jsonPath("$.detail").value(containsString("UPDATE")));

    String detail =
        jdbc.sql(
                "SELECT detail FROM crm_audit_event WHERE event_type = 'PERMISSIONS_CHANGED'"
                    + " AND detail LIKE :role ORDER BY id DESC LIMIT 1")
            .param("role", role + ":%")
            .query(String.class)
            .single();
    assertThat(detail).isEqualTo(role + ": LEAD READ NONE→ALL");
  }

  @Test
  void aUserWithSeveralRolesGetsTheWidestScope() throws Exception {
    String role = "READER" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "Reader"));
    mvc.perform(
            body(
                put("/api/v1/roles/" + role + "/permissions"),
                List.of(Map.of("entity", "COMPANY", "action", "READ", "scope", "ALL"))))
        .andExpect(status().isOk());
    TestUser both = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    long company =
        create("/api/v1/companies", Map.of("name", "Wide " + unique(), "responsibleId", other.id()))
            .get("id")
            .asLong();
    mvc.perform(get("/api/v1/companies/" + company).with(as(both)))
        .andExpect(status().isNotFound());
    mvc.perform(
            body(
                put("/api/v1/users/" + both.id() + "/roles"),
                Map.of("roles", List.of("MANAGER", role))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles.length()").value(2));
    mvc.perform(get("/api/v1/companies/" + company).with(as(both))).andExpect(status().isOk());
  }

  @Test
  void theProcessRoleIsReservedAndTheLastAdministratorKeepsHisRole() throws Exception {
    long user = createUser("Would-be process");
    mvc.perform(body(put("/api/v1/users/" + user + "/roles"), Map.of("roles", List.of("PROCESS"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("roles"));
    mvc.perform(
            body(
                put("/api/v1/roles/PROCESS/permissions"),
                List.of(Map.of("entity", "LEAD", "action", "READ", "scope", "NONE"))))
        .andExpect(status().isConflict());
  }

  // ---- deal restrictions

  @Test
  void aRoleRestrictedFromWonStagesCannotCloseADealAsWonButCanMoveItElsewhere() throws Exception {
    String role = "CLOSER" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "No closing"));
    mvc.perform(
            body(
                put("/api/v1/roles/" + role + "/permissions"),
                List.of(
                    Map.of("entity", "DEAL", "action", "READ", "scope", "OWN"),
                    Map.of("entity", "DEAL", "action", "UPDATE", "scope", "OWN"))))
        .andExpect(status().isOk());
    mvc.perform(
            body(
                put("/api/v1/roles/" + role + "/deal-restrictions"),
                List.of(Map.of("stageSemantic", "WON"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].stageSemantic").value("WON"));
    TestUser seller = signInUser(null, role);
    long dealId = deal("Restricted " + unique(), seller.id(), false);
    JsonNode stages = getJson("/api/v1/pipelines").get(0).get("stages");
    long won = -1;
    long second = stages.get(1).get("id").asLong();
    for (JsonNode stage : stages) {
      if (stage.get("semantic").asString().equals("WON")) {
        won = stage.get("id").asLong();
      }
    }
    mvc.perform(
            body(put("/api/v1/deals/" + dealId + "/stage"), Map.of("stageId", won))
                .with(as(seller)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.entity").value("DEAL"))
        .andExpect(jsonPath("$.detail").value(containsString("WON")));
    mvc.perform(
            body(put("/api/v1/deals/" + dealId + "/stage"), Map.of("stageId", second))
                .with(as(seller)))
        .andExpect(status().isOk());
    // The administrator (no restriction) closes it.
    mvc.perform(body(put("/api/v1/deals/" + dealId + "/stage"), Map.of("stageId", won)))
        .andExpect(status().isOk());
  }

  @Test
  void aPipelineHiddenFromARoleHidesItsDealsEvenVisibleToAllOnes() throws Exception {
    long pipeline =
        create(
                "/api/v1/pipelines",
                Map.of(
                    "name",
                    "Hidden " + unique(),
                    "stages",
                    List.of(
                        Map.of("code", "OPENED", "name", "Opened", "semantic", "OPEN"),
                        Map.of("code", "WON", "name", "Won", "semantic", "WON"),
                        Map.of("code", "LOST", "name", "Lost", "semantic", "LOST"))))
            .get("id")
            .asLong();
    String role = "NOPIPE" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "Without a pipeline"));
    mvc.perform(
            body(
                put("/api/v1/roles/" + role + "/permissions"),
                List.of(Map.of("entity", "DEAL", "action", "READ", "scope", "ALL"))))
        .andExpect(status().isOk());
    mvc.perform(
            body(
                put("/api/v1/roles/" + role + "/deal-restrictions"),
                List.of(Map.of("pipelineId", pipeline))))
        .andExpect(status().isOk());
    TestUser user = signInUser(null, role);
    String title = "Secret pipeline deal " + unique();
    long hidden =
        create(
                "/api/v1/deals",
                Map.of("title", title, "pipelineId", pipeline, "visibleToAll", true))
            .get("id")
            .asLong();
    mvc.perform(get("/api/v1/deals/" + hidden).with(as(user))).andExpect(status().isNotFound());
    assertThat(titles(getAs("/api/v1/deals?pipelineId=" + pipeline, user))).isEmpty();
    assertThat(titles(getJson("/api/v1/deals?pipelineId=" + pipeline))).containsExactly(title);
  }

  // ---- leaks: lists, pages, counts, exports, searches

  @Test
  void listsPagesSearchesAndExportsContainOnlyWhatTheCallerMayRead() throws Exception {
    String tag = "Leakcheck" + unique();
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    for (int i = 0; i < 3; i++) {
      lead(tag + " mine " + i, manager.id());
      lead(tag + " theirs " + i, other.id());
    }
    List<String> seen = new ArrayList<>();
    String url = "/api/v1/leads?q=" + tag + "&limit=2";
    JsonNode page = getAs(url, manager);
    seen.addAll(titles(page));
    assertThat(page.get("nextCursor").isNull()).isFalse();
    page = getAs(url + "&after=" + page.get("nextCursor").asString(), manager);
    seen.addAll(titles(page));
    assertThat(page.get("nextCursor").isNull()).as("two pages hold all three").isTrue();
    assertThat(seen).containsExactlyInAnyOrder(tag + " mine 0", tag + " mine 1", tag + " mine 2");

    String csv =
        mvc.perform(get("/api/v1/leads/export?q=" + tag).with(as(manager)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv).contains(tag + " mine 0").doesNotContain("theirs");
    assertThat(csv.lines().count()).isEqualTo(4); // header + 3

    // Filtering by someone else's id does not get around the scope.
    assertThat(titles(getAs("/api/v1/leads?responsibleId=" + other.id(), manager))).isEmpty();
    // The administrator sees all six.
    assertThat(titles(getJson("/api/v1/leads?q=" + tag))).hasSize(6);
  }

  @Test
  void aHeadOfDepartmentSeesHisDepartmentAndItsSubDepartmentsButNotOthers() throws Exception {
    String tag = "Headcheck" + unique();
    long sales = createDepartment("Sales", null);
    long east = createDepartment("East", sales);
    long support = createDepartment("Support", null);
    TestUser head = signInUser(sales, "HEAD_OF_DEPARTMENT");
    TestUser eastManager = signInUser(east, "MANAGER");
    TestUser supportManager = signInUser(support, "MANAGER");
    long inEast = lead(tag + " east", eastManager.id());
    long inSupport = lead(tag + " support", supportManager.id());

    assertThat(titles(getAs("/api/v1/leads?q=" + tag, head))).containsExactly(tag + " east");
    mvc.perform(get("/api/v1/leads/" + inEast).with(as(head))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/leads/" + inSupport).with(as(head)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Lead " + inSupport + " does not exist"));
    // The East manager sees his own only, not his head's department.
    assertThat(titles(getAs("/api/v1/leads?q=" + tag, eastManager))).containsExactly(tag + " east");
    assertThat(titles(getAs("/api/v1/leads?q=" + tag, supportManager)))
        .containsExactly(tag + " support");
  }

  @Test
  void dealsVisibleToAllAreReadableByEveryoneButChangedOnlyWithinScope() throws Exception {
    TestUser owner = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    long open = deal("Shared " + unique(), owner.id(), true);
    long closed = deal("Private " + unique(), owner.id(), false);
    mvc.perform(get("/api/v1/deals/" + open).with(as(other))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/deals/" + closed).with(as(other))).andExpect(status().isNotFound());
    mvc.perform(
            body(put("/api/v1/deals/" + open), Map.of("title", "Hijacked", "visibleToAll", true))
                .with(as(other)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.entity").value("DEAL"))
        .andExpect(jsonPath("$.action").value("UPDATE"));
    List<String> listed = titles(getAs("/api/v1/deals?responsibleId=" + owner.id(), other));
    assertThat(listed).hasSize(1).allMatch(t -> t.startsWith("Shared"));
  }

  @Test
  void stageTotalsCountOnlyReadableDeals() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    long pipeline =
        create(
                "/api/v1/pipelines",
                Map.of(
                    "name",
                    "Totals " + unique(),
                    "stages",
                    List.of(
                        Map.of("code", "OPENED", "name", "Opened", "semantic", "OPEN"),
                        Map.of("code", "WON", "name", "Won", "semantic", "WON"),
                        Map.of("code", "LOST", "name", "Lost", "semantic", "LOST"))))
            .get("id")
            .asLong();
    for (int i = 0; i < 2; i++) {
      create(
          "/api/v1/deals",
          Map.of(
              "title",
              "T" + i,
              "pipelineId",
              pipeline,
              "responsibleId",
              manager.id(),
              "visibleToAll",
              false,
              "amount",
              100));
    }
    create(
        "/api/v1/deals",
        Map.of(
            "title",
            "Other",
            "pipelineId",
            pipeline,
            "responsibleId",
            other.id(),
            "visibleToAll",
            false,
            "amount",
            100));
    JsonNode mine = getAs("/api/v1/deals/totals?pipelineId=" + pipeline, manager);
    JsonNode all = getJson("/api/v1/deals/totals?pipelineId=" + pipeline);
    assertThat(mine.get(0).get("deals").asLong()).isEqualTo(2);
    assertThat(all.get(0).get("deals").asLong()).isEqualTo(3);
  }

  @Test
  void duplicateWarningsDoNotRevealOthersRecordsAndAManagerCannotExportProducts() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    String email = "dup" + unique() + "@example.com";
    create(
        "/api/v1/contacts",
        Map.of(
            "firstName", "Hidden",
            "responsibleId", other.id(),
            "emails", List.of(Map.of("value", email, "type", "WORK"))));
    assertThat(getAs("/api/v1/contacts/duplicates?email=" + email, manager).size()).isZero();
    assertThat(getJson("/api/v1/contacts/duplicates?email=" + email).size()).isEqualTo(1);
    mvc.perform(get("/api/v1/products/export").with(as(manager)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.action").value("EXPORT"))
        .andExpect(jsonPath("$.entity").value("PRODUCT"));
  }

  // ---- the system user

  @Test
  void theSystemUserCannotSignInEvenWithAPassword() throws Exception {
    jdbc.sql("UPDATE crm_user SET password_hash = '{noop}system-password' WHERE login = 'system'")
        .update();
    try {
      mvc.perform(get("/api/v1/leads").with(as(new TestUser(0, "system", "system-password"))))
          .andExpect(status().isUnauthorized());
    } finally {
      jdbc.sql("UPDATE crm_user SET password_hash = NULL WHERE login = 'system'").update();
    }
  }

  @Test
  void backgroundWorkRunsAsTheSystemUserAndIsRefusedWithoutIt() {
    assertThatThrownBy(() -> deals.create(DealCommand.titled("No caller")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("SystemUser.runAs");
    var created = systemUser.runAs(() -> deals.create(DealCommand.titled("By a process")));
    assertThat(created.id()).isPositive();
    assertThat(systemUser.runAs(() -> deals.get(created.id())).title()).isEqualTo("By a process");
    // The thread does not keep the system user's rights.
    assertThatThrownBy(() -> deals.get(created.id())).isInstanceOf(ForbiddenException.class);
  }
}

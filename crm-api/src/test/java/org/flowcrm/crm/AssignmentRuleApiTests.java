package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.assignment.AssignedRecord;
import org.flowcrm.crm.assignment.AssignmentDecision;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.assignment.ClientType;
import org.flowcrm.crm.assignment.RuleTarget;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.permission.SystemUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Administrators keep the ordered assignment rules over REST; what the rules see of a real lead or
 * deal (its product sections, the client's VIP flag, the source) is read from the CRM.
 */
class AssignmentRuleApiTests extends ApiTest {

  @Autowired AssignmentRuleService service;
  @Autowired SystemUser systemUser;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void noRulesOfOtherTests() {
    jdbc.sql("DELETE FROM crm_assignment_rule").update();
  }

  private static Map<String, Object> rule(String name, Object... more) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  @Test
  void rulesAreListedInTheirOrderAndANewRuleWithoutPositionGoesLast() throws Exception {
    long user = createUser("Senior " + unique());
    create("/api/v1/assignment-rules", rule("second", "position", 5, "target", "UNASSIGNED"));
    JsonNode first =
        create(
            "/api/v1/assignment-rules",
            rule("first", "position", 1, "target", "USER", "targetUserId", user, "vip", true));
    JsonNode last = create("/api/v1/assignment-rules", rule("last", "target", "UNASSIGNED"));
    assertThat(first.get("active").asBoolean()).isTrue();
    assertThat(last.get("position").asInt()).isEqualTo(6);

    JsonNode list = getJson("/api/v1/assignment-rules");
    assertThat(list.findValuesAsString("name")).containsExactly("first", "second", "last");

    long id = first.get("id").asLong();
    send(
            put("/api/v1/assignment-rules/" + id).header("If-Match", "\"0\""),
            rule("first, now last", "position", 9, "target", "UNASSIGNED", "targetUserId", user))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.targetUserId").doesNotExist());
    assertThat(getJson("/api/v1/assignment-rules").findValuesAsString("name"))
        .containsExactly("second", "last", "first, now last");
    mvc.perform(delete("/api/v1/assignment-rules/" + id)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/assignment-rules/" + id))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("Assignment rule " + id + " does not exist"));
  }

  @Test
  void invalidRulesAreRefusedNamingTheField() throws Exception {
    send(post("/api/v1/assignment-rules"), Map.of("minAmount", -1))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'target')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'minAmount')]").exists());
    send(
            post("/api/v1/assignment-rules"),
            rule("backwards", "minAmount", 500, "maxAmount", 100, "target", "UNASSIGNED"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("maxAmount"))
        .andExpect(jsonPath("$.errors[0].message").value("must be at least minAmount (500)"));
    send(post("/api/v1/assignment-rules"), rule("nobody", "target", "USER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targetUserId"))
        .andExpect(jsonPath("$.errors[0].message").value("must be set when target is USER"));
    send(post("/api/v1/assignment-rules"), rule("no team", "target", "DEPARTMENT"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targetDepartmentId"));
    send(post("/api/v1/assignment-rules"), rule("odd", "target", "SOMEONE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("target"));
    send(
            post("/api/v1/assignment-rules"),
            rule("gone", "target", "DEPARTMENT", "targetDepartmentId", 987654321))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("targetDepartmentId"))
        .andExpect(jsonPath("$.errors[0].message").value("department 987654321 does not exist"));
    send(
            post("/api/v1/assignment-rules"),
            rule("ghost", "target", "USER", "targetUserId", 987654321))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("targetUserId"));
    send(
            post("/api/v1/assignment-rules"),
            rule("no such section", "productSectionId", 987654321, "target", "UNASSIGNED"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("productSectionId"));
    assertThat(getJson("/api/v1/assignment-rules")).isEmpty();
  }

  @Test
  void onlyAdministratorsSeeOrChangeRules() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    mvc.perform(get("/api/v1/assignment-rules").with(as(manager)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/assignment-rules")
                .with(as(manager))
                .contentType("application/json")
                .content(toJson(rule("mine", "target", "UNASSIGNED"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void theVipFlagOfACompanyIsKeptByAnUpdateThatDoesNotMentionIt() throws Exception {
    JsonNode company =
        create("/api/v1/companies", Map.of("name", "Big Client " + unique(), "vip", true));
    assertThat(company.get("vip").asBoolean()).isTrue();
    long id = company.get("id").asLong();
    send(
            put("/api/v1/companies/" + id).header("If-Match", "\"0\""),
            Map.of("name", "Big Client renamed"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.vip").value(true));
    JsonNode contact = create("/api/v1/contacts", Map.of("firstName", "Vera", "vip", true));
    assertThat(contact.get("vip").asBoolean()).isTrue();
  }

  @Test
  void aDealIsJudgedByItsProductsSectionsItsClientsVipFlagAndItsAmount() throws Exception {
    long hardware =
        create("/api/v1/product-sections", Map.of("name", "Hardware " + unique()))
            .get("id")
            .asLong();
    Map<String, Object> laptopsBody = new HashMap<>();
    laptopsBody.put("name", "Laptops");
    laptopsBody.put("parentId", hardware);
    long laptops = create("/api/v1/product-sections", laptopsBody).get("id").asLong();
    Map<String, Object> product = new HashMap<>();
    product.put("name", "Notebook " + unique());
    product.put("price", "1200");
    product.put("unit", "pcs");
    product.put("vatRate", 19);
    product.put("sectionId", laptops);
    long notebook = create("/api/v1/products", product).get("id").asLong();
    long company =
        create("/api/v1/companies", Map.of("name", "VIP Corp " + unique(), "vip", true))
            .get("id")
            .asLong();
    Map<String, Object> deal = new HashMap<>();
    deal.put("title", "Ten notebooks");
    deal.put("companyId", company);
    deal.put(
        "rows",
        List.of(Map.of("productId", notebook, "name", "Notebook", "quantity", 10, "price", 1200)));
    long dealId = create("/api/v1/deals", deal).get("id").asLong();
    long plainDeal = create("/api/v1/deals", Map.of("title", "Small talk")).get("id").asLong();

    var subject = systemUser.runAs(() -> service.subject(AssignedRecord.DEAL, dealId));
    assertThat(subject.sectionIds()).contains(hardware, laptops);
    assertThat(subject.vip()).isTrue();
    assertThat(subject.clientType()).isEqualTo(ClientType.COMPANY);
    assertThat(subject.amount()).isEqualByComparingTo("12000");

    long keyAccounts = createDepartment("Key accounts", null);
    create(
        "/api/v1/assignment-rules",
        rule(
            "hardware to key accounts",
            "productSectionId",
            hardware,
            "minAmount",
            10000,
            "target",
            "DEPARTMENT",
            "targetDepartmentId",
            keyAccounts));
    create(
        "/api/v1/assignment-rules",
        rule(
            "phone leads wait",
            "entityType",
            "LEAD",
            "source",
            LeadSource.PHONE.name(),
            "target",
            "UNASSIGNED"));

    AssignmentDecision decision =
        systemUser.runAs(() -> service.decide(AssignedRecord.DEAL, dealId)).orElseThrow();
    assertThat(decision.target()).isEqualTo(RuleTarget.DEPARTMENT);
    assertThat(decision.departmentId()).isEqualTo(keyAccounts);
    assertThat(systemUser.runAs(() -> service.decide(AssignedRecord.DEAL, plainDeal))).isEmpty();

    long phoneLead =
        create("/api/v1/leads", Map.of("title", "Caller " + unique(), "source", "PHONE"))
            .get("id")
            .asLong();
    assertThat(systemUser.runAs(() -> service.decide(AssignedRecord.LEAD, phoneLead)))
        .get()
        .extracting(AssignmentDecision::ruleName)
        .isEqualTo("phone leads wait");
    mvc.perform(get("/api/v1/assignment-rules"))
        .andExpect(jsonPath("$[0].name", containsString("hardware")));
  }
}

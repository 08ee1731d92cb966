package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.crm.deal.DealCreated;
import org.flowcrm.crm.lead.LeadCreated;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.webform.WebFormService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Web forms: administration, the public page and submissions with their protections. */
class WebFormApiTests extends ApiTest {

  private static final AtomicInteger ADDRESS = new AtomicInteger(1);

  @Autowired RecordedEvents events;
  @Autowired WebFormService webForms;

  /** A request from the public: no credentials, from its own client address. */
  private static RequestPostProcessor publicClient(String address) {
    return (MockHttpServletRequest request) -> {
      request.removeHeader("Authorization");
      request.setRemoteAddr(address);
      return request;
    };
  }

  private static String newAddress() {
    return "10.20." + (ADDRESS.get() / 250) + "." + (ADDRESS.getAndIncrement() % 250 + 1);
  }

  private JsonNode createForm(String name, Map<String, Object> extra) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name);
    body.put(
        "fields",
        List.of(
            Map.of("field", "FIRST_NAME", "label", "First name", "required", false),
            Map.of("field", "LAST_NAME", "label", "Last name", "required", true),
            Map.of("field", "EMAIL", "label", "E-mail", "required", true),
            Map.of("field", "MESSAGE", "label", "Your question", "required", false)));
    body.putAll(extra);
    return create("/api/v1/web-forms", body);
  }

  private MockHttpServletRequestBuilder submission(String token, String address) {
    return post("/public/forms/" + token)
        .with(publicClient(address))
        .contentType(MediaType.APPLICATION_FORM_URLENCODED);
  }

  @Test
  void aSubmissionCreatesAWebFormLeadForTheResponsibleUser() throws Exception {
    String u = unique();
    long manager = createUser("Form manager " + u);
    JsonNode form =
        createForm(
            "Contact us " + u,
            Map.of(
                "responsibleId", manager,
                "consentText", "I agree that you store my data.",
                "buttonText", "Ask us",
                "buttonColor", "#AA3300",
                "thankYouMessage", "Thanks, " + u));
    String token = form.get("publicToken").asString();
    assertThat(token).hasSize(43);
    assertThat(form.get("publicUrl").asString()).endsWith("/public/forms/" + token);
    assertThat(form.get("embedSnippet").asString())
        .startsWith("<iframe src=\"http://localhost/public/forms/" + token + "\"");

    String page =
        mvc.perform(get("/public/forms/" + token).with(publicClient(newAddress())))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors *")))
            .andExpect(header().doesNotExist("X-Frame-Options"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("name=\"last_name\"", "name=\"email\"", "name=\"consent\"", "Ask us", "#aa3300")
        .contains("name=\"website\"")
        .doesNotContain("\"id\"", "/api/");

    String address = newAddress();
    String done =
        mvc.perform(
                submission(token, address)
                    .param("first_name", "Ada")
                    .param("last_name", "Lovelace" + u)
                    .param("email", "ada" + u + "@example.org")
                    .param("message", "Do you ship to Poland?")
                    .param("consent", "yes"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(done).contains("Thanks, " + u);

    JsonNode lead = getJson("/api/v1/leads?q=Lovelace" + u).get("items").get(0);
    assertThat(lead.get("source").asString()).isEqualTo("WEB_FORM");
    assertThat(lead.get("title").asString()).isEqualTo("Contact us " + u + ": Ada Lovelace" + u);
    assertThat(lead.get("responsibleId").asLong()).isEqualTo(manager);
    assertThat(lead.get("emails").get(0).get("value").asString())
        .isEqualTo("ada" + u + "@example.org");
    long leadId = lead.get("id").asLong();
    assertThat(getJson("/api/v1/leads/" + leadId + "/comments").get(0).get("text").asString())
        .isEqualTo("Do you ship to Poland?");
    assertThat(events.of(LeadCreated.class))
        .filteredOn(e -> e.leadId() == leadId)
        .singleElement()
        .extracting(LeadCreated::source)
        .isEqualTo(LeadSource.WEB_FORM);
    assertThat(getJson("/api/v1/web-forms/" + form.get("id").asLong()).get("submissions").asLong())
        .isEqualTo(1);
  }

  @Test
  void missingAndInvalidFieldsAreNamedAndNothingIsCreated() throws Exception {
    String u = unique();
    String token =
        createForm("Errors " + u, Map.of("consentText", "I agree.")).get("publicToken").asString();
    mvc.perform(
            submission(token, newAddress())
                .accept(MediaType.APPLICATION_JSON)
                .param("first_name", "Ann" + u)
                .param("email", "not-an-address"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'last_name')].message").value("Last name is required"))
        .andExpect(jsonPath("$.errors[?(@.field == 'consent')]").exists());
    mvc.perform(
            submission(token, newAddress())
                .accept(MediaType.APPLICATION_JSON)
                .param("last_name", "Ann" + u)
                .param("email", "not-an-address")
                .param("consent", "yes"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
    // A browser gets the form again, its input kept (escaped) and the error next to the field.
    String page =
        mvc.perform(
                submission(token, newAddress())
                    .param("first_name", "<script>alert(1)</script>")
                    .param("email", "x@example.org"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "Last name is required",
            "aria-invalid=\"true\"",
            "&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
    assertThat(getJson("/api/v1/leads?q=Ann" + u).get("items").size()).isZero();
  }

  @Test
  void honeypotRateLimitAndSizeLimitStopBots() throws Exception {
    String u = unique();
    String token = createForm("Bots " + u, Map.of()).get("publicToken").asString();
    mvc.perform(
            submission(token, newAddress())
                .param("last_name", "Bot" + u)
                .param("email", "bot" + u + "@example.org")
                .param("website", "http://spam.example"))
        .andExpect(status().isOk());
    assertThat(getJson("/api/v1/leads?q=Bot" + u).get("items").size()).as("honeypot").isZero();

    String address = newAddress();
    for (int i = 0; i < 10; i++) {
      mvc.perform(
              submission(token, address)
                  .param("last_name", "Rate" + u)
                  .param("email", "rate" + i + u + "@example.org"))
          .andExpect(status().isOk());
    }
    mvc.perform(
            submission(token, address)
                .accept(MediaType.APPLICATION_JSON)
                .param("last_name", "Rate" + u)
                .param("email", "rate11" + u + "@example.org"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.status").value(429));
    mvc.perform(
            submission(token, newAddress())
                .param("last_name", "Other" + u)
                .param("email", "other" + u + "@example.org"))
        .andExpect(status().isOk());

    mvc.perform(
            submission(token, newAddress())
                .accept(MediaType.APPLICATION_JSON)
                .content("last_name=" + "x".repeat(40_000)))
        .andExpect(status().isContentTooLarge());
    mvc.perform(get("/public/forms/" + "A".repeat(43)).with(publicClient(newAddress())))
        .andExpect(status().isNotFound());
  }

  @Test
  void administrationNeedsSignInAndValidatesTheForm() throws Exception {
    mvc.perform(get("/api/v1/web-forms").with(publicClient(newAddress())))
        .andExpect(status().isUnauthorized());
    send(
            post("/api/v1/web-forms"),
            Map.of(
                "name", "Bad",
                "fields",
                    List.of(
                        Map.of("field", "EMAIL", "label", "E-mail", "required", true),
                        Map.of("field", "EMAIL", "label", "Mail", "required", false)),
                "buttonColor", "red\"><script>",
                "redirectUrl", "javascript:alert(1)"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'buttonColor')]").exists())
        .andExpect(jsonPath("$.errors[?(@.field == 'redirectUrl')]").exists());
    send(
            post("/api/v1/web-forms"),
            Map.of(
                "name",
                "Twice",
                "fields",
                List.of(
                    Map.of("field", "EMAIL", "label", "E-mail", "required", true),
                    Map.of("field", "EMAIL", "label", "Mail", "required", false))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("fields[1].field"));

    String u = unique();
    JsonNode form =
        createForm("Redirect " + u, Map.of("redirectUrl", "https://example.com/thanks"));
    long id = form.get("id").asLong();
    mvc.perform(
            submission(form.get("publicToken").asString(), newAddress())
                .param("last_name", "Redirect" + u)
                .param("email", "r" + u + "@example.org"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "https://example.com/thanks"));

    Map<String, Object> closed = new java.util.HashMap<>();
    closed.put("name", "Redirect " + u);
    closed.put("fields", List.of(Map.of("field", "EMAIL", "label", "E-mail", "required", true)));
    closed.put("active", false);
    send(put("/api/v1/web-forms/" + id).header("If-Match", "\"0\""), closed)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));
    mvc.perform(
            get("/public/forms/" + form.get("publicToken").asString())
                .with(publicClient(newAddress())))
        .andExpect(status().isNotFound());
  }

  @Test
  void aFormFieldFillsALeadCustomFieldCheckedByItsType() throws Exception {
    String u = unique();
    long budget = leadCustomField("budget" + u, "NUMBER", List.of());
    long channel = leadCustomField("channel" + u, "LIST", List.of("Phone", "E-mail"));
    long callback = leadCustomField("callback" + u, "BOOLEAN", List.of());
    try {
      JsonNode form =
          create(
              "/api/v1/web-forms",
              Map.of(
                  "name",
                  "Quote request " + u,
                  "fields",
                  List.of(
                      Map.of("field", "LAST_NAME", "label", "Last name", "required", true),
                      Map.of("field", "EMAIL", "label", "E-mail", "required", true),
                      Map.of("customField", "cf.budget" + u, "label", "Budget", "required", true),
                      Map.of(
                          "customField",
                          "cf.channel" + u,
                          "label",
                          "Preferred channel",
                          "required",
                          false),
                      Map.of(
                          "customField",
                          "cf.callback" + u,
                          "label",
                          "Call me back",
                          "required",
                          false))));
      assertThat(form.get("fields").get(2).get("customField").asString())
          .isEqualTo("cf.budget" + u);
      String token = form.get("publicToken").asString();
      String page =
          mvc.perform(get("/public/forms/" + token).with(publicClient(newAddress())))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page)
          .contains("type=\"number\" id=\"f-cf-budget" + u + "\" name=\"cf.budget" + u + "\"")
          .contains("<select id=\"f-cf-channel" + u + "\" name=\"cf.channel" + u + "\"")
          .contains("<option>Phone</option><option>E-mail</option>")
          .contains("<input type=\"checkbox\" value=\"true\" id=\"f-cf-callback" + u + "\"");

      mvc.perform(
              submission(token, newAddress())
                  .accept(MediaType.APPLICATION_JSON)
                  .param("last_name", "Custom" + u)
                  .param("email", "c" + u + "@example.org"))
          .andExpect(status().isBadRequest())
          .andExpect(
              jsonPath("$.errors[?(@.field == 'cf.budget" + u + "')].message")
                  .value("Budget is required"));
      mvc.perform(
              submission(token, newAddress())
                  .accept(MediaType.APPLICATION_JSON)
                  .param("last_name", "Custom" + u)
                  .param("email", "c" + u + "@example.org")
                  .param("cf.budget" + u, "lots")
                  .param("cf.channel" + u, "Fax"))
          .andExpect(status().isBadRequest())
          .andExpect(
              jsonPath("$.errors[?(@.field == 'cf.budget" + u + "')].message")
                  .value("Budget must be a number like 1250.50, not lots"))
          .andExpect(
              jsonPath("$.errors[?(@.field == 'cf.channel" + u + "')].message")
                  .value("Preferred channel must be one of [Phone, E-mail], not Fax"));
      assertThat(getJson("/api/v1/leads?q=Custom" + u).get("items").size()).isZero();

      mvc.perform(
              submission(token, newAddress())
                  .param("last_name", "Custom" + u)
                  .param("email", "c" + u + "@example.org")
                  .param("cf.budget" + u, "2500.50")
                  .param("cf.channel" + u, "E-mail")
                  .param("cf.callback" + u, "true"))
          .andExpect(status().isOk());
      JsonNode values =
          getJson("/api/v1/leads?q=Custom" + u).get("items").get(0).get("customFields");
      assertThat(values.get("budget" + u).decimalValue()).isEqualByComparingTo("2500.50");
      assertThat(values.get("channel" + u).asString()).isEqualTo("E-mail");
      assertThat(values.get("callback" + u).asBoolean()).isTrue();

      send(
              post("/api/v1/web-forms"),
              Map.of(
                  "name",
                  "Unknown " + u,
                  "fields",
                  List.of(
                      Map.of("customField", "cf.nothing" + u, "label", "X", "required", false),
                      Map.of(
                          "field",
                          "EMAIL",
                          "customField",
                          "cf.budget" + u,
                          "label",
                          "Both",
                          "required",
                          false))))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("fields[0].customField"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value(org.hamcrest.Matchers.startsWith("is not a lead custom field; known:")))
          .andExpect(jsonPath("$.errors[1].field").value("fields[1]"));
    } finally {
      for (long field : List.of(budget, channel, callback)) {
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/custom-fields/" + field))
            .andExpect(status().isNoContent());
      }
    }
  }

  @Test
  void aContactAndDealFormFindsOrCreatesTheContactAndStartsTheDealsExecution() throws Exception {
    String u = unique();
    long manager = createUser("Deal form manager " + u);
    long pipeline =
        create(
                "/api/v1/pipelines",
                Map.of(
                    "name",
                    "Web enquiries " + u,
                    "stages",
                    List.of(
                        Map.of("code", "NEW_ENQUIRY", "name", "New enquiry"),
                        Map.of("code", "DONE", "name", "Done", "semantic", "WON"),
                        Map.of("code", "GONE", "name", "Gone", "semantic", "LOST"))))
            .get("id")
            .asLong();
    long budget =
        create(
                "/api/v1/custom-fields",
                Map.of(
                    "entity", "DEAL", "code", "webBudget" + u, "label", "Budget", "type", "NUMBER"))
            .get("id")
            .asLong();
    try {
      Map<String, Object> body = new java.util.HashMap<>();
      body.put("name", "Offer request " + u);
      body.put("target", "CONTACT_AND_DEAL");
      body.put("pipelineId", pipeline);
      body.put("responsibleId", manager);
      body.put(
          "fields",
          List.of(
              Map.of("field", "FIRST_NAME", "label", "First name", "required", true),
              Map.of("field", "LAST_NAME", "label", "Last name", "required", true),
              Map.of("field", "EMAIL", "label", "E-mail", "required", true),
              Map.of("field", "COMPANY_NAME", "label", "Company", "required", false),
              Map.of("field", "MESSAGE", "label", "What do you need?", "required", false),
              Map.of("customField", "cf.webBudget" + u, "label", "Budget", "required", false)));
      JsonNode form = create("/api/v1/web-forms", body);
      assertThat(form.get("target").asString()).isEqualTo("CONTACT_AND_DEAL");
      assertThat(form.get("pipelineId").asLong()).isEqualTo(pipeline);
      String token = form.get("publicToken").asString();

      mvc.perform(
              submission(token, newAddress())
                  .param("first_name", "Jan")
                  .param("last_name", "Deal" + u)
                  .param("email", "jan" + u + "@example.org")
                  .param("company_name", "Kowalski Foods")
                  .param("message", "Two packaging lines, please")
                  .param("cf.webBudget" + u, "48000"))
          .andExpect(status().isOk());

      JsonNode contact = getJson("/api/v1/contacts?q=Deal" + u).get("items");
      assertThat(contact.size()).isEqualTo(1);
      long contactId = contact.get(0).get("id").asLong();
      assertThat(contact.get(0).get("responsibleId").asLong()).isEqualTo(manager);
      JsonNode deals = getJson("/api/v1/deals?q=Deal" + u).get("items");
      assertThat(deals.size()).isEqualTo(1);
      JsonNode deal = deals.get(0);
      long dealId = deal.get("id").asLong();
      assertThat(deal.get("title").asString()).isEqualTo("Offer request " + u + ": Jan Deal" + u);
      assertThat(deal.get("pipelineId").asLong()).isEqualTo(pipeline);
      assertThat(deal.get("responsibleId").asLong()).isEqualTo(manager);
      assertThat(deal.get("contactIds").get(0).asLong()).isEqualTo(contactId);
      assertThat(deal.get("customFields").get("webBudget" + u).decimalValue())
          .isEqualByComparingTo("48000");
      assertThat(getJson("/api/v1/deals/" + dealId + "/comments").get(0).get("text").asString())
          .isEqualTo("Company: Kowalski Foods\n\nTwo packaging lines, please");
      assertThat(events.of(DealCreated.class))
          .filteredOn(e -> e.dealId() == dealId)
          .singleElement()
          .satisfies(e -> assertThat(e.startsProcess()).as("deal execution starts").isTrue());
      assertThat(getJson("/api/v1/leads?q=Deal" + u).get("items").size()).isZero();

      // the same person again: the contact is found by e-mail, a second deal is linked to it
      mvc.perform(
              submission(token, newAddress())
                  .param("first_name", "Jan")
                  .param("last_name", "Deal" + u)
                  .param("email", "JAN" + u + "@example.org"))
          .andExpect(status().isOk());
      assertThat(getJson("/api/v1/contacts?q=Deal" + u).get("items").size()).isEqualTo(1);
      JsonNode both = getJson("/api/v1/deals?q=Deal" + u).get("items");
      assertThat(both.size()).isEqualTo(2);
      both.forEach(d -> assertThat(d.get("contactIds").get(0).asLong()).isEqualTo(contactId));
      assertThat(
              getJson("/api/v1/web-forms/" + form.get("id").asLong()).get("submissions").asLong())
          .isEqualTo(2);

      // a lead custom field is not a deal's; a pipeline is not for a lead form
      body.put(
          "fields",
          List.of(Map.of("customField", "cf.nothing" + u, "label", "X", "required", false)));
      send(post("/api/v1/web-forms"), body)
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("fields[0].customField"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value(org.hamcrest.Matchers.startsWith("is not a deal custom field")));
      body.put("target", "LEAD");
      body.put("fields", List.of(Map.of("field", "EMAIL", "label", "E-mail", "required", true)));
      send(post("/api/v1/web-forms"), body)
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("pipelineId"));
    } finally {
      mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                  "/api/v1/custom-fields/" + budget))
          .andExpect(status().isNoContent());
    }
  }

  @Test
  void aFormNamesItsAssignmentRuleForTheProcessOrAFixedUser() throws Exception {
    String u = unique();
    long user = createUser("Rule user " + u);
    // inactive, so the ordered list the other tests' processes walk stays as it was
    JsonNode rule =
        create(
            "/api/v1/assignment-rules",
            Map.of(
                "name", "Web leads " + u, "target", "USER", "targetUserId", user, "active", false));
    long ruleId = rule.get("id").asLong();
    try {
      JsonNode form = createForm("Ruled " + u, Map.of("assignmentRuleId", ruleId));
      assertThat(form.get("assignmentRuleId").asLong()).isEqualTo(ruleId);
      mvc.perform(
              submission(form.get("publicToken").asString(), newAddress())
                  .param("last_name", "Ruled" + u)
                  .param("email", "ruled" + u + "@example.org"))
          .andExpect(status().isOk());
      JsonNode lead = getJson("/api/v1/leads?q=Ruled" + u).get("items").get(0);
      long leadId = lead.get("id").asLong();
      // the lead waits for its process's assignment step, which gets the form's rule
      assertThat(lead.hasNonNull("responsibleId")).isFalse();
      assertThat(webForms.assignmentRuleOfLead(leadId)).contains(ruleId);

      // a form with a fixed user: the lead is his from the start (the assignment step keeps it)
      JsonNode fixed = createForm("Fixed " + u, Map.of("responsibleId", user));
      mvc.perform(
              submission(fixed.get("publicToken").asString(), newAddress())
                  .param("last_name", "Fixed" + u)
                  .param("email", "fixed" + u + "@example.org"))
          .andExpect(status().isOk());
      JsonNode fixedLead = getJson("/api/v1/leads?q=Fixed" + u).get("items").get(0);
      assertThat(fixedLead.get("responsibleId").asLong()).isEqualTo(user);
      assertThat(webForms.assignmentRuleOfLead(fixedLead.get("id").asLong())).isEmpty();

      Map<String, Object> both = new java.util.HashMap<>();
      both.put("name", "Both " + u);
      both.put("fields", List.of(Map.of("field", "EMAIL", "label", "E-mail", "required", true)));
      both.put("responsibleId", user);
      both.put("assignmentRuleId", ruleId);
      send(post("/api/v1/web-forms"), both)
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("assignmentRuleId"))
          .andExpect(
              jsonPath("$.errors[0].message")
                  .value("give either responsibleId (a fixed user) or assignmentRuleId, not both"));
    } finally {
      send(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                      "/api/v1/assignment-rules/" + ruleId)
                  .header("If-Match", "*"),
              Map.of())
          .andExpect(status().isNoContent());
    }
    // the rule gone, the form falls back to the default assignment
    assertThat(
            webForms.assignmentRuleOfLead(
                getJson("/api/v1/leads?q=Ruled" + u).get("items").get(0).get("id").asLong()))
        .isEmpty();
  }

  @Test
  void suspectedSpamIsHeldForReviewThenAcceptedOrRejected() throws Exception {
    String u = unique();
    JsonNode form = createForm("Held " + u, Map.of("holdSuspectedSpam", true));
    assertThat(form.get("holdSuspectedSpam").asBoolean()).isTrue();
    long formId = form.get("id").asLong();
    String token = form.get("publicToken").asString();
    String page =
        mvc.perform(get("/public/forms/" + token).with(publicClient(newAddress())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher stamp =
        java.util.regex.Pattern.compile("name=\"_shown\" value=\"([^\"]+)\"").matcher(page);
    assertThat(stamp.find()).as("the page carries when it was shown").isTrue();
    String shown = stamp.group(1);
    long shownAt = System.currentTimeMillis();

    // sent at once from the page, with a link in the name: held, the visitor thanked all the same
    mvc.perform(
            submission(token, newAddress())
                .param("_shown", shown)
                .param("first_name", "Buy http://pills.example")
                .param("last_name", "Fast" + u)
                .param("email", "fast" + u + "@example.org"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("Thank you")));
    // posted without the page, from a disposable address
    mvc.perform(
            submission(token, newAddress())
                .accept(MediaType.APPLICATION_JSON)
                .param("last_name", "Throwaway" + u)
                .param("email", "x" + u + "@mailinator.com")
                .param("message", "see http://a.example http://b.example http://c.example"))
        .andExpect(status().isOk());
    // a forged time does not count as shown
    mvc.perform(
            submission(token, newAddress())
                .param("_shown", "1000." + shown.substring(shown.indexOf('.') + 1))
                .param("last_name", "Forged" + u)
                .param("email", "forged" + u + "@example.org"))
        .andExpect(status().isOk());
    assertThat(getJson("/api/v1/leads?q=" + u).get("items").size()).as("nothing created").isZero();
    assertThat(getJson("/api/v1/web-forms/" + formId).get("heldSubmissions").asLong()).isEqualTo(3);

    JsonNode held = getJson("/api/v1/web-forms/held?formId=" + formId);
    assertThat(held.size()).isEqualTo(3);
    JsonNode fast = held.get(0);
    assertThat(fast.get("formName").asString()).isEqualTo("Held " + u);
    assertThat(fast.get("reasons").toString())
        .contains("after the form was shown (less than 3 s)", "a link in first_name");
    assertThat(fast.get("values").toString())
        .contains("\"label\":\"Last name\"", "\"value\":\"Fast" + u + "\"");
    JsonNode throwaway = held.get(1);
    assertThat(throwaway.get("reasons").toString())
        .contains(
            "not sent from the form's page",
            "a disposable e-mail domain (mailinator.com)",
            "3 links (more than 2)");
    assertThat(held.get(2).get("reasons").toString()).contains("not sent from the form's page");

    // accept: the lead is created as by a submission, and its process starts
    JsonNode accepted =
        read(
            mvc.perform(post("/api/v1/web-forms/held/" + fast.get("id").asLong() + "/accept"))
                .andExpect(status().isOk())
                .andReturn());
    long leadId = accepted.get("leadId").asLong();
    JsonNode lead = getJson("/api/v1/leads/" + leadId);
    assertThat(lead.get("lastName").asString()).isEqualTo("Fast" + u);
    assertThat(lead.get("source").asString()).isEqualTo("WEB_FORM");
    assertThat(events.of(LeadCreated.class)).anyMatch(e -> e.leadId() == leadId);
    mvc.perform(post("/api/v1/web-forms/held/" + fast.get("id").asLong() + "/accept"))
        .andExpect(status().isNotFound());

    // reject: deleted, nothing created
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                "/api/v1/web-forms/held/" + throwaway.get("id").asLong()))
        .andExpect(status().isNoContent());
    assertThat(getJson("/api/v1/leads?q=Throwaway" + u).get("items").size()).isZero();
    assertThat(getJson("/api/v1/web-forms/held?formId=" + formId).size()).isEqualTo(1);
    assertThat(getJson("/api/v1/web-forms/" + formId).get("submissions").asLong()).isEqualTo(1);

    // a person who takes his time on the page is not held
    long wait = 3_100 - (System.currentTimeMillis() - shownAt);
    if (wait > 0) {
      Thread.sleep(wait);
    }
    mvc.perform(
            submission(token, newAddress())
                .param("_shown", shown)
                .param("first_name", "Calm")
                .param("last_name", "Calm" + u)
                .param("email", "calm" + u + "@example.org"))
        .andExpect(status().isOk());
    assertThat(getJson("/api/v1/leads?q=Calm" + u).get("items").size()).isEqualTo(1);
    assertThat(getJson("/api/v1/web-forms/held?formId=" + formId).size()).isEqualTo(1);
  }

  private long leadCustomField(String code, String type, List<String> options) throws Exception {
    return create(
            "/api/v1/custom-fields",
            Map.of("entity", "LEAD", "code", code, "label", code, "type", type, "options", options))
        .get("id")
        .asLong();
  }
}

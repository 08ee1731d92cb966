package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.lead.LeadConverted;
import org.flowcrm.crm.lead.LeadCreated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LeadApiTests extends ApiTest {

  @Autowired RecordedEvents events;

  @Test
  void aNewLeadIsNewAndAnnounced() throws Exception {
    JsonNode lead = create("/api/v1/leads", lead("Inquiry " + unique()));
    assertThat(lead.get("status").asString()).isEqualTo("NEW");
    assertThat(lead.get("phones").get(0).get("type").asString()).isEqualTo("MOBILE");
    assertThat(lead.get("emails").get(1).get("value").asString()).startsWith("office@");
    long id = lead.get("id").asLong();
    assertThat(events.of(LeadCreated.class)).anyMatch(e -> e.leadId() == id);
  }

  @Test
  void conversionCreatesLinkedContactCompanyAndDeal() throws Exception {
    long responsible = createUser("Rita Sales");
    Map<String, Object> body = lead("Ten laptops");
    body.put("responsibleId", responsible);
    body.put(
        "productInterests",
        List.of(Map.of("name", "Laptop", "quantity", 10, "price", 900, "taxPercent", 19)));
    long leadId = create("/api/v1/leads", body).get("id").asLong();

    JsonNode result =
        read(
            send(
                    post("/api/v1/leads/" + leadId + "/conversion"),
                    Map.of("createContact", true, "createCompany", true, "createDeal", true))
                .andExpect(status().isOk())
                .andReturn());
    long contactId = result.get("contactId").asLong();
    long companyId = result.get("companyId").asLong();
    long dealId = result.get("dealId").asLong();

    JsonNode contact = getJson("/api/v1/contacts/" + contactId);
    assertThat(contact.get("fullName").asString()).isEqualTo("Maria Lopez");
    assertThat(contact.get("sourceLeadId").asLong()).isEqualTo(leadId);
    assertThat(contact.get("companyIds").get(0).asLong()).isEqualTo(companyId);
    assertThat(contact.get("phones").get(0).get("value").asString()).isEqualTo("+34 600 123 456");

    JsonNode company = getJson("/api/v1/companies/" + companyId);
    assertThat(company.get("name").asString()).startsWith("Lopez Trading");
    assertThat(company.get("sourceLeadId").asLong()).isEqualTo(leadId);

    JsonNode deal = getJson("/api/v1/deals/" + dealId);
    assertThat(deal.get("title").asString()).isEqualTo("Ten laptops");
    assertThat(deal.get("companyId").asLong()).isEqualTo(companyId);
    assertThat(deal.get("contactIds").get(0).asLong()).isEqualTo(contactId);
    assertThat(deal.get("sourceLeadId").asLong()).isEqualTo(leadId);
    assertThat(deal.get("responsibleId").asLong()).isEqualTo(responsible);
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("10710.00");

    JsonNode lead = getJson("/api/v1/leads/" + leadId);
    assertThat(lead.get("status").asString()).isEqualTo("CONVERTED");
    assertThat(lead.get("convertedDealId").asLong()).isEqualTo(dealId);
    assertThat(events.of(LeadConverted.class))
        .anyMatch(e -> e.leadId() == leadId && e.dealId() == dealId);
  }

  @Test
  void aJunkLeadIsNotConverted() throws Exception {
    long leadId = create("/api/v1/leads", lead("Spam " + unique())).get("id").asLong();
    send(put("/api/v1/leads/" + leadId + "/status"), Map.of("status", "JUNK"))
        .andExpect(status().isOk());
    send(post("/api/v1/leads/" + leadId + "/conversion"), Map.of("createContact", true))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("is marked as junk")));
  }

  @Test
  void aLeadIsConvertedOnlyOnce() throws Exception {
    long leadId = create("/api/v1/leads", lead("Twice " + unique())).get("id").asLong();
    send(post("/api/v1/leads/" + leadId + "/conversion"), Map.of("createContact", true))
        .andExpect(status().isOk());
    send(post("/api/v1/leads/" + leadId + "/conversion"), Map.of("createContact", true))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("was already converted")));
    send(put("/api/v1/leads/" + leadId + "/status"), Map.of("status", "NEW"))
        .andExpect(status().isConflict());
  }

  @Test
  void aFailedConversionLeavesNothingBehind() throws Exception {
    long leadId = create("/api/v1/leads", lead("Rollback " + unique())).get("id").asLong();
    send(
            post("/api/v1/leads/" + leadId + "/conversion"),
            Map.of("createContact", true, "createDeal", true, "pipelineId", 987654))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("pipelineId"));
    assertThat(getJson("/api/v1/contacts?sourceLeadId=" + leadId).get("items").size()).isZero();
    assertThat(getJson("/api/v1/leads/" + leadId).get("status").asString()).isEqualTo("NEW");
  }

  @Test
  void conversionNeedsSomethingToCreateFrom() throws Exception {
    Map<String, Object> body = lead("No company " + unique());
    body.remove("companyName");
    long leadId = create("/api/v1/leads", body).get("id").asLong();
    send(post("/api/v1/leads/" + leadId + "/conversion"), Map.of())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("createDeal"));
    send(post("/api/v1/leads/" + leadId + "/conversion"), Map.of("createCompany", true))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message", containsString("no company name")));
  }

  @Test
  void theConvertedStatusIsOnlyReachedByConversion() throws Exception {
    long leadId = create("/api/v1/leads", lead("Shortcut " + unique())).get("id").asLong();
    send(put("/api/v1/leads/" + leadId + "/status"), Map.of("status", "CONVERTED"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    send(put("/api/v1/leads/" + leadId + "/status"), Map.of("status", "MAYBE"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].message", containsString("IN_PROCESSING")));
  }

  @Test
  void statusesAreConfigurable() throws Exception {
    String code = "CALLBACK_" + unique().toUpperCase();
    create("/api/v1/lead-statuses", Map.of("code", code, "name", "Call back later"));
    long leadId = create("/api/v1/leads", lead("Later " + unique())).get("id").asLong();
    send(put("/api/v1/leads/" + leadId + "/status"), Map.of("status", code))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.statusName").value("Call back later"))
        .andExpect(jsonPath("$.statusSemantic").value("OPEN"));
  }

  @Test
  void anUnknownSourceIsNamed() throws Exception {
    Map<String, Object> body = lead("Bad source");
    body.put("source", "CARRIER_PIGEON");
    send(post("/api/v1/leads"), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("source"))
        .andExpect(jsonPath("$.errors[0].message", containsString("WEB_FORM")));
    Map<String, Object> badPhone = lead("Bad phone");
    badPhone.put("phones", List.of(Map.of("type", "MOBILE", "value", "call me")));
    send(post("/api/v1/leads"), badPhone)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("phones[0].value"));
  }

  @Test
  void leadsAreFoundByTheirPhoneAndFilteredByStatus() throws Exception {
    String digits = String.format("%08d", System.nanoTime() % 100_000_000);
    Map<String, Object> body = lead("Caller " + unique());
    body.put("phones", List.of(Map.of("type", "WORK", "value", "+44 20 " + digits)));
    long id = create("/api/v1/leads", body).get("id").asLong();
    JsonNode found = getJson("/api/v1/leads?status=NEW&q=" + digits.substring(2));
    assertThat(found.get("items").findValues("id")).extracting(JsonNode::asLong).contains(id);
    JsonNode junk = getJson("/api/v1/leads?status=JUNK&q=" + digits.substring(2));
    assertThat(junk.get("items").findValues("id")).extracting(JsonNode::asLong).doesNotContain(id);
  }

  static Map<String, Object> lead(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("firstName", "Maria");
    body.put("lastName", "Lopez");
    body.put("companyName", "Lopez Trading " + unique());
    body.put("source", "WEB_FORM");
    body.put("phones", List.of(Map.of("type", "MOBILE", "value", "+34 600 123 456")));
    body.put(
        "emails",
        List.of(
            Map.of("type", "WORK", "value", "maria@lopez.example"),
            Map.of("type", "OTHER", "value", "office@lopez.example")));
    return body;
  }
}

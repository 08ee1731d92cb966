package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactApiTests extends ApiTest {

  @Test
  void searchFindsAContactByPartOfTheEmailPhoneOrCompany() throws Exception {
    String tag = unique();
    String digits = String.format("%07d", System.nanoTime() % 10_000_000);
    long company = createCompany("Nordwind" + tag + " GmbH");
    Map<String, Object> body = contact("Jonas", "Keller");
    body.put(
        "emails",
        List.of(
            Map.of(
                "type", "WORK", "value", "jonas.keller" + tag + "@nordwind" + tag + ".example")));
    body.put("phones", List.of(Map.of("type", "MOBILE", "value", "+49 151 " + digits)));
    body.put("companyIds", List.of(company));
    long id = create("/api/v1/contacts", body).get("id").asLong();

    assertThat(search("keller" + tag)).contains(id); // local part, second word
    assertThat(search("nordwind" + tag + ".exa")).contains(id); // domain
    assertThat(search("jonas.keller" + tag + "@nordwind" + tag)).contains(id); // as typed
    assertThat(search("+49 151 " + digits.substring(0, 3))).contains(id); // phone prefix
    assertThat(search(digits.substring(2))).contains(id); // trailing digits
    assertThat(search("Nordwind" + tag)).contains(id); // company name
    assertThat(search("Keller" + tag + " nobody")).doesNotContain(id);
  }

  @Test
  void duplicatesAreFoundByEmailOrByThePhoneInAnotherFormat() throws Exception {
    String tag = unique();
    String digits = String.format("%08d", System.nanoTime() % 100_000_000);
    Map<String, Object> body = contact("Dora", "Dup");
    body.put("emails", List.of(Map.of("type", "WORK", "value", "Dora." + tag + "@Example.org")));
    body.put("phones", List.of(Map.of("type", "MOBILE", "value", "+49 151 " + digits)));
    long id = create("/api/v1/contacts", body).get("id").asLong();

    assertThat(duplicates("email", "dora." + tag + "@example.org")).contains(id);
    assertThat(duplicates("phone", "0151-" + digits.substring(0, 4) + " " + digits.substring(4)))
        .contains(id);
    assertThat(duplicates("phone", "123")).isEmpty();
    assertThat(duplicates("email", "someone.else" + tag + "@example.org")).doesNotContain(id);
  }

  List<Long> duplicates(String param, String value) throws Exception {
    JsonNode found =
        read(
            mvc.perform(get("/api/v1/contacts/duplicates").param(param, value))
                .andExpect(status().isOk())
                .andReturn());
    List<Long> ids = new ArrayList<>();
    found.forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  @Test
  void shortQueriesSearchByNamePrefix() throws Exception {
    String last = "Ng" + unique();
    long id = create("/api/v1/contacts", contact("Li", last)).get("id").asLong();
    assertThat(search("Li")).contains(id);
  }

  @Test
  void unknownCompaniesAndBadEmailsAreNamed() throws Exception {
    Map<String, Object> body = contact("Ann", "Lee");
    body.put("companyIds", List.of(987654321));
    send(post("/api/v1/contacts"), body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("companyIds"));
    Map<String, Object> badMail = contact("Ann", "Lee");
    badMail.put("emails", List.of(Map.of("type", "WORK", "value", "not-an-address")));
    send(post("/api/v1/contacts"), badMail)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("emails[0].value"));
    Map<String, Object> noName = contact(null, "Lee");
    send(post("/api/v1/contacts"), noName)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("firstName"));
  }

  @Test
  void contactsPageByLastNameWithoutGapsOrRepeats() throws Exception {
    long company = createCompany("Pager " + unique());
    String[] lastNames = {"Berg", "Adams", "Berg", "Clark", "Adams", "Berg", "Zhou"};
    for (String lastName : lastNames) {
      Map<String, Object> body = contact("P", lastName);
      body.put("companyIds", List.of(company));
      create("/api/v1/contacts", body);
    }
    List<String> seen = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          getJson(
              "/api/v1/contacts?companyId="
                  + company
                  + "&sort=lastName&limit=2"
                  + (cursor == null ? "" : "&after=" + cursor));
      page.get("items")
          .forEach(
              c -> {
                seen.add(c.get("lastName").asString());
                ids.add(c.get("id").asLong());
              });
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
    } while (cursor != null);
    assertThat(seen).containsExactly("Adams", "Adams", "Berg", "Berg", "Berg", "Clark", "Zhou");
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void aCursorOnlyWorksWithItsOwnSort() throws Exception {
    long company = createCompany("Cursor " + unique());
    for (int i = 0; i < 3; i++) {
      Map<String, Object> body = contact("C" + i, "D");
      body.put("companyIds", List.of(company));
      create("/api/v1/contacts", body);
    }
    String cursor =
        getJson("/api/v1/contacts?companyId=" + company + "&sort=lastName&limit=1")
            .get("nextCursor")
            .asString();
    mvc.perform(get("/api/v1/contacts?companyId=" + company + "&sort=-id&after=" + cursor))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("after"));
  }

  @Test
  void contactsOfACompanyExportToCsv() throws Exception {
    long company = createCompany("Csv " + unique());
    Map<String, Object> body = contact("Zoë", "Ørsted");
    body.put("companyIds", List.of(company));
    body.put("emails", List.of(Map.of("type", "WORK", "value", "zoe@orsted.example")));
    create("/api/v1/contacts", body);
    String csv =
        mvc.perform(get("/api/v1/contacts/export?companyId=" + company))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .isEqualTo(
            "id,firstName,lastName,position,phones,emails,companyIds,responsibleId,sourceLeadId,createdAt");
    assertThat(lines[1]).contains(",Zoë,Ørsted,,,zoe@orsted.example," + company + ",");
  }

  @Test
  void aContactInADealCannotBeDeleted() throws Exception {
    long contact = create("/api/v1/contacts", contact("Del", "Ete")).get("id").asLong();
    create("/api/v1/deals", Map.of("title", "Holds contact", "contactIds", List.of(contact)));
    mvc.perform(delete("/api/v1/contacts/" + contact)).andExpect(status().isConflict());
    long free = create("/api/v1/contacts", contact("Free", "Bird")).get("id").asLong();
    mvc.perform(delete("/api/v1/contacts/" + free)).andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/contacts/" + free)).andExpect(status().isNotFound());
  }

  List<Long> search(String q) throws Exception {
    JsonNode page =
        read(
            mvc.perform(get("/api/v1/contacts").param("q", q).param("limit", "200"))
                .andExpect(status().isOk())
                .andReturn());
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(c -> ids.add(c.get("id").asLong()));
    return ids;
  }

  long createCompany(String name) throws Exception {
    return create("/api/v1/companies", Map.of("name", name)).get("id").asLong();
  }

  static Map<String, Object> contact(String firstName, String lastName) {
    Map<String, Object> body = new HashMap<>();
    body.put("firstName", firstName);
    body.put("lastName", lastName);
    return body;
  }
}

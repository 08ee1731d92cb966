package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.lead.LeadCreated;
import org.flowcrm.crm.lead.LeadSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/** CSV imports as a user runs them: upload, preview, mapping, background run, report, revert. */
class ImportApiTests extends ApiTest {

  @Autowired RecordedEvents events;

  @Test
  void importsContactsReportsFailedRowsAndRevertsWhatItCreated() throws Exception {
    String u = unique();
    String csv =
        "First name,Last name,E-mail,Phone,Company,Birthday\n"
            + "Anna,Keller"
            + u
            + ",anna"
            + u
            + "@example.com,+49 151 1111,Nordwind "
            + u
            + ",03.04.1985\n"
            + "Jan,Nowak"
            + u
            + ",jan"
            + u
            + "@example.com,,Nordwind "
            + u
            + ",\n"
            + "\n"
            + "Eva,,eva@example.com,,,\n"
            + "Otto,Bad"
            + u
            + ",not-an-address,,,\n"
            + "Ida,Late"
            + u
            + ",,,,1985-04-03\n";
    JsonNode job = upload("contacts.csv", csv.getBytes(StandardCharsets.UTF_8), "CONTACT");
    long id = job.get("id").asLong();
    assertThat(job.get("status").asString()).isEqualTo("UPLOADED");
    assertThat(job.get("format").asString()).isEqualTo("CSV");

    JsonNode preview = getJson("/api/v1/imports/" + id + "/preview");
    assertThat(preview.get("encoding").asString()).isEqualTo("UTF-8");
    assertThat(preview.get("separator").asString()).isEqualTo(",");
    assertThat(preview.get("hasHeader").asBoolean()).isTrue();
    assertThat(strings(preview.get("columns")))
        .containsExactly("First name", "Last name", "E-mail", "Phone", "Company", "Birthday");
    assertThat(strings(preview.get("fields")))
        .containsExactly("firstName", "lastName", "email", "phone", "company", "birthday");
    assertThat(preview.get("rows").size()).isEqualTo(5);
    assertThat(preview.get("rows").get(0).get(0).asString()).isEqualTo("Anna");

    configure(id, Map.of("dateFormat", "dd.MM.yyyy"));
    JsonNode done = startAndWait(id);
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("total").asInt()).isEqualTo(5);
    assertThat(done.get("processed").asInt()).isEqualTo(5);
    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(done.get("failed").asInt()).isEqualTo(3);

    JsonNode failures = getJson("/api/v1/imports/" + id + "/failures");
    assertThat(failures.size()).isEqualTo(3);
    // Row numbers as a spreadsheet shows them: the header is row 1, the blank line row 4.
    assertThat(failures.get(0).get("row").asLong()).isEqualTo(5);
    assertThat(failures.get(0).get("column").asString()).isEqualTo("Last name");
    assertThat(failures.get(0).get("reason").asString()).isEqualTo("is required");
    assertThat(failures.get(1).get("row").asLong()).isEqualTo(6);
    assertThat(failures.get(1).get("column").asString()).isEqualTo("E-mail");
    assertThat(failures.get(1).get("reason").asString()).contains("email");
    assertThat(failures.get(2).get("row").asLong()).isEqualTo(7);
    assertThat(failures.get(2).get("column").asString()).isEqualTo("Birthday");
    assertThat(failures.get(2).get("reason").asString()).contains("dd.MM.yyyy");
    String report =
        mvc.perform(get("/api/v1/imports/" + id + "/failures.csv"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(report).startsWith("row,column,reason\r\n5,Last name,is required\r\n");

    JsonNode anna = getJson("/api/v1/contacts?q=Keller" + u).get("items").get(0);
    assertThat(anna.get("birthday").asString()).isEqualTo("1985-04-03");
    assertThat(anna.get("emails").get(0).get("value").asString())
        .isEqualTo("anna" + u + "@example.com");
    assertThat(anna.get("companyIds").size()).isEqualTo(1);
    long companyId = anna.get("companyIds").get(0).asLong();
    assertThat(getJson("/api/v1/companies/" + companyId).get("name").asString())
        .isEqualTo("Nordwind " + u);
    JsonNode jan = getJson("/api/v1/contacts?q=Nowak" + u).get("items").get(0);
    assertThat(jan.get("companyIds").get(0).asLong())
        .as("one company for both")
        .isEqualTo(companyId);

    JsonNode revert = read(mvc.perform(post("/api/v1/imports/" + id + "/revert")).andReturn());
    assertThat(revert.get("deleted").asInt()).isEqualTo(3);
    mvc.perform(get("/api/v1/contacts/" + anna.get("id").asLong()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/companies/" + companyId)).andExpect(status().isNotFound());
    assertThat(getJson("/api/v1/imports/" + id).get("status").asString()).isEqualTo("REVERTED");
    mvc.perform(post("/api/v1/imports/" + id + "/revert")).andExpect(status().isConflict());
  }

  @Test
  void readsPolishWindows1250FilesWithSemicolons() throws Exception {
    String u = unique();
    String csv =
        "Imię;Nazwisko;E-mail;Stanowisko\r\n"
            + "Łukasz;Żółćiński"
            + u
            + ";lukasz"
            + u
            + "@example.pl;Kierownik sprzedaży\r\n";
    byte[] bytes = csv.getBytes(Charset.forName("windows-1250"));
    long id = upload("kontakty.csv", bytes, "CONTACT").get("id").asLong();
    JsonNode preview = getJson("/api/v1/imports/" + id + "/preview");
    assertThat(preview.get("encoding").asString()).isEqualTo("windows-1250");
    assertThat(preview.get("separator").asString()).isEqualTo(";");
    assertThat(strings(preview.get("fields")))
        .containsExactly("firstName", "lastName", "email", "position");
    assertThat(preview.get("rows").get(0).get(1).asString()).isEqualTo("Żółćiński" + u);

    assertThat(startAndWait(id).get("created").asInt()).isEqualTo(1);
    JsonNode contact = getJson("/api/v1/contacts?q=lukasz" + u + "@example.pl").get("items").get(0);
    assertThat(contact.get("firstName").asString()).isEqualTo("Łukasz");
    assertThat(contact.get("position").asString()).isEqualTo("Kierownik sprzedaży");
  }

  @Test
  void skipsOrUpdatesDuplicatesByEmailAndRevertRestoresTheUpdatedContact() throws Exception {
    String u = unique();
    String email = "dup" + u + "@example.com";
    long existing =
        create(
                "/api/v1/contacts",
                Map.of(
                    "firstName",
                    "Old",
                    "lastName",
                    "Dup" + u,
                    "position",
                    "Buyer",
                    "emails",
                    List.of(Map.of("type", "WORK", "value", email))))
            .get("id")
            .asLong();
    String csv =
        "first name;last name;email;position\n"
            + "New;Dup"
            + u
            + ";"
            + email.toUpperCase()
            + ";Head of purchasing\n"
            + "Twin;One"
            + u
            + ";twin"
            + u
            + "@example.com;\n"
            + "Twin;Two"
            + u
            + ";twin"
            + u
            + "@example.com;\n";

    long skip =
        upload("dups.csv", csv.getBytes(StandardCharsets.UTF_8), "CONTACT").get("id").asLong();
    configure(skip, Map.of("duplicateMode", "SKIP", "duplicateKey", "EMAIL"));
    JsonNode skipped = startAndWait(skip);
    assertThat(skipped.get("created").asInt()).isEqualTo(1);
    assertThat(skipped.get("skipped").asInt()).as("the existing one and the twin").isEqualTo(2);
    assertThat(getJson("/api/v1/contacts/" + existing).get("position").asString())
        .isEqualTo("Buyer");

    long update =
        upload("dups.csv", csv.getBytes(StandardCharsets.UTF_8), "CONTACT").get("id").asLong();
    configure(update, Map.of("duplicateMode", "UPDATE"));
    JsonNode updated = startAndWait(update);
    assertThat(updated.get("updated").asInt()).isEqualTo(3);
    assertThat(updated.get("created").asInt()).isZero();
    JsonNode after = getJson("/api/v1/contacts/" + existing);
    assertThat(after.get("position").asString()).isEqualTo("Head of purchasing");
    assertThat(after.get("firstName").asString()).isEqualTo("New");
    assertThat(after.get("emails").size()).as("same address, not added twice").isEqualTo(1);

    JsonNode revert = read(mvc.perform(post("/api/v1/imports/" + update + "/revert")).andReturn());
    assertThat(revert.get("restored").asInt()).isEqualTo(3);
    JsonNode restored = getJson("/api/v1/contacts/" + existing);
    assertThat(restored.get("position").asString()).isEqualTo("Buyer");
    assertThat(restored.get("firstName").asString()).isEqualTo("Old");
  }

  @Test
  void remembersTheMappingForTheSameHeaderLayout() throws Exception {
    String u = unique();
    String header = "Vn" + u + ",Nn" + u + ",Ignored" + u + "\n";
    long first =
        upload("a.csv", (header + "A,B,C\n").getBytes(StandardCharsets.UTF_8), "CONTACT")
            .get("id")
            .asLong();
    JsonNode fresh = getJson("/api/v1/imports/" + first + "/preview");
    assertThat(fresh.get("mappingRemembered").asBoolean()).isFalse();
    Map<String, Object> mapping = new HashMap<>();
    mapping.put("fields", java.util.Arrays.asList("firstName", "lastName", null));
    configure(first, mapping);

    long second =
        upload("b.csv", (header + "D,E,F\n").getBytes(StandardCharsets.UTF_8), "CONTACT")
            .get("id")
            .asLong();
    JsonNode preview = getJson("/api/v1/imports/" + second + "/preview");
    assertThat(preview.get("mappingRemembered").asBoolean()).isTrue();
    assertThat(preview.get("fields").get(0).asString()).isEqualTo("firstName");
    assertThat(preview.get("fields").get(1).asString()).isEqualTo("lastName");
    assertThat(preview.get("fields").get(2).isNull()).isTrue();
  }

  @Test
  void refusesMappingsThatCannotWork() throws Exception {
    long id =
        upload("m.csv", "a,b\nx,y\n".getBytes(StandardCharsets.UTF_8), "CONTACT")
            .get("id")
            .asLong();
    send(
            put("/api/v1/imports/" + id + "/mapping"),
            Map.of("fields", List.of("firstName", "shoeSize")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[?(@.field == 'fields[1]')].message").exists())
        .andExpect(
            jsonPath("$.errors[?(@.field == 'fields')].message")
                .value(org.hamcrest.Matchers.hasItem("lastName is required: map a column to it")));
    send(put("/api/v1/imports/" + id + "/mapping"), Map.of("separator", "|"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("separator"));
    mvc.perform(post("/api/v1/imports/" + id + "/start"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("fields"));
    send(put("/api/v1/imports/" + id + "/mapping"), Map.of("duplicateMode", "SKIP"))
        .andExpect(status().isUnprocessableContent());
    long products =
        upload("p.csv", "name,price\nx,1\n".getBytes(StandardCharsets.UTF_8), "PRODUCT")
            .get("id")
            .asLong();
    send(put("/api/v1/imports/" + products + "/mapping"), Map.of("duplicateMode", "SKIP"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("duplicateMode"));
    mvc.perform(get("/api/v1/imports/999999999")).andExpect(status().isNotFound());
  }

  @Test
  void refusesFilesOverTheSizeLimitWith413() throws Exception {
    byte[] big = new byte[20 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    mvc.perform(
            multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                .param("entityType", "CONTACT"))
        .andExpect(status().isContentTooLarge())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("20 MB")));
    mvc.perform(
            multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "a.csv", "text/csv", "a\n".getBytes()))
                .param("entityType", "CUSTOMER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("entityType"));
  }

  @Test
  void importsLeadsWithTheImportSourceSoNoProcessStarts() throws Exception {
    String u = unique();
    String csv =
        "Company,First name,Last name,Email\nAcme " + u + ",Kim,Lee,kim" + u + "@acme.test\n";
    long id = upload("leads.csv", csv.getBytes(StandardCharsets.UTF_8), "LEAD").get("id").asLong();
    assertThat(strings(getJson("/api/v1/imports/" + id + "/preview").get("fields")))
        .containsExactly("companyName", "firstName", "lastName", "email");
    assertThat(startAndWait(id).get("created").asInt()).isEqualTo(1);
    JsonNode lead = getJson("/api/v1/leads?q=kim" + u + "@acme.test").get("items").get(0);
    assertThat(lead.get("title").asString()).isEqualTo("Acme " + u);
    assertThat(lead.get("source").asString()).isEqualTo("IMPORT");
    assertThat(events.of(LeadCreated.class))
        .filteredOn(e -> e.leadId() == lead.get("id").asLong())
        .singleElement()
        .extracting(LeadCreated::source)
        .isEqualTo(LeadSource.IMPORT);
  }

  @Test
  void importsProductsWithDecimalCommaAndRunsOnlyOnce() throws Exception {
    String u = unique();
    String csv = "name;price;vatRate\nWidget " + u + ";1 234,50;19\nBroken " + u + ";abc;19\n";
    long id = upload("p.csv", csv.getBytes(StandardCharsets.UTF_8), "PRODUCT").get("id").asLong();
    JsonNode done = startAndWait(id);
    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(done.get("failed").asInt()).isEqualTo(1);
    JsonNode failure = getJson("/api/v1/imports/" + id + "/failures").get(0);
    assertThat(failure.get("column").asString()).isEqualTo("price");
    assertThat(failure.get("reason").asString()).contains("not a number");
    JsonNode product = getJson("/api/v1/products?q=Widget " + u).get("items").get(0);
    assertThat(product.get("price").decimalValue()).isEqualByComparingTo("1234.50");
    mvc.perform(post("/api/v1/imports/" + id + "/start")).andExpect(status().isConflict());
  }

  @Test
  void mapsColumnsToContactCustomFieldsAndReportsABadNumberForItsRow() throws Exception {
    String u = unique();
    long hobby = customField("CONTACT", "hobby" + u, "Hobby " + u, "STRING");
    long size = customField("CONTACT", "shoeSize" + u, "Shoe size " + u, "NUMBER");
    try {
      // a semicolon file: the decimal separator is a comma, as in Polish and German files
      String header = "First name;Last name;E-mail;Hobby " + u + ";Shoe size " + u + "\n";
      String csv =
          header
              + "Ada;Sail"
              + u
              + ";ada"
              + u
              + "@example.com;Sailing;42,5\n"
              + "Bob;Chess"
              + u
              + ";;Chess;big\n"
              + "Cy;Plain"
              + u
              + ";;;38\n"
              + "Dan;Fine"
              + u
              + ";;Knitting;1,23456\n";
      long id =
          upload("custom.csv", csv.getBytes(StandardCharsets.UTF_8), "CONTACT").get("id").asLong();
      JsonNode preview = getJson("/api/v1/imports/" + id + "/preview");
      assertThat(strings(preview.get("fields")))
          .as("custom field columns are recognised by their label")
          .containsExactly("firstName", "lastName", "email", "cf.hobby" + u, "cf.shoeSize" + u);
      JsonNode offered = null;
      for (JsonNode field : preview.get("availableFields")) {
        if (field.get("name").asString().equals("cf.shoeSize" + u)) {
          offered = field;
        }
      }
      assertThat(offered).as("the custom field is offered as a target").isNotNull();
      assertThat(offered.get("kind").asString()).isEqualTo("NUMBER");
      assertThat(offered.get("label").asString()).isEqualTo("Shoe size " + u);
      assertThat(offered.get("required").asBoolean()).isFalse();
      configure(id, Map.of("fields", strings(preview.get("fields"))));

      JsonNode done = startAndWait(id);
      assertThat(done.get("created").asInt()).isEqualTo(2);
      assertThat(done.get("failed").asInt()).isEqualTo(2);
      JsonNode failures = getJson("/api/v1/imports/" + id + "/failures");
      assertThat(failures.get(0).get("row").asLong()).isEqualTo(3);
      assertThat(failures.get(0).get("column").asString()).isEqualTo("Shoe size " + u);
      assertThat(failures.get(0).get("reason").asString())
          .isEqualTo("'big' is not a number (decimal separator ',')");
      // refused by the custom field's own check when the row is saved, still named by its column
      assertThat(failures.get(1).get("row").asLong()).isEqualTo(5);
      assertThat(failures.get(1).get("column").asString()).isEqualTo("Shoe size " + u);
      assertThat(failures.get(1).get("reason").asString()).contains("4 after the decimal point");

      JsonNode ada = getJson("/api/v1/contacts?q=Sail" + u).get("items").get(0);
      assertThat(ada.get("customFields").get("hobby" + u).asString()).isEqualTo("Sailing");
      assertThat(ada.get("customFields").get("shoeSize" + u).decimalValue())
          .isEqualByComparingTo("42.5");
      JsonNode cy = getJson("/api/v1/contacts?q=Plain" + u).get("items").get(0);
      assertThat(cy.get("customFields").has("hobby" + u))
          .as("an empty cell sets nothing")
          .isFalse();
      assertThat(cy.get("customFields").get("shoeSize" + u).decimalValue())
          .isEqualByComparingTo("38");
      assertThat(getJson("/api/v1/contacts?q=Chess" + u).get("items").size()).isZero();

      // the same layout again: the mapping, custom fields included, is remembered; an update
      // changes the mapped custom field, keeps the other, and a revert puts the old value back
      String again = header + "Ada;Sail" + u + ";ada" + u + "@example.com;Rowing;\n";
      long second =
          upload("custom.csv", again.getBytes(StandardCharsets.UTF_8), "CONTACT")
              .get("id")
              .asLong();
      JsonNode remembered = getJson("/api/v1/imports/" + second + "/preview");
      assertThat(remembered.get("mappingRemembered").asBoolean()).isTrue();
      assertThat(strings(remembered.get("fields"))).contains("cf.hobby" + u, "cf.shoeSize" + u);
      configure(second, Map.of("duplicateMode", "UPDATE"));
      assertThat(startAndWait(second).get("updated").asInt()).isEqualTo(1);
      JsonNode updated = getJson("/api/v1/contacts/" + ada.get("id").asLong());
      assertThat(updated.get("customFields").get("hobby" + u).asString()).isEqualTo("Rowing");
      assertThat(updated.get("customFields").get("shoeSize" + u).decimalValue())
          .isEqualByComparingTo("42.5");
      mvc.perform(post("/api/v1/imports/" + second + "/revert")).andExpect(status().isOk());
      assertThat(
              getJson("/api/v1/contacts/" + ada.get("id").asLong())
                  .get("customFields")
                  .get("hobby" + u)
                  .asString())
          .isEqualTo("Sailing");
    } finally {
      mvc.perform(delete("/api/v1/custom-fields/" + hobby)).andExpect(status().isNoContent());
      mvc.perform(delete("/api/v1/custom-fields/" + size)).andExpect(status().isNoContent());
    }
  }

  @Test
  void refusesCustomFieldValuesOfTheWrongTypeAndRequiresRequiredOnes() throws Exception {
    String u = unique();
    long kind = customField("LEAD", "kind" + u, "Kind " + u, "LIST", "options", List.of("Hot"));
    long due = customField("LEAD", "due" + u, "Due " + u, "DATE", "required", true);
    try {
      long id =
          upload(
                  "l.csv",
                  ("Company,Kind " + u + "\nAcme" + u + ",hot\n").getBytes(StandardCharsets.UTF_8),
                  "LEAD")
              .get("id")
              .asLong();
      mvc.perform(post("/api/v1/imports/" + id + "/start"))
          .andExpect(status().isUnprocessableContent())
          .andExpect(
              jsonPath("$.errors[?(@.field == 'fields')].message")
                  .value(
                      org.hamcrest.Matchers.hasItem(
                          "cf.due" + u + " is required: map a column to it")));
      String csv =
          "Company,Kind "
              + u
              + ",Due "
              + u
              + "\nFirst"
              + u
              + ",hot,24.12.2026\nSecond"
              + u
              + ",cold,24.12.2026\nThird"
              + u
              + ",Hot,\n";
      long full = upload("l.csv", csv.getBytes(StandardCharsets.UTF_8), "LEAD").get("id").asLong();
      configure(full, Map.of("dateFormat", "dd.MM.yyyy"));
      JsonNode done = startAndWait(full);
      assertThat(done.get("created").asInt()).isEqualTo(1);
      JsonNode failures = getJson("/api/v1/imports/" + full + "/failures");
      assertThat(failures.get(0).get("column").asString()).isEqualTo("Kind " + u);
      assertThat(failures.get(0).get("reason").asString()).isEqualTo("'cold' is not one of [Hot]");
      assertThat(failures.get(1).get("column").asString()).isEqualTo("Due " + u);
      assertThat(failures.get(1).get("reason").asString()).isEqualTo("is required");
      JsonNode lead = getJson("/api/v1/leads?q=First" + u).get("items").get(0);
      assertThat(lead.get("customFields").get("kind" + u).asString()).isEqualTo("Hot");
      assertThat(lead.get("customFields").get("due" + u).asString()).isEqualTo("2026-12-24");
    } finally {
      mvc.perform(delete("/api/v1/custom-fields/" + kind)).andExpect(status().isNoContent());
      mvc.perform(delete("/api/v1/custom-fields/" + due)).andExpect(status().isNoContent());
    }
  }

  // helpers

  long customField(String entity, String code, String label, String type, Object... more)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("entity", entity);
    body.put("code", code);
    body.put("label", label);
    body.put("type", type);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return create("/api/v1/custom-fields", body).get("id").asLong();
  }

  JsonNode upload(String name, byte[] content, String entityType) throws Exception {
    return read(
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(new MockMultipartFile("file", name, "text/csv", content))
                    .param("entityType", entityType))
            .andExpect(status().isCreated())
            .andReturn());
  }

  void configure(long id, Map<String, ?> settings) throws Exception {
    send(put("/api/v1/imports/" + id + "/mapping"), settings).andExpect(status().isOk());
  }

  JsonNode startAndWait(long id) throws Exception {
    mvc.perform(post("/api/v1/imports/" + id + "/start")).andExpect(status().isAccepted());
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      JsonNode job = getJson("/api/v1/imports/" + id);
      String status = job.get("status").asString();
      if (!status.equals("RUNNING")) {
        assertThat(status).as(job.toString()).isEqualTo("DONE");
        return job;
      }
      assertThat(System.currentTimeMillis()).as("import still running").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.isNull() ? null : v.asString()));
    return values;
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/** vCard import (3.0 and 4.0, several cards in one file) and export of contacts. */
class VCardApiTests extends ApiTest {

  @Test
  void importsEveryMappedFieldOfVersion3And4Cards() throws Exception {
    String u = unique();
    String cards =
        "BEGIN:VCARD\r\n"
            + "VERSION:3.0\r\n"
            + "N:Kowalska"
            + u
            + ";Maria;;;\r\n"
            + "FN:Maria Kowalska"
            + u
            + "\r\n"
            + "ORG:Stal "
            + u
            + " Sp. z o.o.;Sales\r\n"
            + "TITLE:Purchasing manager\r\n"
            + "EMAIL;TYPE=INTERNET,WORK:maria"
            + u
            + "@stal.example\r\n"
            + "TEL;TYPE=WORK,VOICE:+48 22 123 45 67\r\n"
            + "TEL;TYPE=CELL:+48 601 234 567\r\n"
            + "ADR;TYPE=WORK:;;ul. Prosta 1;Warszawa;mazowieckie;00-850;PL\r\n"
            + "BDAY:1980-02-29\r\n"
            + "NOTE:Met at the fair\r\n"
            + "END:VCARD\r\n"
            + "BEGIN:VCARD\r\n"
            + "VERSION:4.0\r\n"
            + "FN:Jonas Berg"
            + u
            + "\r\n"
            + "N:Berg"
            + u
            + ";Jonas;;;\r\n"
            + "ORG:Stal "
            + u
            + " Sp. z o.o.\r\n"
            + "EMAIL;TYPE=home:jonas"
            + u
            + "@example.de\r\n"
            + "TEL;VALUE=uri;TYPE=\"home,voice\":tel:+49-30-1234567\r\n"
            + "ADR:;;Hauptstr. 5;Berlin;;10115;Germany\r\n"
            + "END:VCARD\r\n"
            + "BEGIN:VCARD\r\n"
            + "VERSION:4.0\r\n"
            + "FN:Nameless\r\n"
            + "EMAIL:broken-address\r\n"
            + "END:VCARD\r\n";
    JsonNode job =
        read(
            mvc.perform(
                    multipart("/api/v1/imports")
                        .file(
                            new MockMultipartFile(
                                "file",
                                "cards.vcf",
                                "text/vcard",
                                cards.getBytes(StandardCharsets.UTF_8)))
                        .param("entityType", "CONTACT"))
                .andExpect(status().isCreated())
                .andReturn());
    long id = job.get("id").asLong();
    assertThat(job.get("format").asString()).isEqualTo("VCARD");
    JsonNode preview = getJson("/api/v1/imports/" + id + "/preview");
    assertThat(preview.get("rows").size()).isEqualTo(3);
    assertThat(preview.get("columns").get(0).asString()).isEqualTo("firstName");

    mvc.perform(post("/api/v1/imports/" + id + "/start")).andExpect(status().isAccepted());
    JsonNode done = waitFor(id);
    assertThat(done.get("created").asInt()).isEqualTo(2);
    assertThat(done.get("failed").asInt()).isEqualTo(1);
    JsonNode failure = getJson("/api/v1/imports/" + id + "/failures").get(0);
    assertThat(failure.get("row").asLong()).as("the third card").isEqualTo(3);
    assertThat(failure.get("column").asString()).isIn("lastName", "email");

    JsonNode maria = getJson("/api/v1/contacts?q=Kowalska" + u).get("items").get(0);
    assertThat(maria.get("firstName").asString()).isEqualTo("Maria");
    assertThat(maria.get("position").asString()).isEqualTo("Purchasing manager");
    assertThat(maria.get("birthday").asString()).isEqualTo("1980-02-29");
    assertThat(maria.get("notes").asString()).isEqualTo("Met at the fair");
    assertThat(maria.get("emails").get(0).get("value").asString())
        .isEqualTo("maria" + u + "@stal.example");
    assertThat(maria.get("phones").size()).isEqualTo(2);
    assertThat(types(maria.get("phones"))).containsExactlyInAnyOrder("WORK", "MOBILE");
    assertThat(maria.get("address").get("city").asString()).isEqualTo("Warszawa");
    assertThat(maria.get("address").get("postalCode").asString()).isEqualTo("00-850");
    assertThat(maria.get("address").get("country").asString()).isEqualTo("PL");
    long company = maria.get("companyIds").get(0).asLong();
    assertThat(getJson("/api/v1/companies/" + company).get("name").asString())
        .isEqualTo("Stal " + u + " Sp. z o.o.");

    JsonNode jonas = getJson("/api/v1/contacts?q=Berg" + u).get("items").get(0);
    assertThat(jonas.get("companyIds").get(0).asLong()).isEqualTo(company);
    assertThat(jonas.get("phones").get(0).get("type").asString()).isEqualTo("HOME");
    assertThat(jonas.get("phones").get(0).get("value").asString()).isEqualTo("+49-30-1234567");
    assertThat(jonas.get("address").get("city").asString()).isEqualTo("Berlin");
    assertThat(jonas.get("notes").asString())
        .as("a country name has no ISO field")
        .contains("Germany");
  }

  @Test
  void exportsContactsAsVCardsThatReadBack() throws Exception {
    String u = unique();
    long company = create("/api/v1/companies", Map.of("name", "Export " + u)).get("id").asLong();
    create(
        "/api/v1/contacts",
        Map.of(
            "firstName",
            "Zofia",
            "lastName",
            "Wiśniewska",
            "position",
            "CEO",
            "companyIds",
            List.of(company),
            "emails",
            List.of(Map.of("type", "WORK", "value", "zofia" + u + "@example.pl")),
            "phones",
            List.of(Map.of("type", "MOBILE", "value", "+48 600 100 200")),
            "address",
            Map.of("city", "Kraków", "country", "PL"),
            "notes",
            "Prefers e-mail"));
    for (String version : List.of("3.0", "4.0")) {
      String vcf =
          mvc.perform(
                  get("/api/v1/contacts/export.vcf?companyId=" + company + "&version=" + version))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(vcf).contains("VERSION:" + version);
      List<VCard> cards = Ezvcard.parse(vcf).all();
      assertThat(cards).hasSize(1);
      VCard card = cards.get(0);
      assertThat(card.getStructuredName().getFamily()).isEqualTo("Wiśniewska");
      assertThat(card.getOrganization().getValues()).containsExactly("Export " + u);
      assertThat(card.getTitles().get(0).getValue()).isEqualTo("CEO");
      assertThat(card.getEmails().get(0).getValue()).isEqualTo("zofia" + u + "@example.pl");
      assertThat(card.getTelephoneNumbers().get(0).getTypes()).contains(TelephoneType.CELL);
      assertThat(card.getAddresses().get(0).getLocality()).isEqualTo("Kraków");
      assertThat(card.getNotes().get(0).getValue()).isEqualTo("Prefers e-mail");
    }
    mvc.perform(get("/api/v1/contacts/export.vcf?version=2.1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("version"));
  }

  @Test
  void refusesVCardsForOtherRecordsThanContacts() throws Exception {
    mvc.perform(
            multipart("/api/v1/imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "x.vcf",
                        "text/vcard",
                        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n".getBytes()))
                .param("entityType", "LEAD"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("entityType"));
  }

  private JsonNode waitFor(long id) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      JsonNode job = getJson("/api/v1/imports/" + id);
      if (!job.get("status").asString().equals("RUNNING")) {
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("DONE");
        return job;
      }
      assertThat(System.currentTimeMillis()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static List<String> types(JsonNode list) {
    List<String> types = new ArrayList<>();
    list.forEach(item -> types.add(item.get("type").asString()));
    return types;
  }
}

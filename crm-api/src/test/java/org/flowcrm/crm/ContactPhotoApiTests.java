package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * A vCard's PHOTO lands on the contact: inline (3.0 {@code ENCODING=b}, 4.0 {@code data:} URI),
 * served by {@code GET /api/v1/contacts/{id}/photo} with the type read from the bytes; a photo at a
 * web address, one that is no image and one over 1 MB are left out with a notice in the report (the
 * contact is still created, the row does not count as failed); a revert takes the photos with the
 * contacts; a manager does not see the photo of a contact he may not read.
 */
class ContactPhotoApiTests extends ApiTest {

  /** A real 1×1 PNG. */
  static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  @Autowired JdbcClient jdbc;

  @Test
  void photosInsideCardsLandOnTheContactsAndTheRestIsNotedInTheReport() throws Exception {
    String u = unique();
    byte[] png = Base64.getDecoder().decode(PNG_BASE64);
    byte[] jpeg = new byte[2000];
    jpeg[0] = (byte) 0xff;
    jpeg[1] = (byte) 0xd8;
    jpeg[2] = (byte) 0xff;
    byte[] huge = new byte[ContactPhotoServiceLimit.BYTES + 10];
    System.arraycopy(jpeg, 0, huge, 0, 3);
    String cards =
        card("3.0", "Png" + u, "PHOTO;ENCODING=b;TYPE=PNG:" + PNG_BASE64)
            + card("4.0", "Jpeg" + u, "PHOTO:data:image/jpeg;base64," + b64(jpeg))
            + card("4.0", "Remote" + u, "PHOTO:https://photos.example/me.jpg")
            + card("4.0", "Text" + u, "PHOTO:data:image/png;base64," + b64("hello".getBytes()))
            + card("4.0", "Huge" + u, "PHOTO:data:image/jpeg;base64," + b64(huge))
            + card("3.0", "Plain" + u, "");
    long id =
        read(mvc.perform(
                    multipart("/api/v1/imports")
                        .file(
                            new MockMultipartFile(
                                "file",
                                "photos.vcf",
                                "text/vcard",
                                cards.getBytes(StandardCharsets.UTF_8)))
                        .param("entityType", "CONTACT"))
                .andExpect(status().isCreated())
                .andReturn())
            .get("id")
            .asLong();
    // The preview describes a photo instead of showing its data.
    JsonNode preview = getJson("/api/v1/imports/" + id + "/preview");
    List<String> columns = new ArrayList<>();
    preview.get("columns").forEach(c -> columns.add(c.asString()));
    int photo = columns.indexOf("photo");
    assertThat(photo).isPositive();
    assertThat(preview.get("rows").get(0).get(photo).asString()).isEqualTo("image/png, 1 KB");
    assertThat(preview.get("rows").get(2).get(photo).asString())
        .isEqualTo("https://photos.example/me.jpg");

    mvc.perform(post("/api/v1/imports/" + id + "/start")).andExpect(status().isAccepted());
    JsonNode done = waitFor(id);
    assertThat(done.get("created").asInt()).isEqualTo(6);
    assertThat(done.get("failed").asInt()).as("notes do not fail a row").isZero();

    JsonNode notes = getJson("/api/v1/imports/" + id + "/failures");
    assertThat(notes.size()).isEqualTo(3);
    assertThat(notes.get(0).get("row").asLong()).isEqualTo(3);
    assertThat(notes.get(0).get("column").asString()).isEqualTo("PHOTO");
    assertThat(notes.get(0).get("notice").asBoolean()).isTrue();
    assertThat(notes.get(0).get("reason").asString())
        .contains("https://photos.example/me.jpg")
        .contains("web addresses are not downloaded");
    assertThat(notes.get(1).get("reason").asString())
        .isEqualTo("the photo was not imported: it is not a JPEG, PNG, GIF or WebP image");
    assertThat(notes.get(2).get("row").asLong()).isEqualTo(5);
    assertThat(notes.get(2).get("reason").asString())
        .isEqualTo("the photo was not imported: it has 1025 KB; photos up to 1024 KB are kept");

    long pngContact = contactId("Png" + u);
    byte[] served =
        mvc.perform(get("/api/v1/contacts/" + pngContact + "/photo"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/png"))
            .andExpect(header().string("Cache-Control", "max-age=300, private"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(served).isEqualTo(png);
    assertThat(
            mvc.perform(get("/api/v1/contacts/" + contactId("Jpeg" + u) + "/photo"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .isEqualTo(jpeg);
    for (String without : List.of("Remote", "Text", "Huge", "Plain")) {
      mvc.perform(get("/api/v1/contacts/" + contactId(without + u) + "/photo"))
          .andExpect(status().isNotFound())
          .andExpect(
              jsonPath("$.detail")
                  .value("Photo of contact " + contactId(without + u) + " does not exist"));
    }

    // A manager reads only his own contacts: another's photo is as unknown as the contact.
    TestUser manager = signInUser(null, "MANAGER");
    mvc.perform(get("/api/v1/contacts/" + pngContact + "/photo").with(as(manager)))
        .andExpect(status().isNotFound());

    // The revert deletes the contacts, and their photos with them.
    mvc.perform(post("/api/v1/imports/" + id + "/revert")).andExpect(status().isOk());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM crm_contact_photo WHERE contact_id = :id")
                .param("id", pngContact)
                .query(Long.class)
                .single())
        .isZero();
    mvc.perform(get("/api/v1/contacts/" + pngContact + "/photo")).andExpect(status().isNotFound());
  }

  /** The service's limit, spelled out here so that the test notices a change. */
  private static final class ContactPhotoServiceLimit {
    static final int BYTES = 1024 * 1024;
  }

  private static String card(String version, String family, String photoLine) {
    return "BEGIN:VCARD\r\nVERSION:"
        + version
        + "\r\nN:"
        + family
        + ";Anna;;;\r\nFN:Anna "
        + family
        + "\r\n"
        + (photoLine.isEmpty() ? "" : photoLine + "\r\n")
        + "END:VCARD\r\n";
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private long contactId(String family) throws Exception {
    JsonNode items = getJson("/api/v1/contacts?q=" + family).get("items");
    assertThat(items.size()).as(family).isEqualTo(1);
    return items.get(0).get("id").asLong();
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
}

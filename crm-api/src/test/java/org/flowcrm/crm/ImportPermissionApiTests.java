package org.flowcrm.crm;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Importing creates records: a role that may import contacts but not create them is refused (403
 * naming CREATE) before a file is stored; given create as well, the same upload is accepted.
 */
class ImportPermissionApiTests extends ApiTest {

  @Test
  void importingNeedsTheCreatePermissionToo() throws Exception {
    String role = "IMPORTER" + unique().toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "Importer"));
    permissions(role, List.of(Map.of("entity", "CONTACT", "action", "IMPORT", "scope", "OWN")));
    TestUser importer = signInUser(null, role);
    MockMultipartFile csv =
        new MockMultipartFile(
            "file",
            "c.csv",
            "text/csv",
            "First name,Last name\nAnna,Nowak\n".getBytes(StandardCharsets.UTF_8));

    mvc.perform(
            multipart("/api/v1/imports")
                .file(csv)
                .param("entityType", "CONTACT")
                .with(as(importer)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.action").value("CREATE"))
        .andExpect(jsonPath("$.entity").value("CONTACT"));

    permissions(
        role,
        List.of(
            Map.of("entity", "CONTACT", "action", "IMPORT", "scope", "OWN"),
            Map.of("entity", "CONTACT", "action", "CREATE", "scope", "OWN")));
    mvc.perform(
            multipart("/api/v1/imports")
                .file(csv)
                .param("entityType", "CONTACT")
                .with(as(importer)))
        .andExpect(status().isCreated());
  }

  private void permissions(String role, List<Map<String, String>> matrix) throws Exception {
    mvc.perform(
            put("/api/v1/roles/" + role + "/permissions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(matrix)))
        .andExpect(status().isOk());
  }
}

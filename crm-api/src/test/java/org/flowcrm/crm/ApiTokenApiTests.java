package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** API tokens: created once, act as their user with his exact permissions, revocable. */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenApiTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  /** Replaces the default administrator's credentials with this bearer token. */
  static RequestPostProcessor bearer(String secret) {
    return request -> {
      request.removeHeader("Authorization");
      request.addHeader("Authorization", "Bearer " + secret);
      return request;
    };
  }

  /** Creates a token as {@code user} (HTTP Basic) and returns the answer with its secret. */
  JsonNode newToken(TestUser user, Map<String, Object> body) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/api/v1/api-tokens")
                    .with(as(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(toJson(body)))
            .andExpect(status().isCreated())
            .andReturn();
    return read(result);
  }

  String secret(TestUser user) throws Exception {
    return newToken(user, Map.of("name", "Script " + unique())).get("secret").asText();
  }

  long lead(long responsibleId) throws Exception {
    return create(
            "/api/v1/leads",
            Map.of(
                "title",
                "Token lead " + unique(),
                "source",
                "PHONE",
                "responsibleId",
                responsibleId))
        .get("id")
        .asLong();
  }

  @Test
  void aManagersTokenHasExactlyHisPermissionsAsWithBasic() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    long own = lead(manager.id());
    long foreign = lead(other.id());
    String secret = secret(manager);

    mvc.perform(get("/api/v1/me").with(bearer(secret)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.login").value(manager.login()));
    mvc.perform(get("/api/v1/leads/" + own).with(bearer(secret))).andExpect(status().isOk());
    for (RequestPostProcessor credentials : List.of(bearer(secret), as(manager))) {
      mvc.perform(get("/api/v1/leads/" + foreign).with(credentials))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/api/v1/products")
                  .with(credentials)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(toJson(Map.of("name", "P " + unique(), "price", 1))))
          .andExpect(status().isForbidden());
    }
    // the list is filtered by his scope in SQL, as with Basic
    String list =
        mvc.perform(get("/api/v1/leads?q=Token").with(bearer(secret)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("\"id\":" + own).doesNotContain("\"id\":" + foreign);
  }

  @Test
  void tokenRequestsCreateNoSessionAndRecordLastUse() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    JsonNode created = newToken(manager, Map.of("name", "Last use"));
    MvcResult result =
        mvc.perform(get("/api/v1/leads").with(bearer(created.get("secret").asText())))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getRequest().getSession(false)).isNull();
    assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    JsonNode mine = read(mvc.perform(get("/api/v1/api-tokens").with(as(manager))).andReturn());
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("lastUsedAt").isNull()).isFalse();
  }

  @Test
  void aRevokedTokenIsRefusedWithAProblemDetail() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    JsonNode created = newToken(manager, Map.of("name", "Soon revoked"));
    String secret = created.get("secret").asText();
    mvc.perform(get("/api/v1/leads").with(bearer(secret))).andExpect(status().isOk());

    mvc.perform(
            delete("/api/v1/api-tokens/" + created.get("token").get("id").asLong())
                .with(as(manager)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.revokedAt").isNotEmpty());

    mvc.perform(get("/api/v1/leads").with(bearer(secret)))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
        .andExpect(jsonPath("$.detail").value(containsString("revoked")));
    mvc.perform(get("/api/v1/leads").with(bearer("fcrm_made-up")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anExpiredTokenIsRefusedAndAnExpiryInThePastIsNotAccepted() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    JsonNode created =
        newToken(
            manager,
            Map.of(
                "name", "Short", "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
    String secret = created.get("secret").asText();
    mvc.perform(get("/api/v1/leads").with(bearer(secret))).andExpect(status().isOk());

    // the day passes
    jdbc.sql("UPDATE crm_api_token SET expires_at = :past WHERE id = :id")
        .param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
        .param("id", created.get("token").get("id").asLong())
        .update();
    mvc.perform(get("/api/v1/leads").with(bearer(secret)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value(containsString("expired")));

    mvc.perform(
            post("/api/v1/api-tokens")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(Map.of("name", "Past", "expiresAt", "2020-01-01T00:00:00Z"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
    mvc.perform(
            post("/api/v1/api-tokens")
                .with(as(manager))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(Map.of("name", " "))))
        .andExpect(status().isBadRequest())
        .andExpect(
            content -> assertThat(content.getResponse().getContentAsString()).contains("name"));
  }

  @Test
  void aDeactivatedUsersTokenIsRefused() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    String secret = secret(manager);
    jdbc.sql("UPDATE crm_user SET active = FALSE WHERE id = :id")
        .param("id", manager.id())
        .update();
    mvc.perform(get("/api/v1/leads").with(bearer(secret)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value(containsString("deactivated")));
  }

  @Test
  void aTokenCannotCreateTokensForOthersNorTouchTheirs() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser other = signInUser(null, "MANAGER");
    String secret = secret(manager);
    JsonNode othersToken = newToken(other, Map.of("name", "Other's"));

    mvc.perform(
            post("/api/v1/api-tokens")
                .with(bearer(secret))
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(Map.of("name", "For him", "userId", other.id()))))
        .andExpect(status().isForbidden());
    // not even an administrator mints a secret for someone else
    mvc.perform(
            post("/api/v1/api-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(toJson(Map.of("name", "For him", "userId", other.id()))))
        .andExpect(status().isForbidden());
    JsonNode his = read(mvc.perform(get("/api/v1/api-tokens").with(as(other))).andReturn());
    assertThat(his).hasSize(1);

    long othersId = othersToken.get("token").get("id").asLong();
    mvc.perform(delete("/api/v1/api-tokens/" + othersId).with(bearer(secret)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/api-tokens?all=true").with(bearer(secret)))
        .andExpect(status().isForbidden());
    // a token creates another one for its own user
    JsonNode second =
        read(
            mvc.perform(
                    post("/api/v1/api-tokens")
                        .with(bearer(secret))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("name", "Second"))))
                .andExpect(status().isCreated())
                .andReturn());
    assertThat(second.get("token").get("userId").asLong()).isEqualTo(manager.id());
  }

  @Test
  void administratorsListAndRevokeAnyonesTokens() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    JsonNode created = newToken(manager, Map.of("name", "Audited " + unique()));
    long id = created.get("token").get("id").asLong();
    JsonNode all = getJson("/api/v1/api-tokens?all=true");
    assertThat(all.findValues("id").stream().map(JsonNode::asLong)).contains(id);

    mvc.perform(delete("/api/v1/api-tokens/" + id)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/leads").with(bearer(created.get("secret").asText())))
        .andExpect(status().isUnauthorized());
    List<String> audit =
        jdbc.sql("SELECT event_type FROM crm_audit_event WHERE principal = :login ORDER BY id")
            .param("login", manager.login())
            .query(String.class)
            .list();
    assertThat(audit).contains("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
  }

  @Test
  void theApiDescriptionShowsExamplesForTokensAndWebhooks() throws Exception {
    String description =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(description)
        .contains("/api/v1/api-tokens", "/api/v1/webhooks/{id}/deliveries")
        .contains("Nightly ERP sync", "https://erp.example.com/hooks/flowcrm", "deal.stage_changed")
        .contains("\"examples\"");
  }

  @Test
  void secretsAppearOnlyInTheCreationAnswerNeverInListsTheDatabaseOrLogs(CapturedOutput output)
      throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    JsonNode created = newToken(manager, Map.of("name", "Secret keeper"));
    String secret = created.get("secret").asText();
    assertThat(secret).startsWith("fcrm_").hasSizeGreaterThanOrEqualTo(45);
    assertThat(created.get("token").get("prefix").asText()).isEqualTo(secret.substring(0, 13));
    mvc.perform(get("/api/v1/leads").with(bearer(secret))).andExpect(status().isOk());
    mvc.perform(delete("/api/v1/api-tokens/" + created.get("token").get("id").asLong()))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/leads").with(bearer(secret))).andExpect(status().isUnauthorized());

    String mine =
        mvc.perform(get("/api/v1/api-tokens").with(as(manager)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String everyone =
        mvc.perform(get("/api/v1/api-tokens?all=true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(mine).contains("Secret keeper").doesNotContain(secret).doesNotContain("secret");
    assertThat(everyone).doesNotContain(secret);

    String stored =
        jdbc.sql("SELECT secret_hash FROM crm_api_token WHERE id = :id")
            .param("id", created.get("token").get("id").asLong())
            .query(String.class)
            .single();
    assertThat(stored)
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(secret.getBytes(StandardCharsets.UTF_8))));
    long auditMentions =
        jdbc.sql("SELECT COUNT(*) FROM crm_audit_event WHERE detail LIKE :secret")
            .param("secret", "%" + secret.substring(13) + "%")
            .query(Long.class)
            .single();
    assertThat(auditMentions).isZero();
    assertThat(output.getAll()).doesNotContain(secret.substring(13));
  }
}

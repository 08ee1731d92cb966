package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class SecurityTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  /** Replaces the default administrator credentials with none at all. */
  private static final RequestPostProcessor ANONYMOUS =
      (MockHttpServletRequest request) -> {
        request.removeHeader("Authorization");
        return request;
      };

  /** Replaces the default administrator credentials with these. */
  private static RequestPostProcessor signedInAs(String login, String password) {
    return request -> {
      request.removeHeader("Authorization");
      return httpBasic(login, password).postProcessRequest(request);
    };
  }

  @Test
  void theApiRefusesRequestsWithoutCredentialsWithAProblemDetail() throws Exception {
    mvc.perform(get("/api/v1/leads").with(ANONYMOUS))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value(containsString("Sign in")));
  }

  @Test
  void theFirstAdministratorSignsInWithThePasswordFromTheEnvironment() throws Exception {
    mvc.perform(get("/api/v1/leads")).andExpect(status().isOk());
    mvc.perform(get("/api/v1/leads").with(signedInAs("admin", "wrong-password")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void passwordsAreStoredAsSaltedHashesNeverInClear() {
    String hash =
        jdbc.sql("SELECT password_hash FROM crm_user WHERE login = 'admin'")
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("test-admin-password");
  }

  @Test
  void repeatedWrongPasswordsLockTheLoginEvenForTheRightPassword() throws Exception {
    String login = "locked" + unique();
    long id = createUser("Lock Tester");
    jdbc.sql("UPDATE crm_user SET login = :login, password_hash = :hash WHERE id = :id")
        .param("login", login)
        .param("hash", "{noop}right-password")
        .param("id", id)
        .update();
    mvc.perform(get("/api/v1/leads").with(signedInAs(login, "right-password")))
        .andExpect(status().isOk());

    for (int attempt = 0; attempt < 5; attempt++) {
      mvc.perform(get("/api/v1/leads").with(signedInAs(login, "guess-" + attempt)))
          .andExpect(status().isUnauthorized());
    }

    mvc.perform(get("/api/v1/leads").with(signedInAs(login, "right-password")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value(containsString("Too many failed sign-ins")));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM crm_audit_event WHERE principal = :login"
                        + " AND event_type = 'LOGIN_FAILED'")
                .param("login", login)
                .query(Long.class)
                .single())
        .isEqualTo(6);
  }

  @Test
  void anAdministratorSetsAPasswordWithWhichTheUserSignsInButNotOthers() throws Exception {
    long id = createUser("Password Tester");
    String login = getJson("/api/v1/users/" + id).get("login").asString();

    send(put("/api/v1/users/" + id + "/password"), Map.of("password", "short"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("password")));
    send(put("/api/v1/users/" + id + "/password"), Map.of("password", "a-good-passphrase"))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/v1/me").with(signedInAs(login, "a-good-passphrase")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.login").value(login))
        .andExpect(jsonPath("$.id").value(id));
    mvc.perform(
            put("/api/v1/users/" + adminId() + "/password")
                .with(signedInAs(login, "a-good-passphrase"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"taking-over-admin\"}"))
        .andExpect(status().isForbidden());
  }

  private long adminId() {
    return jdbc.sql("SELECT id FROM crm_user WHERE login = 'admin'").query(Long.class).single();
  }

  @Test
  void pagesNeedASignInAndFormsNeedACsrfToken() throws Exception {
    mvc.perform(get("/").with(ANONYMOUS).accept(MediaType.TEXT_HTML))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", containsString("/login")));
    mvc.perform(post("/login").with(ANONYMOUS).param("username", "admin").param("password", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void scriptsGetABasicChallengeInsteadOfTheSignInPage() throws Exception {
    mvc.perform(get("/").with(ANONYMOUS))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
  }

  @Test
  void theApiDescriptionAndHealthAreOpenWithoutSigningIn() throws Exception {
    mvc.perform(get("/v3/api-docs").with(ANONYMOUS)).andExpect(status().isOk());
  }

  @Test
  void responsesCarryTheSecurityHeaders() throws Exception {
    mvc.perform(get("/api/v1/leads"))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
  }
}

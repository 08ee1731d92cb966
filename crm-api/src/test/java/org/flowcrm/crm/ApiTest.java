package org.flowcrm.crm;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the API tests: the whole CRM on a real (embedded) MariaDB, one cached Spring context for
 * all tests. Tests make their own data (unique names) and never rely on what others created.
 */
@SpringBootTest(classes = CrmTestApplication.class)
@AutoConfigureMockMvc
public abstract class ApiTest {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000);

  @Autowired protected MockMvc mvc;
  @Autowired protected JsonMapper json;
  @Autowired private JdbcClient jdbcClient;

  /** A suffix that makes test data unique across tests and runs. */
  protected static String unique() {
    return Long.toString(SEQUENCE.incrementAndGet(), 36);
  }

  protected String toJson(Object body) {
    return body instanceof String s ? s : json.writeValueAsString(body);
  }

  protected ResultActions send(MockHttpServletRequestBuilder request, Object body)
      throws Exception {
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(toJson(body)));
  }

  /** POSTs {@code body} and expects 201 Created; returns the created record. */
  protected JsonNode create(String url, Object body) throws Exception {
    return read(send(post(url), body).andExpect(status().isCreated()).andReturn());
  }

  protected JsonNode getJson(String url) throws Exception {
    return read(mvc.perform(get(url)).andExpect(status().isOk()).andReturn());
  }

  protected JsonNode read(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }

  /** A user who signs in with HTTP Basic; {@link #as} makes a request his. */
  protected record TestUser(long id, String login, String password) {}

  /**
   * Seeds a user with these roles in this department (or none) who can sign in. The password is
   * stored as {@code {noop}} so that the hundreds of requests of the permission tests do not each
   * pay for a bcrypt check; sign-in itself is the real HTTP Basic path.
   */
  protected TestUser signInUser(Long departmentId, String... roles) throws Exception {
    String login = "t" + unique();
    long id = createUser("Test " + String.join("+", roles) + " " + login);
    String password = "pw-" + login;
    jdbc()
        .sql(
            "UPDATE crm_user SET login = :login, password_hash = :hash, department_id = :department"
                + " WHERE id = :id")
        .param("login", login)
        .param("hash", "{noop}" + password)
        .param("department", departmentId)
        .param("id", id)
        .update();
    for (String role : roles) {
      jdbc()
          .sql(
              "INSERT INTO crm_user_role (user_id, role_id) SELECT :id, r.id FROM crm_role r"
                  + " WHERE r.code = :role")
          .param("id", id)
          .param("role", role)
          .update();
    }
    return new TestUser(id, login, password);
  }

  /** Replaces the default administrator's credentials of a request with {@code user}'s. */
  protected static RequestPostProcessor as(TestUser user) {
    return request -> {
      request.removeHeader("Authorization");
      return httpBasic(user.login(), user.password()).postProcessRequest(request);
    };
  }

  /** Creates a department (as the administrator) and returns its id. */
  protected long createDepartment(String name, Long parentId) throws Exception {
    java.util.Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name + " " + unique());
    body.put("parentId", parentId);
    return create("/api/v1/departments", body).get("id").asLong();
  }

  private JdbcClient jdbc() {
    return jdbcClient;
  }

  protected long createUser(String name) throws Exception {
    return create(
            "/api/v1/users",
            java.util.Map.of(
                "login", "u" + unique(), "displayName", name, "email", "u@example.com"))
        .get("id")
        .asLong();
  }
}

package org.flowcrm.crm;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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

  protected long createUser(String name) throws Exception {
    return create(
            "/api/v1/users",
            java.util.Map.of(
                "login", "u" + unique(), "displayName", name, "email", "u@example.com"))
        .get("id")
        .asLong();
  }
}

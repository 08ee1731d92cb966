package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public entry points (web forms, invoice links and their PDF, unsubscribe pages) are served as
 * the anonymous requests they are even when a request carries an unknown or malformed {@code
 * Authorization} header: the same answer as without the header, never a 401. Signed-in endpoints
 * still refuse the same headers with 401.
 */
class PublicEndpointCredentialsTests extends ApiTest {

  private static final AtomicInteger ADDRESS = new AtomicInteger();

  /** Headers a stale client, a proxy or a browser extension might send along. */
  static final List<String> BOGUS =
      List.of(
          "Bearer not-a-token",
          "Bearer ",
          "Bearer a b c",
          "Basic not-base64!!",
          "Basic " + java.util.Base64.getEncoder().encodeToString("nobody:wrong".getBytes()),
          "Negotiate xyz");

  private static RequestPostProcessor withAuthorization(String header) {
    return (MockHttpServletRequest request) -> {
      request.removeHeader("Authorization");
      if (header != null) {
        request.addHeader("Authorization", header);
      }
      // each request its own client address, so the web forms' rate limit does not interfere
      request.setRemoteAddr(
          "10.31." + (ADDRESS.get() / 250) + "." + (ADDRESS.getAndIncrement() % 250 + 1));
      return request;
    };
  }

  @Test
  void everyPublicEndpointAnswersABogusAuthorizationHeaderAsIfItWereAbsent() throws Exception {
    String form =
        create(
                "/api/v1/web-forms",
                Map.of(
                    "name",
                    "Public " + unique(),
                    "fields",
                    List.of(
                        Map.of("field", "LAST_NAME", "label", "Last name", "required", true),
                        Map.of("field", "EMAIL", "label", "E-mail", "required", true))))
            .get("publicToken")
            .asString();
    String invoice =
        create("/api/v1/invoices", Map.of("title", "Public invoice " + unique()))
            .get("publicToken")
            .asString();
    Map<String, java.util.function.Supplier<MockHttpServletRequestBuilder>> endpoints =
        new LinkedHashMap<>();
    endpoints.put("GET web form", () -> get("/public/forms/" + form));
    endpoints.put(
        "POST web form",
        () ->
            post("/public/forms/" + form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("last_name", "Public" + unique())
                .param("email", "public" + unique() + "@example.org"));
    endpoints.put("GET invoice link", () -> get("/api/v1/public/invoices/" + invoice));
    endpoints.put("GET invoice PDF", () -> get("/api/v1/public/invoices/" + invoice + "/pdf"));
    endpoints.put("GET unknown invoice", () -> get("/api/v1/public/invoices/guessed-token"));
    endpoints.put("GET unsubscribe page", () -> get("/api/v1/public/unsubscribe/made-up-token"));
    endpoints.put("POST unsubscribe", () -> post("/api/v1/public/unsubscribe/made-up-token"));

    List<String> failures = new ArrayList<>();
    for (var endpoint : endpoints.entrySet()) {
      int anonymous =
          mvc.perform(endpoint.getValue().get().with(withAuthorization(null)))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(anonymous).as(endpoint.getKey() + " without a header").isNotIn(401, 403, 500);
      for (String header : BOGUS) {
        int status =
            mvc.perform(endpoint.getValue().get().with(withAuthorization(header)))
                .andReturn()
                .getResponse()
                .getStatus();
        if (status != anonymous) {
          failures.add(
              endpoint.getKey() + " with '" + header + "': " + status + " instead of " + anonymous);
        }
      }
    }
    assertThat(failures).isEmpty();
    // the real answers, so the comparison above compared something worth having
    assertThat(
            mvc.perform(
                    get("/api/v1/public/invoices/" + invoice).with(withAuthorization(BOGUS.get(0))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Public invoice")
        .doesNotContain("\"id\"");
    assertThat(
            mvc.perform(
                    get("/api/v1/public/invoices/" + invoice + "/pdf")
                        .with(withAuthorization(BOGUS.get(0))))
                .andReturn()
                .getResponse()
                .getContentType())
        .isEqualTo(MediaType.APPLICATION_PDF_VALUE);
  }

  @Test
  void signedInEndpointsStillRefuseTheSameHeaders() throws Exception {
    for (String header : BOGUS) {
      for (String path : List.of("/api/v1/leads", "/api/v1/activities", "/api/v1/tasks")) {
        assertThat(
                mvc.perform(get(path).with(withAuthorization(header)))
                    .andReturn()
                    .getResponse()
                    .getStatus())
            .as(path + " with '" + header + "'")
            .isEqualTo(401);
      }
    }
  }
}

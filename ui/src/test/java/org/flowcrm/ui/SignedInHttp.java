package org.flowcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client that signs in through the login form like a browser: a session cookie, the
 * CSRF token taken from the page and sent with every form post. Redirects are not followed, so a
 * test sees them.
 */
public final class SignedInHttp {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-password";

  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http;

  public SignedInHttp(int port) {
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Signs in as the administrator; fails the test when the login form does not accept him. */
  public SignedInHttp signIn() throws Exception {
    HttpResponse<String> signedIn =
        postFormWithToken(
            "/login",
            "username=" + ADMIN + "&password=" + ADMIN_PASSWORD,
            csrfFrom(get("/login").body()));
    assertThat(signedIn.statusCode()).as("sign-in redirect").isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse(""))
        .doesNotContain("error")
        .doesNotContain("/login");
    return this;
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form with a CSRF token taken from the home page (any page of the session will do). */
  public HttpResponse<String> postForm(String path, String form, String... headers)
      throws Exception {
    return postFormWithToken(path, form, csrfFrom(get("/").body()), headers);
  }

  public HttpResponse<String> postFormWithoutToken(String path, String form) throws Exception {
    return send(path, form, null);
  }

  private HttpResponse<String> postFormWithToken(
      String path, String form, String csrf, String... headers) throws Exception {
    return send(path, form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), headers);
  }

  private HttpResponse<String> send(String path, String form, String[] headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers != null && headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static String csrfFrom(String page) {
    Matcher m = CSRF_FIELD.matcher(page);
    assertThat(m.find()).as("the page carries a CSRF token").isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }
}

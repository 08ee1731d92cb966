package org.flowcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.flowcrm.ui.process.RecordingProcessDeployments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server side of the pages over plain HTTP: status codes, fragments, assets, escaping. */
@SpringBootTest(classes = UiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PagesIT {

  @LocalServerPort int port;
  @Autowired RecordingProcessDeployments deployments;

  private SignedInHttp http;

  @BeforeEach
  void signIn() throws Exception {
    deployments.reset();
    http = new SignedInHttp(port).signIn();
  }

  @Test
  void pagesNeedSignInAndPostsNeedTheToken() throws Exception {
    SignedInHttp anonymous = new SignedInHttp(port);
    // A browser (asking for HTML) is sent to the login page; scripts get crm-api's 401.
    HttpResponse<String> home = anonymous.get("/", "Accept", "text/html");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> login = anonymous.get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body())
        .contains("class=\"signin-form\"")
        .contains("name=\"_csrf\"")
        .doesNotContain("aria-label=\"Main\"");
    // Signed in, a form post without the CSRF token is refused before it reaches the page.
    assertThat(
            http.postFormWithoutToken("/processes/ui-test-lead/deployments", "xml=x").statusCode())
        .isEqualTo(403);
    assertThat(deployments.received()).isEmpty();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    return http.get(path, headers);
  }

  private HttpResponse<String> postForm(String path, String form) throws Exception {
    return http.postForm(path, form, "HX-Request", "true");
  }

  @Test
  void homeIsRenderedWithTheLayout() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(home.body())
        .contains("<html lang=\"en\">")
        .contains("aria-live=\"polite\"")
        .contains("My tasks today")
        .contains("/vendor/htmx/htmx.min.js");
  }

  @Test
  void browserLanguageChoosesPolish() throws Exception {
    HttpResponse<String> home = get("/", "Accept-Language", "pl-PL,pl;q=0.9,en;q=0.5");
    assertThat(home.body()).contains("<html lang=\"pl\">").contains("Moje zadania na dziś");
    HttpResponse<String> german = get("/", "Accept-Language", "de-DE");
    assertThat(german.body()).contains("<html lang=\"en\">").contains("My tasks today");
  }

  @Test
  void vendorAssetsAreServedFromTheJar() throws Exception {
    for (String asset :
        new String[] {
          "/vendor/htmx/htmx.min.js",
          "/vendor/camunda-bpmn-js/camunda-cloud-modeler.production.min.js",
          "/vendor/camunda-bpmn-js/camunda-cloud-navigated-viewer.production.min.js",
          "/vendor/camunda-bpmn-js/assets/camunda-cloud-modeler.css",
          "/vendor/camunda-bpmn-js/assets/bpmn-font/css/bpmn-embedded.css",
          "/vendor/versions.json",
          "/css/flowcrm.css",
          "/js/flowcrm.js"
        }) {
      assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
    }
    assertThat(get("/vendor/versions.json").body())
        .contains("\"camunda-bpmn-js\": \"5.30.2\"")
        .contains("\"htmx.org\": \"2.");
  }

  @Test
  void listsTheModelsOnTheClasspath() throws Exception {
    HttpResponse<String> list = get("/processes");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("UI test lead follow-up")
        .contains("href=\"/processes/ui-test-lead/edit\"");
  }

  @Test
  void servesTheDiagramAndTheElementTemplates() throws Exception {
    HttpResponse<String> xml = get("/processes/ui-test-lead/diagram.bpmn");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("<bpmn:process id=\"ui-test-lead\"");

    HttpResponse<String> templates = get("/processes/element-templates.json");
    assertThat(templates.statusCode()).isEqualTo(200);
    assertThat(templates.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(templates.body())
        .startsWith("[")
        .contains("\"id\":\"org.flowcrm.test.send-mail\"")
        .contains("\"id\":\"org.flowcrm.test.create-task\"");
  }

  @Test
  void unknownProcessIsNotFoundOnTheErrorPage() throws Exception {
    HttpResponse<String> page = get("/processes/no-such-process/edit", "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("This page does not exist.").contains("class=\"app-nav\"");
    assertThat(get("/processes/..%2Fsecret/diagram.bpmn").statusCode()).isIn(400, 404);
  }

  @Test
  void deployAnswersWithAFragment() throws Exception {
    String xml = get("/processes/ui-test-lead/diagram.bpmn").body();
    HttpResponse<String> deployed =
        postForm(
            "/processes/ui-test-lead/deployments",
            "xml=" + URLEncoder.encode(xml, StandardCharsets.UTF_8));
    assertThat(deployed.statusCode()).isEqualTo(200);
    assertThat(deployed.body())
        .doesNotContain("<html")
        .contains("Deployed ui-test-lead, version 1.");
    assertThat(deployments.received())
        .singleElement()
        .satisfies(r -> assertThat(r.xml()).isEqualTo(xml));
  }

  @Test
  void emptyDeployIsRefusedWithoutCallingTheEngine() throws Exception {
    HttpResponse<String> empty = postForm("/processes/ui-test-lead/deployments", "xml=");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("There is no diagram to deploy.");
    assertThat(deployments.received()).isEmpty();
  }

  @Test
  void theEnginesWordsAreEscaped() throws Exception {
    deployments.refuseNext("Bad <model>", "Element: Task_Call <script>alert(1)</script>");
    HttpResponse<String> refused =
        postForm("/processes/ui-test-lead/deployments", "xml=%3Cx%2F%3E");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Bad &lt;model&gt;")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert")
        .contains("data-error-elements=\"Task_Call\"");
  }
}

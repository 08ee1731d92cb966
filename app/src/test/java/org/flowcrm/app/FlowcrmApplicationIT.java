package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.flowcrm.FlowcrmApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    classes = FlowcrmApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FlowcrmApplicationIT {

  @LocalServerPort int port;

  @Autowired JavaMailSender mailSender;

  @Test
  void healthReportsUpWithDatabaseAndEngine() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .header("Authorization", basic("admin", "test-admin-password"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    DocumentContext health = JsonPath.parse(response.body());
    assertThat(health.read("$.status", String.class)).isEqualTo("UP");
    assertThat(health.read("$.components.db.status", String.class)).isEqualTo("UP");
    assertThat(health.read("$.components.db.details.database", String.class)).isEqualTo("MariaDB");
    assertThat(health.read("$.components.engine.status", String.class)).isEqualTo("UP");
    assertThat(health.read("$.components.camundaClient.status", String.class)).isEqualTo("UP");
  }

  @Test
  void withoutSigningInHealthShowsTheStatusButNoDetails() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("MariaDB");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void mailSentWithoutConfiguredServerLandsInTheMailCatcher() throws Exception {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom("crm@flowcrm.local");
    mail.setTo("anna@example.com");
    mail.setSubject("Your offer");
    mail.setText("Hello Anna");

    mailSender.send(mail);

    assertThat(MailCatcherEnvironmentPostProcessor.catcher().waitForIncomingEmail(5000, 1))
        .isTrue();
    assertThat(MailCatcherEnvironmentPostProcessor.catcher().getReceivedMessages())
        .anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("Your offer"));
  }

  @Test
  void aMailToTheCrmsAddressThroughTheCatcherBecomesALead() throws Exception {
    String name = "Inbox" + Long.toString(System.nanoTime(), 36);
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(name + " Buyer <" + name.toLowerCase() + "@buyer.example>");
    mail.setTo("crm@flowcrm.local");
    mail.setSubject("Quote please");
    mail.setText("Please send a quote for 10 seats.");
    mailSender.send(mail);

    // the poller reads the catcher's IMAP mailbox on its own; "poll now" spares the wait
    HttpResponse<String> polled =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/mail/inbound/poll"))
                    .header("Authorization", basic("admin", "test-admin-password"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);

    HttpResponse<String> leads =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/leads?q=" + name))
                    .header("Authorization", basic("admin", "test-admin-password"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(leads.statusCode()).as(leads.body()).isEqualTo(200);
    DocumentContext found = JsonPath.parse(leads.body());
    assertThat(found.read("$.items.length()", Integer.class)).isEqualTo(1);
    assertThat(found.read("$.items[0].source", String.class)).isEqualTo("EMAIL");
  }
}

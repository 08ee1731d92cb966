package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.app.ScenarioSupport.basic;
import static org.flowcrm.app.ScenarioSupport.eventually;
import static org.flowcrm.app.ScenarioSupport.recipients;
import static org.flowcrm.app.ScenarioSupport.subject;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.FlowcrmApplication;
import org.flowcrm.crm.activity.ActivityFilter;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.StageChangeView;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.lead.LeadFilter;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.notification.NotificationView;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sales team's main scenario, end to end, in the assembled application: a visitor fills in the
 * web form on the company's site, lead processing assigns and notifies a manager, who qualifies the
 * lead, calls the client twice and converts it; deal execution then takes the deal through first
 * call, offer (quote mailed), negotiation, invoice (mailed with its PDF), payment (the invoice is
 * marked paid) and courier delivery (a called process) to won. Everything runs through the real
 * Camunda client against the embedded engine, the real workers, MariaDB and the mail catcher; the
 * test plays the people: the visitor (HTTP), the manager and the courier (user tasks completed
 * through the client, as the task inbox does) and the accountant (marks the invoice paid).
 */
@SpringBootTest(
    classes = FlowcrmApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SalesLifecycleIT {

  private static final String ADMIN_PASSWORD = "test-admin-password";

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired LeadService leads;
  @Autowired DealService deals;
  @Autowired InvoiceService invoices;
  @Autowired ActivityService activities;
  @Autowired NotificationService notifications;
  @Autowired UserService users;
  @Autowired UserDetailsService userDetails;
  @Autowired JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private ScenarioSupport people;

  /** The test reads the CRM as the administrator, as a manager would on his cards. */
  @BeforeEach
  void signIn() {
    UserDetails admin = userDetails.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    people = new ScenarioSupport(client);
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aWebFormLeadIsQualifiedCalledTwiceConvertedAndItsDealIsWonAfterPaymentAndDelivery()
      throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String email = "olga." + u + "@example.com";
    GreenMail mailbox = MailCatcherEnvironmentPostProcessor.catcher();
    int mailsBefore = mailbox.getReceivedMessages().length;

    // The visitor submits the company's web form.
    String token = createWebForm("Contact us " + u);
    HttpResponse<String> submitted =
        http.send(
            HttpRequest.newBuilder(url("/public/forms/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(
                            Map.of(
                                "first_name",
                                "Olga",
                                "last_name",
                                "Nowak " + u,
                                "company_name",
                                "Nowak Trading " + u,
                                "email",
                                email,
                                "message",
                                "Please send an offer for 20 chairs"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isBetween(200, 303);

    // Lead processing starts for it, assigns a manager, notifies him and waits for qualification.
    LeadView lead =
        eventually(
            () ->
                leads
                    .list(
                        new LeadFilter(null, LeadSource.WEB_FORM, null, u),
                        new ListRequest(null, 10, null))
                    .items()
                    .stream()
                    .findFirst()
                    .filter(l -> l.process() != null)
                    .orElse(null));
    assertThat(lead.source().name()).isEqualTo("WEB_FORM");
    long leadInstance = lead.process().instanceKey();
    UserTask qualify = people.openTask(leadInstance, "qualify-lead");
    LeadView assigned = leads.get(lead.id());
    assertThat(assigned.responsibleId()).isNotNull();
    UserView manager = users.get(assigned.responsibleId());
    assertThat(qualify.getAssignee()).isEqualTo(manager.login());
    assertThat(qualify.getDueDate()).isNotNull();
    assertThat(
            eventually(
                () ->
                    notificationsOf(manager).stream()
                        .filter(n -> new ItemLink(ItemType.LEAD, lead.id()).equals(n.item()))
                        .findFirst()
                        .orElse(null)))
        .isNotNull();

    // Qualified as "needs work": the manager calls, agrees a repeat call a few seconds later, then
    // calls again and converts.
    people.complete(qualify, Map.of("qualification", "needsWork"));
    people.complete(
        people.openTask(leadInstance, "call-client"),
        Map.of(
            "qualification",
            "needsWork",
            "callNotes",
            "Busy, call back",
            "nextCallAt",
            Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString()));
    people.complete(
        people.openTask(leadInstance, "call-client"),
        Map.of("qualification", "convert", "callNotes", "Wants 20 chairs, send an offer"));

    LeadView converted =
        eventually(
            () -> {
              LeadView l = leads.get(lead.id());
              return l.convertedDealId() != null ? l : null;
            });
    assertThat(converted.status()).isEqualTo("CONVERTED");
    assertThat(converted.convertedContactId()).isNotNull();
    List<ActivityView> calls =
        eventually(
            () -> {
              List<ActivityView> found =
                  activities
                      .list(
                          new ActivityFilter(
                              ActivityType.CALL,
                              null,
                              null,
                              null,
                              ItemType.LEAD,
                              lead.id(),
                              null,
                              null),
                          new ListRequest(null, 10, null))
                      .items();
              return found.size() == 2 ? found : null;
            });
    assertThat(calls).hasSize(2);

    // Deal execution drives the deal; each milestone is a pipeline stage.
    long dealId = converted.convertedDealId();
    DealView deal = eventually(() -> dealWithProcess(dealId));
    long dealInstance = deal.process().instanceKey();
    people.complete(
        people.openTask(dealInstance, "first-call"),
        Map.of("firstCallNotes", "Needs them by Friday"));
    people.complete(
        people.openTask(dealInstance, "negotiation"), Map.of("negotiationOutcome", "agreed"));

    // The invoice was created and mailed; the accountant registers the payment.
    InvoiceView invoice =
        eventually(
            () ->
                invoices
                    .list(
                        new InvoiceFilter(null, dealId, null, null, null),
                        new ListRequest(null, 10, null))
                    .items()
                    .stream()
                    .filter(i -> i.status() == InvoiceStatus.SENT)
                    .findFirst()
                    .orElse(null));
    eventually(() -> stageOf(dealId).equals("PAYMENT") ? true : null);
    invoices.changeStatus(invoice.id(), InvoiceStatus.PAID, null);

    // Courier delivery, a process the deal's process calls: the courier delivers.
    UserTask deliver = people.courierTaskOf(dealInstance);
    assertThat(deliver.getCandidateGroups()).containsExactly("couriers");
    people.complete(
        deliver, Map.of("deliveryResult", "delivered", "deliveryNote", "left at reception"));

    // Won, with every stage on the deal's history, and the client got the quote and the invoice.
    eventually(() -> stageOf(dealId).equals("WON") ? true : null);
    List<String> stages =
        deals.stageHistory(dealId).stream().map(StageChangeView::toStageName).toList();
    assertThat(stages)
        .containsSubsequence(
            "First call", "Offer", "Negotiation", "Invoice", "Payment", "Delivery", "Won");
    List<MimeMessage> toClient =
        Arrays.stream(mailbox.getReceivedMessages())
            .skip(mailsBefore)
            .filter(m -> recipients(m).contains(email))
            .toList();
    assertThat(toClient).hasSize(2);
    MimeMessage invoiceMail =
        toClient.stream()
            .filter(m -> subject(m).contains(invoice.number()))
            .findFirst()
            .orElseThrow();
    assertThat(invoiceMail.getContent()).isInstanceOf(MimeMultipart.class);
    assertThat(
            eventually(
                () ->
                    notificationsOf(manager).stream()
                        .filter(n -> new ItemLink(ItemType.DEAL, dealId).equals(n.item()))
                        .filter(n -> n.title().startsWith("Delivered"))
                        .findFirst()
                        .orElse(null)))
        .isNotNull();
  }

  // ---- the people's tools

  private String createWebForm(String name) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of(
                "name",
                name,
                "fields",
                List.of(
                    Map.of("field", "FIRST_NAME", "label", "First name", "required", true),
                    Map.of("field", "LAST_NAME", "label", "Last name", "required", true),
                    Map.of("field", "COMPANY_NAME", "label", "Company", "required", false),
                    Map.of("field", "EMAIL", "label", "E-mail", "required", true),
                    Map.of("field", "MESSAGE", "label", "Message", "required", false))));
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(url("/api/v1/web-forms"))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode form = json.readTree(created.body());
    return form.get("publicToken").asString();
  }

  private DealView dealWithProcess(long dealId) {
    DealView deal = deals.get(dealId);
    return deal.process() != null ? deal : null;
  }

  private String stageOf(long dealId) {
    return deals.get(dealId).stageCode();
  }

  private List<NotificationView> notificationsOf(UserView user) {
    return notifications.mine(user.id(), false, new ListRequest(null, 50, null)).items();
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String form(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }
}

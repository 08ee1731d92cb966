package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.permission.SystemUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Outgoing webhooks against a real HTTP receiver on a local port. The test configuration polls
 * every 100 ms and retries after 300 ms, 600 ms (3 attempts), so retries take about a second.
 */
class WebhookApiTests extends ApiTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired LeadService leads;
  @Autowired SystemUser systemUser;
  @Autowired TransactionTemplate transactions;

  /** What the receiver got: headers (lower-case names) and the body as sent. */
  record Received(Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private HttpServer server;

  /** Every request of the test, in arrival order (senders run in parallel: any order). */
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** Status codes to answer in turn; 200 once they are used up. */
  private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

  private final List<Long> subscriptions = new ArrayList<>();

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
          received.add(new Received(headers, body));
          Integer status = answers.poll();
          int code = status == null ? 200 : status;
          byte[] answer =
              (code == 200 ? "thanks" : "boom " + code).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(code, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopReceiverAndUnsubscribe() throws Exception {
    for (long id : subscriptions) {
      mvc.perform(delete("/api/v1/webhooks/" + id));
    }
    server.stop(0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  long subscribe(String secret, String... events) throws Exception {
    long id =
        create(
                "/api/v1/webhooks",
                Map.of("url", url(), "events", List.of(events), "secret", secret, "active", true))
            .get("id")
            .asLong();
    subscriptions.add(id);
    return id;
  }

  /** The first {@code count} requests for this event of this record, within {@link #WAIT}. */
  List<Received> awaitRequests(String event, long recordId, int count) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<Received> matching = List.of();
    while (System.nanoTime() < deadline) {
      matching = requests(event, recordId);
      if (matching.size() >= count) {
        return matching.subList(0, count);
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the receiver got " + matching.size() + " of " + count + " " + event + " within " + WAIT);
  }

  List<Received> requests(String event, long recordId) {
    return received.stream()
        .filter(
            r -> {
              JsonNode body = json.readTree(r.body());
              return body.get("event").asText().equals(event)
                  && body.get("data").get("id").asLong() == recordId;
            })
        .toList();
  }

  Received awaitEvent(String event, long recordId) throws Exception {
    return awaitRequests(event, recordId, 1).get(0);
  }

  JsonNode awaitDelivery(long webhookId, String status) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode deliveries = null;
    while (System.nanoTime() < deadline) {
      deliveries = getJson("/api/v1/webhooks/" + webhookId + "/deliveries");
      if (deliveries.size() > 0 && deliveries.get(0).get("status").asText().equals(status)) {
        return deliveries.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no delivery became " + status + ": " + deliveries);
  }

  long lead(String title) throws Exception {
    return create("/api/v1/leads", Map.of("title", title, "source", "PHONE")).get("id").asLong();
  }

  static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCreatedLeadIsPostedSignedWithTheSubscriptionsSecret() throws Exception {
    String secret = "s3cret-" + unique() + "-0123456789";
    long webhook = subscribe(secret, "lead.created");
    String title = "Hooked lead " + unique();
    long id = lead(title);

    Received request = awaitEvent("lead.created", id);
    assertThat(request.header("X-Flowcrm-Event")).isEqualTo("lead.created");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    String timestamp = request.header("X-Flowcrm-Timestamp");
    assertThat(Long.parseLong(timestamp))
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    assertThat(request.header("X-Flowcrm-Signature"))
        .isEqualTo("sha256=" + hmac(secret, timestamp + "." + request.body()))
        .isNotEqualTo(
            "sha256=" + hmac("another-secret-0123456789", timestamp + "." + request.body()));
    JsonNode body = json.readTree(request.body());
    assertThat(body.get("id").asText()).hasSize(36);
    assertThat(body.get("occurredAt").asText()).isNotBlank();
    assertThat(body.get("data").get("title").asText()).isEqualTo(title);

    JsonNode delivery = awaitDelivery(webhook, "DELIVERED");
    assertThat(delivery.get("deliveryId").asText()).isEqualTo(request.header("X-Flowcrm-Delivery"));
    assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    assertThat(delivery.get("lastResponseCode").asInt()).isEqualTo(200);
    assertThat(delivery.get("lastResponseBody").asText()).isEqualTo("thanks");
    // the secret is never shown again
    String shown =
        mvc.perform(get("/api/v1/webhooks/" + webhook))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(shown).doesNotContain(secret);
  }

  @Test
  void aFailedAttemptIsRetriedWithTheSameBodyAndDeliveryId() throws Exception {
    long webhook = subscribe("retry-secret-0123456789", "contact.created");
    answers.add(500);
    long contact =
        create("/api/v1/contacts", Map.of("firstName", "Retry " + unique())).get("id").asLong();

    List<Received> attempts = awaitRequests("contact.created", contact, 2);
    Received first = attempts.get(0);
    Received second = attempts.get(1);
    assertThat(second.header("X-Flowcrm-Delivery")).isEqualTo(first.header("X-Flowcrm-Delivery"));
    assertThat(second.body()).isEqualTo(first.body());

    JsonNode delivery = awaitDelivery(webhook, "DELIVERED");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
    assertThat(delivery.get("lastResponseCode").asInt()).isEqualTo(200);
    Thread.sleep(1000);
    assertThat(requests("contact.created", contact)).as("no third attempt").hasSize(2);
  }

  @Test
  void afterTheLastAttemptADeliveryFailsAndCanBeRedelivered() throws Exception {
    long webhook = subscribe("failing-secret-0123456789", "company.created");
    answers.addAll(List.of(503, 503, 503));
    long company =
        create("/api/v1/companies", Map.of("name", "Down " + unique())).get("id").asLong();

    JsonNode failed = awaitDelivery(webhook, "FAILED");
    assertThat(failed.get("attempts").asInt()).isEqualTo(3);
    assertThat(failed.get("lastResponseCode").asInt()).isEqualTo(503);
    assertThat(failed.get("lastResponseBody").asText()).isEqualTo("boom 503");
    assertThat(failed.get("nextAttemptAt").isNull()).isTrue();
    assertThat(requests("company.created", company)).hasSize(3);

    mvc.perform(
            post(
                "/api/v1/webhooks/"
                    + webhook
                    + "/deliveries/"
                    + failed.get("id").asLong()
                    + "/redelivery"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PENDING"));
    Received again = awaitRequests("company.created", company, 4).get(3);
    assertThat(again.header("X-Flowcrm-Delivery")).isEqualTo(failed.get("deliveryId").asText());
    assertThat(awaitDelivery(webhook, "DELIVERED").get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aRolledBackChangeSendsNothing() throws Exception {
    long webhook = subscribe("rollback-secret-0123456789", "lead.created");
    String doomed = "Doomed " + unique();
    try {
      transactions.executeWithoutResult(
          status ->
              systemUser.runAs(
                  () -> {
                    leads.create(
                        new LeadCommand(
                            doomed,
                            null,
                            null,
                            null,
                            null,
                            null,
                            LeadSource.PHONE,
                            null,
                            null,
                            null,
                            null,
                            null));
                    throw new IllegalStateException("the change fails after the lead was saved");
                  }));
    } catch (IllegalStateException expected) {
      // rolled back
    }
    long kept = lead("Kept " + unique());
    Received request = awaitEvent("lead.created", kept);
    assertThat(request.body()).doesNotContain(doomed);
    JsonNode deliveries = getJson("/api/v1/webhooks/" + webhook + "/deliveries");
    assertThat(deliveries).hasSize(1);
    assertThat(deliveries.get(0).get("recordId").asLong()).isEqualTo(kept);
    Thread.sleep(1000);
    // at least once: a slow answer may be sent again, but only ever the committed lead
    assertThat(received).isNotEmpty().allMatch(r -> r.body().contains("Kept "));
  }

  @Test
  void updatesStageChangesWinsAndPaymentsAreAnnounced() throws Exception {
    subscribe(
        "events-secret-0123456789",
        "lead.updated",
        "deal.stage_changed",
        "deal.won",
        "invoice.paid");
    long lead = lead("Changing " + unique());
    send(
            put("/api/v1/leads/" + lead).header("If-Match", "*"),
            Map.of("title", "Changed " + unique(), "source", "PHONE"))
        .andExpect(status().isOk());
    Received updated = awaitEvent("lead.updated", lead);
    assertThat(json.readTree(updated.body()).get("data").get("title").asText())
        .startsWith("Changed");

    JsonNode stages = getJson("/api/v1/pipelines").get(0).get("stages");
    long won = 0;
    for (JsonNode stage : stages) {
      if (stage.get("semantic").asText().equals("WON")) {
        won = stage.get("id").asLong();
      }
    }
    long deal =
        create("/api/v1/deals", Map.of("title", "Hook deal " + unique(), "visibleToAll", false))
            .get("id")
            .asLong();
    send(put("/api/v1/deals/" + deal + "/stage"), Map.of("stageId", won))
        .andExpect(status().isOk());
    JsonNode changed = json.readTree(awaitEvent("deal.stage_changed", deal).body());
    assertThat(changed.get("change").get("toStageId").asLong()).isEqualTo(won);
    assertThat(changed.get("change").get("semantic").asText()).isEqualTo("WON");
    assertThat(json.readTree(awaitEvent("deal.won", deal).body()).get("data").get("id").asLong())
        .isEqualTo(deal);

    long invoice =
        create("/api/v1/invoices", Map.of("title", "Hook invoice " + unique())).get("id").asLong();
    send(put("/api/v1/invoices/" + invoice + "/status"), Map.of("status", "SENT"))
        .andExpect(status().isOk());
    send(put("/api/v1/invoices/" + invoice + "/status"), Map.of("status", "PAID"))
        .andExpect(status().isOk());
    JsonNode paid = json.readTree(awaitEvent("invoice.paid", invoice).body());
    assertThat(paid.get("change").get("number").asText()).isNotBlank();
  }

  @Test
  void invalidSubscriptionsNameTheField() throws Exception {
    send(
            post("/api/v1/webhooks"),
            Map.of(
                "url",
                "ftp://example.com/x",
                "events",
                List.of("lead.created"),
                "secret",
                "long-enough-secret-0001"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("url"))
        .andExpect(
            jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("http")));
    send(
            post("/api/v1/webhooks"),
            Map.of(
                "url",
                "https://example.com/x",
                "events",
                List.of("lead.created", "deal.moved"),
                "secret",
                "long-enough-secret-0001"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("events[1]"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.containsString("deal.moved")));
    send(
            post("/api/v1/webhooks"),
            Map.of(
                "url",
                "https://example.com/x",
                "events",
                List.of("lead.created"),
                "secret",
                "short"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("secret"));
  }

  @Test
  void onlyAdministratorsManageWebhooks() throws Exception {
    TestUser director = signInUser(null, "DIRECTOR");
    long webhook = subscribe("admin-only-secret-0123", "lead.created");
    mvc.perform(get("/api/v1/webhooks").with(as(director))).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/webhooks/" + webhook + "/deliveries").with(as(director)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/webhooks")
                .with(as(director))
                .contentType("application/json")
                .content(
                    toJson(
                        Map.of(
                            "url",
                            url(),
                            "events",
                            List.of("lead.created"),
                            "secret",
                            "director-secret-0123456"))))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/webhooks/" + webhook).with(as(director)))
        .andExpect(status().isForbidden());
  }
}

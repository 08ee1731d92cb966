package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.app.ApplicationCrash.POINTS;
import static org.flowcrm.app.ApplicationCrash.onJobThread;
import static org.flowcrm.app.ScenarioSupport.recipients;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.FlowcrmApplication;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadConverted;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.notification.NotificationCreated;
import org.flowcrm.crm.onlinestore.StoreOrderService;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.mariadb.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * "Kill the app in the middle, restart, and the scenario finishes with nothing duplicated": the
 * sales scenario (lead → qualify → two calls → convert → deal staged through offer, invoice,
 * payment, courier delivery → won, plus a second lead qualified as junk) in the whole application
 * (engine, workers, CRM), stopped three times and started again on the same MariaDB database:
 *
 * <ol>
 *   <li>right after {@code crm.notify} committed the second lead's "lead assigned" notification,
 *       before the job completed, while the first lead waits on its repeat-call timer;
 *   <li>right after {@code crm.create-entity} converted the first lead, before the job completed;
 *   <li>while the deal waits for the "invoice paid" message, and an online-store order taken in
 *       through the intake waits for its first call; after the restart the store sends the same
 *       order again, which must update that deal rather than create a second one.
 * </ol>
 *
 * <p>Each start of the application takes long on a loaded machine, so the crash points share
 * restarts rather than having one each.
 *
 * <p>A crash point ({@link ApplicationCrash}) blocks the job's handler thread after the side
 * effect's commit (an after-commit listener of the event the side effect publishes), so the job is
 * never completed by that application; the next one gets it again when its activation times out
 * (set to a few seconds). The end state is checked for duplicates in the CRM's tables and in the
 * mail catcher. {@link DealCrashAndRestartIT} does the same for the phone-deal and online-store
 * scenarios and a kanban move.
 */
class CrashAndRestartIT {

  private static final String DATABASE = "flowcrm_crash_" + (System.nanoTime() % 1_000_000);
  private static String jdbcUrl;

  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    SecurityContextHolder.clearContext();
    if (app != null) {
      app.close();
    }
    POINTS.release();
  }

  @Test
  void theSalesScenarioSurvivesThreeCrashesWithNothingDuplicated() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String email = "crash." + u + "@example.com";
    String secondTitle = "Second lead " + u;

    // 1. lead 1 waits on its repeat-call timer; lead 2's "assigned" notification is written, then
    //    the application dies before that job completes
    start();
    long leadId = leadService().create(lead("Crash test " + u, email)).id();
    long leadInstance = eventually(() -> leadService().get(leadId).process()).instanceKey();
    people().complete(openTask(leadInstance, "qualify-lead"), Map.of("qualification", "needsWork"));
    people()
        .complete(
            openTask(leadInstance, "call-client"),
            Map.of(
                "qualification",
                "needsWork",
                "callNotes",
                "Busy, call back",
                "nextCallAt",
                Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS).toString()));
    eventually(() -> people().openTasks(leadInstance, "call-client").isEmpty() ? true : null);
    ApplicationCrash.Point secondNotified =
        POINTS.arm(
            ApplicationCrash.NOTIFICATION_CREATED,
            e ->
                onJobThread()
                    && ((NotificationCreated) e).notification().title().contains(secondTitle));
    long secondId = leadService().create(lead(secondTitle, "second." + u + "@example.com")).id();
    crashWhenReached(secondNotified);

    // 2. lead 2's notify job is redelivered; the timer of lead 1 fires; lead 1 is converted and
    //    the application dies right after the conversion, before that job completes
    ApplicationCrash.Point converted =
        POINTS.arm(
            ApplicationCrash.LEAD_CONVERTED,
            e -> onJobThread() && ((LeadConverted) e).leadId() == leadId);
    start();
    long secondInstance = eventually(() -> leadService().get(secondId).process()).instanceKey();
    people()
        .complete(
            openTask(secondInstance, "qualify-lead"),
            Map.of("qualification", "junk", "qualificationReason", "test"));
    people()
        .complete(
            eventually(
                () ->
                    people().openTasks(leadInstance, "call-client").stream()
                        .findFirst()
                        .orElse(null)),
            Map.of("qualification", "convert", "callNotes", "Wants an offer"));
    crashWhenReached(converted);

    // 3. the conversion job is redelivered; the deal runs through first call, offer, negotiation
    //    and invoice; the application dies while the deal waits for the payment
    start();
    long dealId = eventually(() -> leadService().get(leadId).convertedDealId());
    long dealInstance = eventually(() -> dealService().get(dealId).process()).instanceKey();
    people().complete(openTask(dealInstance, "first-call"), Map.of("firstCallNotes", "Friday"));
    people()
        .complete(openTask(dealInstance, "negotiation"), Map.of("negotiationOutcome", "agreed"));
    InvoiceView invoice =
        eventually(
            () ->
                bean(InvoiceService.class)
                    .list(
                        new InvoiceFilter(null, dealId, null, null, null),
                        new ListRequest(null, 10, null))
                    .items()
                    .stream()
                    .filter(i -> i.status() == InvoiceStatus.SENT)
                    .findFirst()
                    .orElse(null));
    eventually(() -> "PAYMENT".equals(dealService().get(dealId).stageCode()) ? true : null);
    //    the online-store scenario is in the middle as well: an order taken in through the intake
    //    (CommerceML over HTTP) whose deal waits for its first call
    String store = "crash-" + u;
    String orderId = "CR-" + u;
    String orderXml =
        DealScenarioIT.storeOrderXml(
            orderId,
            "store." + u + "@example.com",
            product("Crash desk " + u, "899.00"),
            product("Crash arm " + u, "79.90"));
    HttpResponse<String> taken = postStoreOrder(store, orderXml);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
    long storeDealId = bean(StoreOrderService.class).status(store, orderId).dealId();
    long storeInstance = eventually(() -> dealService().get(storeDealId).process()).instanceKey();
    openTask(storeInstance, "first-call");
    crash();

    // 4. the payment arrives after the restart; the courier delivers; the deal is won. The store,
    //    which never heard back before the crash, sends the same order again.
    start();
    HttpResponse<String> resent = postStoreOrder(store, orderXml);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
    assertThat(bean(StoreOrderService.class).status(store, orderId).dealId())
        .isEqualTo(storeDealId);
    bean(InvoiceService.class).changeStatus(invoice.id(), InvoiceStatus.PAID, null);
    UserTask deliver = eventually(() -> people().courierTaskOf(dealInstance));
    people().complete(deliver, Map.of("deliveryResult", "delivered", "deliveryNote", "ok"));
    eventually(() -> "WON".equals(dealService().get(dealId).stageCode()) ? true : null);
    eventually(() -> "JUNK".equals(leadService().get(secondId).status()) ? true : null);

    // nothing twice
    JdbcTemplate db = bean(JdbcTemplate.class);
    assertThat(count(db, "SELECT COUNT(*) FROM crm_contact WHERE source_lead_id = ?", leadId))
        .as("contacts from the lead")
        .isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM crm_deal WHERE source_lead_id = ?", leadId))
        .as("deals from the lead")
        .isEqualTo(1);
    for (long lead : List.of(leadId, secondId)) {
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM crm_notification WHERE item_type = 'LEAD' AND item_id = ?",
                  lead))
          .as("'lead assigned' notifications of lead " + lead)
          .isEqualTo(1);
    }
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM crm_notification WHERE item_type = 'DEAL' AND item_id = ?"
                    + " AND title LIKE 'Delivered%'",
                dealId))
        .as("'delivered' notifications")
        .isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM crm_quote WHERE deal_id = ?", dealId))
        .as("quotes")
        .isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM crm_invoice WHERE deal_id = ?", dealId))
        .as("invoices")
        .isEqualTo(1);
    List<String> stages =
        db.queryForList(
            "SELECT to_stage_name FROM crm_deal_stage_history WHERE deal_id = ? ORDER BY id",
            String.class,
            dealId);
    assertThat(stages).as("stage history").doesNotHaveDuplicates();
    assertThat(stages)
        .containsSubsequence(
            "First call", "Offer", "Negotiation", "Invoice", "Payment", "Delivery", "Won");
    assertThat(
            db.queryForList(
                "SELECT CONCAT(t.process_instance_key, ':', t.process_element_id) FROM crm_task t"
                    + " JOIN crm_task_link l ON l.task_id = t.id"
                    + " WHERE l.item_type = 'DEAL' AND l.item_id = ?",
                String.class,
                dealId))
        .as("CRM tasks of the deal's process steps")
        .doesNotHaveDuplicates();
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM crm_outbound_mail WHERE recipients LIKE ?",
                "%" + email + "%"))
        .as("mails recorded to the client")
        .isEqualTo(2);
    GreenMail mailbox = MailCatcherEnvironmentPostProcessor.catcher();
    List<MimeMessage> toClient =
        Arrays.stream(mailbox.getReceivedMessages())
            .filter(m -> recipients(m).contains(email))
            .toList();
    assertThat(toClient).as("mails the client received (quote, invoice)").hasSize(2);
    assertThat(people().tasks(leadInstance, "qualify-lead")).hasSize(1);
    assertThat(people().tasks(leadInstance, "call-client")).hasSize(2);
    assertThat(people().tasks(secondInstance, "qualify-lead")).hasSize(1);
    assertThat(people().tasks(dealInstance, "first-call")).hasSize(1);
    // the re-sent store order: one order, one deal, one process with one first call
    assertThat(count(db, "SELECT COUNT(*) FROM crm_store_order WHERE store_code = ?", store))
        .as("store orders")
        .isEqualTo(1);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM crm_deal WHERE title = ?",
                "Online store order " + orderId + " (" + store + ")"))
        .as("deals of the store order")
        .isEqualTo(1);
    assertThat(dealService().get(storeDealId).process().instanceKey()).isEqualTo(storeInstance);
    assertThat(people().openTasks(storeInstance, "first-call")).hasSize(1);
  }

  private ProductView product(String name, String price) {
    return bean(ProductService.class)
        .create(
            new ProductCommand(
                name, null, null, true, new BigDecimal(price), null, "pcs", null, null));
  }

  /** An order sent the way a store sends it: CommerceML over HTTP, as the integration user. */
  private HttpResponse<String> postStoreOrder(String store, String xml) throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/store-orders?store=" + store))
                .header(
                    "Authorization", ScenarioSupport.basic("admin", ScenarioSupport.ADMIN_PASSWORD))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static LeadCommand lead(String title, String email) {
    return new LeadCommand(
        title,
        "Rita",
        "Restart",
        "Restart Ltd",
        null,
        null,
        LeadSource.WEB_FORM,
        null,
        null,
        null,
        List.of(new Email(EmailType.WORK, email)),
        null);
  }

  // ---- starting and killing the application

  private void start() throws Exception {
    if (jdbcUrl == null) {
      jdbcUrl = database();
    }
    app =
        new SpringApplicationBuilder(FlowcrmApplication.class, ApplicationCrash.Hooks.class)
            .profiles("test")
            .run(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--server.port=0",
                // a job whose application died is handed out again after this
                "--camunda.client.worker.defaults.timeout=PT4S",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--logging.file.name=target/logs/crash-and-restart-it.log");
    UserDetails admin = bean(UserDetailsService.class).loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
  }

  /** Waits until the armed crash point holds a job thread after its side effect, then dies. */
  private void crashWhenReached(ApplicationCrash.Point point) throws Exception {
    assertThat(POINTS.awaitReached(point)).as("crash point reached: " + point).isTrue();
    crash();
  }

  private void crash() {
    SecurityContextHolder.clearContext();
    app.close();
    app = null;
    POINTS.release(); // the blocked handler of the dead application fails, it never completes
  }

  /** A database of its own on the tests' MariaDB server, shared by every start of this test. */
  private static String database() throws Exception {
    EmbeddedMariaDb server = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("flowcrm"));
    String base = "jdbc:mariadb://127.0.0.1:" + server.port() + "/";
    try (Connection c = DriverManager.getConnection(base, server.username(), server.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + DATABASE + "`");
    }
    return base + DATABASE;
  }

  private <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** The open user task at the element, once the process reaches it. */
  private UserTask openTask(long instance, String elementId) {
    return eventually(
        () -> people().openTasks(instance, elementId).stream().findFirst().orElse(null));
  }

  private LeadService leadService() {
    return bean(LeadService.class);
  }

  private DealService dealService() {
    return bean(DealService.class);
  }

  private ScenarioSupport people() {
    return new ScenarioSupport(bean(CamundaClient.class));
  }

  /** Like the scenarios' wait, but patient: a restarted application warms up slowly. */
  private static <T> T eventually(java.util.concurrent.Callable<T> probe) {
    return org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(180))
        .pollInSameThread()
        .pollInterval(java.time.Duration.ofMillis(200))
        .ignoreExceptions()
        .until(probe, v -> v != null);
  }

  private static int count(JdbcTemplate db, String sql, Object... args) {
    Integer n = db.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}

package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.app.ApplicationCrash.POINTS;
import static org.flowcrm.app.ApplicationCrash.onJobThread;
import static org.flowcrm.app.ScenarioSupport.recipients;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.flowcrm.FlowcrmApplication;
import org.flowcrm.app.ApplicationCrash.Call;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealStageChanged;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView.StageView;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailRequest;
import org.flowcrm.crm.onlinestore.StoreOrderService;
import org.flowcrm.crm.onlinestore.StoreOrderView;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.product.ProductCommand;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.quote.QuoteFilter;
import org.flowcrm.crm.quote.QuoteService;
import org.flowcrm.crm.quote.QuoteStatus;
import org.flowcrm.crm.quote.QuoteView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.shared.ProductRow;
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
 * "Kill the app in the middle, restart, and the scenario finishes with nothing duplicated" for the
 * deals that do not come from a lead ({@link DealScenarioIT}'s scenarios), in the whole application
 * (engine, workers, CRM), killed twice and started again on the same MariaDB database:
 *
 * <ol>
 *   <li>the <b>phone deal</b> (catalog products, a discount, the offer revised once) dies right
 *       after {@code crm.create-entity} committed its first quote, before the job completed; and,
 *       at the same moment, a manager's <b>kanban move</b> of another deal from First call to Offer
 *       dies after the process accepted it (the message correlated) but before the CRM's
 *       transaction recorded the new stage;
 *   <li>the phone deal dies right after {@code crm.send-mail} sent the invoice and recorded it,
 *       before the job completed; and, at the same moment, the <b>online-store order</b>
 *       (CommerceML intake, an item dropped on the call) dies right after {@code crm.log-activity}
 *       wrote the courier's failed first attempt, before that job completed.
 * </ol>
 *
 * <p>After the last start the phone deal and the store order are paid, delivered and won, and the
 * kanban deal waits in negotiation. Checked against the CRM's tables, the engine's user tasks and
 * the mail catcher: one quote per offer round and one invoice, every mail once, one stage-history
 * row per move, a timeline without duplicates, one contact and one deal for the order, one courier
 * task for the delivery and one "Deliver order" task per attempt; the kanban deal moved to Offer
 * exactly once (by the process after the restart, the manager's transaction having died with the
 * application) and its process is where its stage says.
 *
 * <p>Two crash points share each restart (a start is slow on a loaded machine). See {@link
 * ApplicationCrash} for how a point holds the application's thread until it is closed. Jobs whose
 * application died come back after their activation timeout, set to 10 s: shorter than a restart,
 * longer than the moments between two crash points, so a held job is not handed to a live thread of
 * the application about to die.
 */
class DealCrashAndRestartIT {

  private static final String DATABASE = "flowcrm_dealcrash_" + (System.nanoTime() % 1_000_000);
  private static String jdbcUrl;

  private final HttpClient http = HttpClient.newHttpClient();
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
  void thePhoneDealTheStoreOrderAndAKanbanMoveSurviveCrashesWithNothingDuplicated()
      throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String phoneEmail = "piotr." + u + "@example.com";
    String storeEmail = "anna." + u + "@example.com";
    String kanbanEmail = "jan." + u + "@example.com";
    String store = "crash-web-" + u;
    String orderId = "CW-" + u;

    // 1. Three deals: the phone deal, the store order and the deal the manager will drag.
    start();
    ProductView chair = product("Crash chair " + u, "120.00");
    ProductView desk = product("Crash desk " + u, "450.00");
    ProductView standingDesk = product("Crash standing desk " + u, "899.00");
    ProductView monitorArm = product("Crash monitor arm " + u, "79.90");
    ProductView lamp = product("Crash lamp " + u, "35.00");
    long phoneDealId =
        dealService()
            .create(
                deal(
                    "Crash phone order " + u,
                    DealType.GOODS,
                    contact("Piotr", "Crash " + u, phoneEmail),
                    List.of(row(chair, "20", "10"), row(desk, "5", "0"))))
            .id();
    HttpResponse<String> taken =
        postStoreOrder(
            store, DealScenarioIT.storeOrderXml(orderId, storeEmail, standingDesk, monitorArm));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
    StoreOrderView intake = bean(StoreOrderService.class).status(store, orderId);
    long storeDealId = intake.dealId();
    long kanbanDealId =
        dealService()
            .create(
                deal(
                    "Crash kanban deal " + u,
                    DealType.SALE,
                    contact("Jan", "Crash " + u, kanbanEmail),
                    List.of(row(lamp, "4", "0"))))
            .id();
    long phoneInstance = instanceOf(phoneDealId);
    long storeInstance = instanceOf(storeDealId);
    long kanbanInstance = instanceOf(kanbanDealId);
    openTask(kanbanInstance, "first-call");
    eventually(() -> "FIRST_CALL".equals(stageOf(kanbanDealId)) ? true : null);

    //    The phone deal's first call is done: the quote is created and the application dies
    //    before that job completes. At the same time the manager drags the other deal to Offer:
    //    the process accepts the move, and the application dies before the CRM commits it.
    ApplicationCrash.Point quoteCreated =
        POINTS.arm(
            ApplicationCrash.QUOTE_CREATED,
            c -> onJobThread() && ((Call) c).result(QuoteView.class).dealId() == phoneDealId);
    ApplicationCrash.Point moveAccepted =
        POINTS.arm(
            ApplicationCrash.STAGE_CHANGE_BEFORE_COMMIT,
            e ->
                !onJobThread()
                    && ((DealStageChanged) e).dealId() == kanbanDealId
                    && "OFFER".equals(((DealStageChanged) e).toStageCode()));
    people()
        .complete(
            openTask(phoneInstance, "first-call"),
            Map.of("firstCallNotes", "20 chairs and 5 desks", "productsConfirmed", true));
    // the manager's browser never hears back: the answer is lost with the application
    http.sendAsync(moveByHand(kanbanDealId, stage("OFFER")), HttpResponse.BodyHandlers.ofString())
        .exceptionally(e -> null);
    crashWhenReached(quoteCreated, moveAccepted);

    // 2. The quote job comes back and reuses its quote; the client asks for a better offer (5 %),
    //    agrees, and the invoice is mailed; the application dies before that job completes. The
    //    store order meanwhile goes through its call (one item dropped), invoice and payment; the
    //    courier finds nobody at the door, and the application dies right after the failed
    //    attempt is written on the timeline, before that job completes.
    start();
    UserTask storeCall = openTask(storeInstance, "first-call");
    dropItem(storeDealId, standingDesk.id());
    people().complete(storeCall, Map.of("firstCallNotes", "No monitor arms after all"));
    people()
        .complete(openTask(storeInstance, "negotiation"), Map.of("negotiationOutcome", "agreed"));
    InvoiceView storeInvoice = eventually(() -> sentInvoiceOf(storeDealId));
    eventually(() -> "PAYMENT".equals(stageOf(storeDealId)) ? true : null);
    bean(InvoiceService.class).changeStatus(storeInvoice.id(), InvoiceStatus.PAID, null);
    UserTask firstAttempt = eventually(() -> people().findCourierTask(storeInstance));
    long courierInstance = firstAttempt.getProcessInstanceKey();

    UserTask negotiation = openTask(phoneInstance, "negotiation");
    people()
        .complete(negotiation, Map.of("negotiationOutcome", "reviseOffer", "discountPercent", 5));
    eventually(() -> quotesOf(phoneDealId, QuoteStatus.SENT).size() == 2 ? true : null);
    UserTask secondNegotiation =
        eventually(
            () ->
                people().openTasks(phoneInstance, "negotiation").stream()
                    .filter(t -> !t.getUserTaskKey().equals(negotiation.getUserTaskKey()))
                    .findFirst()
                    .orElse(null));
    ApplicationCrash.Point invoiceMailed =
        POINTS.arm(
            ApplicationCrash.MAIL_SENT,
            c -> {
              MailRequest mail = ((Call) c).argument(0, MailRequest.class);
              return onJobThread()
                  && mail.template().equals("deal.invoice")
                  && mail.entityId() == phoneDealId;
            });
    ApplicationCrash.Point failureLogged =
        POINTS.arm(
            ApplicationCrash.ACTIVITY_RECORDED,
            c -> {
              ActivityCommand entry = ((Call) c).argument(0, ActivityCommand.class);
              return onJobThread()
                  && entry.subject().startsWith("Delivery failed")
                  && entry.links().stream()
                      .anyMatch(l -> l.type() == ItemType.DEAL && l.id() == storeDealId);
            });
    people().complete(secondNegotiation, Map.of("negotiationOutcome", "agreed"));
    people()
        .complete(
            firstAttempt, Map.of("deliveryResult", "failed", "deliveryNote", "nobody at the door"));
    crashWhenReached(invoiceMailed, failureLogged);

    // 3. The mail job comes back (nothing is sent again); the payment arrives; the courier
    //    delivers the phone deal, and the store order on the second attempt: both are won.
    start();
    eventually(() -> "PAYMENT".equals(stageOf(phoneDealId)) ? true : null);
    InvoiceView phoneInvoice = sentInvoiceOf(phoneDealId);
    assertThat(phoneInvoice).as("the phone deal's invoice, sent").isNotNull();
    bean(InvoiceService.class).changeStatus(phoneInvoice.id(), InvoiceStatus.PAID, null);
    UserTask phoneDelivery = eventually(() -> people().findCourierTask(phoneInstance));
    people()
        .complete(
            phoneDelivery,
            Map.of("deliveryResult", "delivered", "deliveryNote", "signed by the client"));
    UserTask secondAttempt =
        eventually(
            () ->
                people().openTasks(courierInstance, "deliver-order").stream()
                    .filter(t -> !t.getUserTaskKey().equals(firstAttempt.getUserTaskKey()))
                    .findFirst()
                    .orElse(null));
    people()
        .complete(
            secondAttempt,
            Map.of("deliveryResult", "delivered", "deliveryNote", "left with neighbour"));
    eventually(() -> "WON".equals(stageOf(phoneDealId)) ? true : null);
    eventually(() -> "WON".equals(stageOf(storeDealId)) ? true : null);
    eventually(() -> "NEGOTIATION".equals(stageOf(kanbanDealId)) ? true : null);

    JdbcTemplate db = bean(JdbcTemplate.class);
    GreenMail mailbox = MailCatcherEnvironmentPostProcessor.catcher();

    // the phone deal: one quote per offer round, one invoice, each mailed once
    assertThat(stageNames(db, phoneDealId))
        .as("stage history of the phone deal")
        .containsExactly(
            "New",
            "First call",
            "Offer",
            "Negotiation",
            "Offer",
            "Negotiation",
            "Invoice",
            "Payment",
            "Delivery",
            "Won");
    List<QuoteView> quotes = quotesOf(phoneDealId, null);
    assertThat(quotes)
        .as("quotes of the phone deal, one per offer round")
        .extracting(q -> q.amount().setScale(2).toPlainString())
        .containsExactlyInAnyOrder("4410.00", "4297.50");
    assertThat(count(db, "SELECT COUNT(*) FROM crm_invoice WHERE deal_id = ?", phoneDealId))
        .as("invoices of the phone deal")
        .isEqualTo(1);
    List<String> phoneSubjects = mailSubjectsTo(mailbox, phoneEmail);
    assertThat(phoneSubjects).as("mails the phone client received").hasSize(3);
    for (String number :
        List.of(quotes.get(0).number(), quotes.get(1).number(), phoneInvoice.number())) {
      assertThat(phoneSubjects).filteredOn(s -> s.contains(number)).as(number).hasSize(1);
    }
    assertThat(mailsRecordedTo(db, phoneEmail))
        .as("mails recorded to the phone client")
        .isEqualTo(3);
    assertThat(timeline(db, phoneDealId)).as("timeline of the phone deal").doesNotHaveDuplicates();
    assertThat(people().tasks(phoneInstance, "first-call")).hasSize(1);
    assertThat(people().tasks(phoneInstance, "negotiation")).hasSize(2);
    assertThat(deliveredNotifications(db, phoneDealId)).isEqualTo(1);

    // the store order: one deal, one contact, one courier task, one "Deliver order" per attempt
    assertThat(stageNames(db, storeDealId))
        .as("stage history of the store order")
        .containsExactly(
            "New", "First call", "Offer", "Negotiation", "Invoice", "Payment", "Delivery", "Won");
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
    assertThat(bean(ContactService.class).findDuplicates(List.of(storeEmail), List.of()))
        .as("contacts with the buyer's e-mail")
        .hasSize(1);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM crm_task t JOIN crm_task_link l ON l.task_id = t.id"
                    + " WHERE l.item_type = 'DEAL' AND l.item_id = ?"
                    + " AND t.process_element_id = 'create-courier-task'",
                storeDealId))
        .as("CRM courier tasks of the store order")
        .isEqualTo(1);
    assertThat(people().tasks(courierInstance, "deliver-order"))
        .as("'Deliver order' tasks, one per attempt")
        .hasSize(2);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM crm_activity a"
                    + " JOIN crm_activity_link l ON l.activity_id = a.id"
                    + " WHERE l.item_type = 'DEAL' AND l.item_id = ? AND a.subject LIKE ?",
                storeDealId,
                "Delivery failed%"))
        .as("failed attempts on the timeline")
        .isEqualTo(1);
    assertThat(timeline(db, storeDealId)).as("timeline of the store order").doesNotHaveDuplicates();
    assertThat(mailSubjectsTo(mailbox, storeEmail)).as("mails the buyer received").hasSize(2);
    assertThat(mailsRecordedTo(db, storeEmail)).as("mails recorded to the buyer").isEqualTo(2);
    assertThat(deliveredNotifications(db, storeDealId)).isEqualTo(1);

    // the kanban move: recorded once, by the process after the restart; the process agrees
    assertThat(stageNames(db, kanbanDealId))
        .as("stage history of the dragged deal")
        .containsExactly("New", "First call", "Offer", "Negotiation");
    assertThat(
            db.queryForList(
                "SELECT u.login FROM crm_deal_stage_history h JOIN crm_user u ON u.id = h.changed_by"
                    + " WHERE h.deal_id = ? AND h.to_stage_name = 'Offer'",
                String.class,
                kanbanDealId))
        .as("who recorded the move: the manager's transaction died with the application")
        .containsExactly(SystemUser.LOGIN);
    assertThat(quotesOf(kanbanDealId, null)).as("quotes of the dragged deal").hasSize(1);
    assertThat(mailSubjectsTo(mailbox, kanbanEmail)).as("mails to its client").hasSize(1);
    assertThat(people().tasks(kanbanInstance, "first-call")).hasSize(1);
    assertThat(people().openTasks(kanbanInstance, "first-call")).isEmpty();
    assertThat(people().openTasks(kanbanInstance, "negotiation")).hasSize(1);
    assertThat(dealService().get(kanbanDealId).process().elementId())
        .as("the step the CRM shows on the dragged deal")
        .isEqualTo("enter-negotiation");
  }

  // ---- the people's moves

  /** On the call the client drops every item but {@code keptProductId}; the manager edits. */
  private void dropItem(long dealId, long keptProductId) {
    DealView current = dealService().get(dealId);
    dealService()
        .update(
            dealId,
            new DealCommand(
                current.title(),
                null,
                null,
                null,
                current.currency(),
                current.probability(),
                current.expectedCloseDate(),
                current.type(),
                current.responsibleId(),
                current.visibleToAll(),
                current.companyId(),
                current.contactIds(),
                current.rows().stream()
                    .filter(r -> Long.valueOf(keptProductId).equals(r.productId()))
                    .map(
                        r ->
                            new ProductRow(
                                r.productId(),
                                r.name(),
                                r.quantity(),
                                r.price(),
                                r.discountPercent(),
                                r.taxPercent()))
                    .toList()),
            current.version());
  }

  /** The manager drags the card: {@code PUT /deals/{id}/stage}, as the kanban sends it. */
  private HttpRequest moveByHand(long dealId, long stageId) {
    DealView deal = dealService().get(dealId);
    return HttpRequest.newBuilder(URI.create(base() + "/api/v1/deals/" + dealId + "/stage"))
        .header("Authorization", ScenarioSupport.basic("admin", ScenarioSupport.ADMIN_PASSWORD))
        .header("Content-Type", "application/json")
        .header("If-Match", "\"" + deal.version() + "\"")
        .timeout(Duration.ofSeconds(120))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"stageId\":" + stageId + "}"))
        .build();
  }

  /** An order sent the way a store sends it: CommerceML over HTTP, as the integration user. */
  private HttpResponse<String> postStoreOrder(String store, String xml) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/store-orders?store=" + store))
            .header("Authorization", ScenarioSupport.basic("admin", ScenarioSupport.ADMIN_PASSWORD))
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  private long stage(String code) {
    return bean(PipelineService.class).defaultPipeline().stages().stream()
        .filter(s -> s.code().equals(code))
        .map(StageView::id)
        .findFirst()
        .orElseThrow();
  }

  private ProductView product(String name, String price) {
    return bean(ProductService.class)
        .create(
            new ProductCommand(
                name, null, null, true, new BigDecimal(price), null, "pcs", null, null));
  }

  private long contact(String firstName, String lastName, String email) {
    return bean(ContactService.class)
        .create(
            new ContactCommand(
                firstName,
                lastName,
                null,
                null,
                null,
                List.of(),
                List.of(new Email(EmailType.WORK, email)),
                List.of(),
                null,
                null))
        .id();
  }

  private static DealCommand deal(
      String title, DealType type, long contactId, List<ProductRow> rows) {
    return new DealCommand(
        title,
        null,
        null,
        null,
        null,
        null,
        null,
        type,
        null,
        null,
        null,
        List.of(contactId),
        rows);
  }

  private static ProductRow row(ProductView product, String quantity, String discountPercent) {
    return new ProductRow(
        product.id(),
        product.name(),
        new BigDecimal(quantity),
        product.price(),
        new BigDecimal(discountPercent),
        null);
  }

  // ---- reading the CRM

  /** The deal-execution instance the CRM started for the deal, once it is recorded on it. */
  private long instanceOf(long dealId) {
    return eventually(() -> dealService().get(dealId).process()).instanceKey();
  }

  private String stageOf(long dealId) {
    return dealService().get(dealId).stageCode();
  }

  private List<QuoteView> quotesOf(long dealId, QuoteStatus status) {
    return bean(QuoteService.class)
        .list(new QuoteFilter(status, dealId, null, null), new ListRequest(null, 10, null))
        .items();
  }

  private InvoiceView sentInvoiceOf(long dealId) {
    return bean(InvoiceService.class)
        .list(new InvoiceFilter(null, dealId, null, null, null), new ListRequest(null, 10, null))
        .items()
        .stream()
        .filter(i -> i.status() == InvoiceStatus.SENT)
        .findFirst()
        .orElse(null);
  }

  private static List<String> stageNames(JdbcTemplate db, long dealId) {
    return db.queryForList(
        "SELECT to_stage_name FROM crm_deal_stage_history WHERE deal_id = ? ORDER BY id",
        String.class,
        dealId);
  }

  /** The deal's timeline entries as type and subject (mails, notes, calls). */
  private static List<String> timeline(JdbcTemplate db, long dealId) {
    return db.queryForList(
        "SELECT CONCAT(a.type, ': ', a.subject) FROM crm_activity a"
            + " JOIN crm_activity_link l ON l.activity_id = a.id"
            + " WHERE l.item_type = 'DEAL' AND l.item_id = ?",
        String.class,
        dealId);
  }

  private static int mailsRecordedTo(JdbcTemplate db, String email) {
    return count(
        db, "SELECT COUNT(*) FROM crm_outbound_mail WHERE recipients LIKE ?", "%" + email + "%");
  }

  private static int deliveredNotifications(JdbcTemplate db, long dealId) {
    return count(
        db,
        "SELECT COUNT(*) FROM crm_notification WHERE item_type = 'DEAL' AND item_id = ?"
            + " AND title LIKE 'Delivered%'",
        dealId);
  }

  private static List<String> mailSubjectsTo(GreenMail mailbox, String email) {
    return Arrays.stream(mailbox.getReceivedMessages())
        .filter(m -> recipients(m).contains(email))
        .map(ScenarioSupport::subject)
        .toList();
  }

  private static int count(JdbcTemplate db, String sql, Object... args) {
    Integer n = db.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
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
                // a job whose application died is handed out again after this (see the javadoc)
                "--camunda.client.worker.defaults.timeout=PT10S",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                "--logging.file.name=target/logs/deal-crash-and-restart-it.log");
    UserDetails admin = bean(UserDetailsService.class).loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
  }

  /** Waits until a thread holds at each point, then kills the application. */
  private void crashWhenReached(ApplicationCrash.Point... points) throws Exception {
    for (ApplicationCrash.Point point : points) {
      assertThat(POINTS.awaitReached(point)).as("crash point reached: " + point).isTrue();
    }
    SecurityContextHolder.clearContext();
    app.close();
    app = null;
    POINTS.release(); // the held threads of the dead application fail; nothing of theirs completes
  }

  /** A database of its own on a MariaDB server of the test, shared by every start. */
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

  private DealService dealService() {
    return bean(DealService.class);
  }

  private ScenarioSupport people() {
    return new ScenarioSupport(bean(CamundaClient.class));
  }

  /** The open user task at the element, once the process reaches it. */
  private UserTask openTask(long instance, String elementId) {
    return eventually(
        () -> people().openTasks(instance, elementId).stream().findFirst().orElse(null));
  }

  /** Like the scenarios' wait, but patient: a restarted application warms up slowly. */
  private static <T> T eventually(Callable<T> probe) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(probe, v -> v != null);
  }
}

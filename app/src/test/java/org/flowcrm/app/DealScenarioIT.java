package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.flowcrm.app.ScenarioSupport.ADMIN_PASSWORD;
import static org.flowcrm.app.ScenarioSupport.basic;
import static org.flowcrm.app.ScenarioSupport.eventually;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.FlowcrmApplication;
import org.flowcrm.crm.activity.ActivityFilter;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView.StageView;
import org.flowcrm.crm.deal.StageChangeView;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.onlinestore.StoreOrderService;
import org.flowcrm.crm.onlinestore.StoreOrderStatus;
import org.flowcrm.crm.onlinestore.StoreOrderView;
import org.flowcrm.crm.process.ProcessLinkService;
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
import org.flowcrm.crm.shared.ProductRowView;
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

/**
 * The sales team's scenarios for deals that do not come from a lead, end to end in the assembled
 * application (same context as {@link SalesLifecycleIT}): a deal taken on a phone call with catalog
 * products and a discount, an online-store order that arrives through the intake endpoint in
 * CommerceML, which the client trims on the call and the courier delivers on the second attempt,
 * and a manager's kanban moves the process refuses or accepts.
 *
 * <p>A deal created by hand starts its deal-execution process by itself after the commit; {@link
 * #startDealExecution} waits until the deal shows it.
 */
@SpringBootTest(
    classes = FlowcrmApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DealScenarioIT {

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired ProductService products;
  @Autowired ContactService contacts;
  @Autowired QuoteService quotes;
  @Autowired InvoiceService invoices;
  @Autowired ActivityService activities;
  @Autowired ProcessLinkService links;
  @Autowired StoreOrderService storeOrders;
  @Autowired UserDetailsService userDetails;

  private final HttpClient http = HttpClient.newHttpClient();
  private ScenarioSupport people;

  /** The manager works signed in, as on his cards. */
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
  void aPhoneDealWithCatalogProductsAndADiscountIsRevisedOnceAndWonAfterPaymentAndDelivery() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String email = "piotr." + u + "@example.com";
    GreenMail mailbox = MailCatcherEnvironmentPostProcessor.catcher();
    int mailsBefore = mailbox.getReceivedMessages().length;

    // The client calls; the manager picks two products from the catalog and gives 10 % on chairs.
    ProductView chair = product("Office chair " + u, "120.00");
    ProductView desk = product("Desk " + u, "450.00");
    long contactId = contact("Piotr", "Zielinski " + u, email);
    DealView deal =
        deals.create(
            deal(
                "Phone order " + u,
                DealType.GOODS,
                contactId,
                List.of(
                    row(chair, "20", "10"), // 2400.00 less 10 % = 2160.00
                    row(desk, "5", "0")))); // 2250.00
    assertThat(deal.amount()).isEqualByComparingTo("4410.00");
    assertThat(deal.rows())
        .extracting(ProductRowView::net)
        .map(BigDecimal::toPlainString)
        .containsExactly("2160.00", "2250.00");

    long instance = startDealExecution(deal.id());
    people.complete(
        people.openTask(instance, "first-call"),
        Map.of("firstCallNotes", "20 chairs and 5 desks", "productsConfirmed", true));

    // The client wants a better offer: back to OFFER for a new quote, then agreed.
    people.complete(
        people.openTask(instance, "negotiation"),
        Map.of("negotiationOutcome", "reviseOffer", "discountPercent", 5));
    List<QuoteView> sent =
        eventually(
            () -> {
              List<QuoteView> q = quotesOf(deal.id(), QuoteStatus.SENT);
              return q.size() == 2 ? q : null;
            });
    // The first quote has the rows' own discounts; the revised one 5 % at least on every row:
    // chairs keep 10 % (2160.00), desks get 5 % (2250.00 - 112.50 = 2137.50).
    assertThat(sent)
        .extracting(q -> q.amount().setScale(2).toPlainString())
        .containsExactlyInAnyOrder("4410.00", "4297.50");
    assertThat(deals.get(deal.id()).amount()).isEqualByComparingTo("4297.50");
    List<MimeMessage> quoteMails = eventually(() -> mailsTo(mailbox, mailsBefore, email, 2));
    assertThat(quoteMails.stream().map(ScenarioSupport::subject))
        .anySatisfy(s -> assertThat(s).contains(sent.get(0).number()))
        .anySatisfy(s -> assertThat(s).contains(sent.get(1).number()));
    people.complete(
        people.openTask(instance, "negotiation"), Map.of("negotiationOutcome", "agreed"));

    // The invoice carries both rows with the discount; the accountant registers the payment.
    InvoiceView invoice = eventually(() -> sentInvoiceOf(deal.id()));
    assertThat(invoice.amount()).isEqualByComparingTo("4297.50");
    assertThat(invoice.rows()).hasSize(2);
    eventually(() -> stageOf(deal.id()).equals("PAYMENT") ? true : null);
    invoices.changeStatus(invoice.id(), InvoiceStatus.PAID, null);

    people.complete(
        people.courierTaskOf(instance),
        Map.of("deliveryResult", "delivered", "deliveryNote", "signed by the client"));

    eventually(() -> stageOf(deal.id()).equals("WON") ? true : null);
    assertThat(deals.stageHistory(deal.id()).stream().map(StageChangeView::toStageName).toList())
        .containsSubsequence(
            "First call",
            "Offer",
            "Negotiation",
            "Offer",
            "Negotiation",
            "Invoice",
            "Payment",
            "Delivery",
            "Won");
    List<MimeMessage> toClient = eventually(() -> mailsTo(mailbox, mailsBefore, email, 3));
    assertThat(toClient.stream().map(ScenarioSupport::subject))
        .anySatisfy(s -> assertThat(s).contains(invoice.number()));
  }

  @Test
  void anOnlineStoreOrderLosesAnItemOnTheCallAndIsDeliveredOnTheSecondAttempt() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String email = "anna." + u + "@example.com";
    String store = "web-" + u;
    String orderId = "WEB-" + u;
    ProductView standingDesk = product("Standing desk " + u, "899.00");
    ProductView monitorArm = product("Monitor arm " + u, "79.90");

    // The order arrives from the online store in CommerceML; the buyer is new to the CRM.
    HttpResponse<String> received =
        postStoreOrder(store, storeOrderXml(orderId, email, standingDesk, monitorArm));
    assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
    assertThat(received.body()).contains("<Значение>new</Значение>");
    StoreOrderView intake = storeOrders.status(store, orderId);
    DealView order = deals.get(intake.dealId());
    assertThat(order.title()).isEqualTo("Online store order " + orderId + " (" + store + ")");
    assertThat(order.amount()).isEqualByComparingTo("1058.80");
    assertThat(order.rows())
        .extracting(ProductRowView::productId)
        .containsExactly(standingDesk.id(), monitorArm.id());
    assertThat(order.contactIds()).containsExactly(intake.contactId());
    assertThat(contacts.get(intake.contactId()).emails())
        .extracting(Email::value)
        .containsExactly(email);
    assertThat(order.delivery().address()).isEqualTo("ul. Prosta 1, Warszawa");
    assertThat(order.delivery().timeWindow()).isEqualTo("10:00-14:00");
    assertThat(order.delivery().note()).isEqualTo("Ring twice");
    long instance = startDealExecution(order.id());

    // On the first call the client drops the monitor arms; the manager edits the deal, then
    // completes the call.
    UserTask firstCall = people.openTask(instance, "first-call");
    DealView current = deals.get(order.id());
    DealView trimmed =
        deals.update(
            order.id(),
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
                    .filter(r -> Long.valueOf(standingDesk.id()).equals(r.productId()))
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
    assertThat(trimmed.amount()).isEqualByComparingTo("899.00");
    people.complete(firstCall, Map.of("firstCallNotes", "No monitor arms after all"));
    people.complete(
        people.openTask(instance, "negotiation"), Map.of("negotiationOutcome", "agreed"));

    // The invoice has only the remaining row.
    InvoiceView invoice = eventually(() -> sentInvoiceOf(order.id()));
    assertThat(invoice.rows())
        .extracting(ProductRowView::productId)
        .containsExactly(standingDesk.id());
    assertThat(invoice.amount()).isEqualByComparingTo("899.00");
    eventually(() -> stageOf(order.id()).equals("PAYMENT") ? true : null);
    invoices.changeStatus(invoice.id(), InvoiceStatus.PAID, null);

    // The courier finds nobody at the door; the process logs it and sends him again.
    UserTask firstAttempt = people.courierTaskOf(instance);
    long courierInstance = firstAttempt.getProcessInstanceKey();
    // the courier's process got the client's wishes from the deal for his task
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(courierInstance).name("deliveryWishes"))
                .send()
                .join()
                .items()
                .stream()
                .findFirst()
                .orElseThrow()
                .getValue())
        .contains("ul. Prosta 1, Warszawa")
        .contains("Ring twice");
    people.complete(
        firstAttempt, Map.of("deliveryResult", "failed", "deliveryNote", "nobody at the door"));
    UserTask secondAttempt = people.openTask(courierInstance, "deliver-order");
    assertThat(secondAttempt.getUserTaskKey()).isNotEqualTo(firstAttempt.getUserTaskKey());
    people.complete(
        secondAttempt,
        Map.of("deliveryResult", "delivered", "deliveryNote", "left with neighbour"));

    eventually(() -> stageOf(order.id()).equals("WON") ? true : null);
    assertThat(people.tasks(courierInstance, "deliver-order")).hasSize(2);
    List<ActivityView> failures =
        activities
            .list(
                new ActivityFilter(
                    ActivityType.NOTE, null, null, null, ItemType.DEAL, order.id(), null, null),
                new ListRequest(null, 50, null))
            .items()
            .stream()
            .filter(a -> a.subject().startsWith("Delivery failed"))
            .toList();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).description())
        .isEqualTo("Delivery attempt 1 failed: nobody at the door");
    assertThat(failures.get(0).completed()).isTrue();

    // The store asks for the order's status in its own format: delivered and completed, with the
    // one item the client kept.
    HttpResponse<String> status = storeOrderStatus(store, orderId);
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    assertThat(status.body())
        .contains("<Наименование>Статус заказа</Наименование><Значение>completed</Значение>")
        .contains("<Наименование>Оплачен</Наименование><Значение>true</Значение>")
        .contains("<Наименование>Отгружен</Наименование><Значение>true</Значение>")
        .contains("<Наименование>Финальный статус</Наименование><Значение>true</Значение>")
        .contains("<Наименование>Standing desk " + u + "</Наименование>")
        .doesNotContain("Monitor arm " + u);
    StoreOrderView done = storeOrders.status(store, orderId);
    assertThat(done.status()).isEqualTo(StoreOrderStatus.COMPLETED);
    assertThat(done.delivered()).isTrue();
    assertThat(done.amount()).isEqualByComparingTo("899.00");
  }

  @Test
  void aKanbanMoveFromFirstCallIsRefusedToNegotiationAndAcceptedToOffer() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    long contactId = contact("Jan", "Lewandowski " + u, "jan." + u + "@example.com");
    ProductView lamp = product("Lamp " + u, "35.00");
    DealView deal =
        deals.create(
            deal("Kanban deal " + u, DealType.SALE, contactId, List.of(row(lamp, "4", "0"))));
    long instance = startDealExecution(deal.id());
    people.openTask(instance, "first-call");
    eventually(() -> stageOf(deal.id()).equals("FIRST_CALL") ? true : null);

    // Skipping the offer is not a move the process allows.
    HttpResponse<String> refused = moveByHand(deal.id(), stage("NEGOTIATION"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("does not allow moving this deal to");
    assertThat(stageOf(deal.id())).isEqualTo("FIRST_CALL");
    assertThat(people.openTasks(instance, "first-call")).hasSize(1);
    assertThat(quotesOf(deal.id(), null)).isEmpty();

    // Dragging it to OFFER is: the call is cancelled and the quote created and sent.
    HttpResponse<String> accepted = moveByHand(deal.id(), stage("OFFER"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    QuoteView quote =
        eventually(() -> quotesOf(deal.id(), QuoteStatus.SENT).stream().findFirst().orElse(null));
    assertThat(quote.amount()).isEqualByComparingTo("140.00");
    people.openTask(instance, "negotiation");
    assertThat(people.openTasks(instance, "first-call")).isEmpty();
    eventually(() -> stageOf(deal.id()).equals("NEGOTIATION") ? true : null);
  }

  // ---- the online store

  /** Sends an order the way a store does: CommerceML over HTTP, as its integration user. */
  private HttpResponse<String> postStoreOrder(String store, String xml) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/store-orders?store=" + store))
            .header("Authorization", basic("admin", ADMIN_PASSWORD))
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> storeOrderStatus(String store, String orderId) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:" + port + "/api/v1/store-orders/" + store + "/" + orderId))
            .header("Authorization", basic("admin", ADMIN_PASSWORD))
            .header("Accept", "application/xml")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * A CommerceML 2 order as a Bitrix store exports it: the store's own item ids, so the CRM matches
   * the catalog by exact name; delivery wishes among the document's requisites.
   */
  static String storeOrderXml(String orderId, String email, ProductView desk, ProductView arm) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.08" ДатаФормирования="2026-03-02T10:15:00">
          <Документ>
            <Ид>%1$s</Ид>
            <Номер>%1$s</Номер>
            <Дата>2026-03-02</Дата>
            <ХозОперация>Заказ товара</ХозОперация>
            <Роль>Продавец</Роль>
            <Валюта>%2$s</Валюта>
            <Курс>1</Курс>
            <Сумма>1058.80</Сумма>
            <Контрагенты>
              <Контрагент>
                <Ид>buyer-%1$s</Ид>
                <Наименование>Anna Wisniewska</Наименование>
                <Роль>Покупатель</Роль>
                <Контакты>
                  <Контакт><Тип>Почта</Тип><Значение>%3$s</Значение></Контакт>
                </Контакты>
              </Контрагент>
            </Контрагенты>
            <Товары>
              <Товар>
                <Ид>store-101</Ид>
                <Наименование>%4$s</Наименование>
                <БазоваяЕдиница Код="796">шт</БазоваяЕдиница>
                <ЦенаЗаЕдиницу>899.00</ЦенаЗаЕдиницу>
                <Количество>1</Количество>
                <Сумма>899.00</Сумма>
              </Товар>
              <Товар>
                <Ид>store-202</Ид>
                <Наименование>%5$s</Наименование>
                <БазоваяЕдиница Код="796">шт</БазоваяЕдиница>
                <ЦенаЗаЕдиницу>79.90</ЦенаЗаЕдиницу>
                <Количество>2</Количество>
                <Сумма>159.80</Сумма>
              </Товар>
            </Товары>
            <ЗначенияРеквизитов>
              <ЗначениеРеквизита><Наименование>Адрес доставки</Наименование><Значение>ul. Prosta 1, Warszawa</Значение></ЗначениеРеквизита>
              <ЗначениеРеквизита><Наименование>Время доставки</Наименование><Значение>10:00-14:00</Значение></ЗначениеРеквизита>
              <ЗначениеРеквизита><Наименование>Комментарий к доставке</Наименование><Значение>Ring twice</Значение></ЗначениеРеквизита>
            </ЗначенияРеквизитов>
          </Документ>
        </КоммерческаяИнформация>
        """
        .formatted(orderId, desk.currency(), email, desk.name(), arm.name());
  }

  // ---- the manager's tools

  /**
   * The deal-execution instance the CRM started for a deal created by hand (after the commit), once
   * it is recorded on the deal.
   */
  private long startDealExecution(long dealId) {
    return eventually(
            () -> {
              DealView deal = deals.get(dealId);
              return deal.process() == null ? null : deal.process();
            })
        .instanceKey();
  }

  private HttpResponse<String> moveByHand(long dealId, long stageId) throws Exception {
    DealView deal = deals.get(dealId);
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/deals/" + dealId + "/stage"))
            .header("Authorization", basic("admin", ADMIN_PASSWORD))
            .header("Content-Type", "application/json")
            .header("If-Match", "\"" + deal.version() + "\"")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"stageId\":" + stageId + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long stage(String code) {
    return pipelines.defaultPipeline().stages().stream()
        .filter(s -> s.code().equals(code))
        .map(StageView::id)
        .findFirst()
        .orElseThrow();
  }

  private ProductView product(String name, String price) {
    return products.create(
        new ProductCommand(name, null, null, true, new BigDecimal(price), null, "pcs", null, null));
  }

  private long contact(String firstName, String lastName, String email) {
    return contacts
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

  private List<QuoteView> quotesOf(long dealId, QuoteStatus status) {
    return quotes
        .list(new QuoteFilter(status, dealId, null, null), new ListRequest(null, 10, null))
        .items();
  }

  private InvoiceView sentInvoiceOf(long dealId) {
    return invoices
        .list(new InvoiceFilter(null, dealId, null, null, null), new ListRequest(null, 10, null))
        .items()
        .stream()
        .filter(i -> i.status() == InvoiceStatus.SENT)
        .findFirst()
        .orElse(null);
  }

  private String stageOf(long dealId) {
    return deals.get(dealId).stageCode();
  }

  /** The mails sent to {@code email} since {@code before}, once there are {@code count} of them. */
  private static List<MimeMessage> mailsTo(GreenMail mailbox, int before, String email, int count) {
    List<MimeMessage> found =
        Arrays.stream(mailbox.getReceivedMessages())
            .skip(before)
            .filter(m -> recipients(m).contains(email))
            .toList();
    return found.size() == count ? found : null;
  }
}

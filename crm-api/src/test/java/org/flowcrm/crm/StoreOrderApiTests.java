package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealCreated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The online-store intake, {@code /api/v1/store-orders}: orders in JSON and CommerceML become a
 * contact and a deal, a repeated order updates the deal, bad or hostile input writes nothing, and
 * the status comes back in both formats.
 */
class StoreOrderApiTests extends ApiTest {

  @Autowired RecordedEvents events;
  @Autowired JdbcClient jdbc;

  private static final String ORDERS = "/api/v1/store-orders";

  // ---- fixtures

  private long product(String name, String sku, String price) throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("sku", sku);
    body.put("price", new BigDecimal(price));
    body.put("currency", "EUR");
    body.put("unit", "pcs");
    return create("/api/v1/products", body).get("id").asLong();
  }

  private static Map<String, Object> row(String sku, String name, String quantity, String price) {
    Map<String, Object> row = new HashMap<>();
    row.put("sku", sku);
    row.put("name", name);
    row.put("quantity", new BigDecimal(quantity));
    row.put("unitPrice", new BigDecimal(price));
    return row;
  }

  private static Map<String, Object> order(
      String store, String orderId, String email, List<Map<String, Object>> rows) {
    Map<String, Object> customer = new HashMap<>();
    customer.put("name", "Anna Wisniewska");
    customer.put("email", email);
    customer.put("phone", "+48 600 " + orderId.hashCode() % 1000 + " 200");
    Map<String, Object> order = new HashMap<>();
    order.put("storeCode", store);
    order.put("orderId", orderId);
    order.put("date", "2026-03-02");
    order.put("currency", "EUR");
    order.put("customer", customer);
    order.put("rows", rows);
    order.put(
        "delivery",
        Map.of(
            "address", "ul. Prosta 1, Warszawa",
            "date", "2026-03-05",
            "timeWindow", "10:00-14:00",
            "comment", "Call 30 minutes before"));
    return order;
  }

  private MvcResult postJson(Object body) throws Exception {
    return mvc.perform(post(ORDERS).contentType(MediaType.APPLICATION_JSON).content(toJson(body)))
        .andReturn();
  }

  private MvcResult postXml(String store, String xml) throws Exception {
    return mvc.perform(
            post(ORDERS + "?store=" + store)
                .contentType(MediaType.APPLICATION_XML)
                .content(xml.getBytes(StandardCharsets.UTF_8)))
        .andReturn();
  }

  private long storeOrders(String store) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_store_order WHERE store_code = :s")
        .param("s", store)
        .query(Long.class)
        .single();
  }

  private long dealsTitled(String title) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_deal WHERE title = :t")
        .param("t", title)
        .query(Long.class)
        .single();
  }

  private long contactsWithEmail(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_contact_email WHERE email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }

  private static String commerceMl(String orderId, String email, String itemsXml) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.08" ДатаФормирования="2026-03-02T10:15:00">
          <Документ>
            <Ид>%s</Ид>
            <Номер>%s</Номер>
            <Дата>2026-03-02</Дата>
            <ХозОперация>Заказ товара</ХозОперация>
            <Роль>Продавец</Роль>
            <Валюта>EUR</Валюта>
            <Курс>1</Курс>
            <Контрагенты>
              <Контрагент>
                <Ид>buyer-1</Ид>
                <Наименование>Jan Kowalski</Наименование>
                <Роль>Покупатель</Роль>
                <АдресРегистрации>
                  <Представление>ul. Dluga 5, Krakow</Представление>
                  <АдресноеПоле><Тип>Почтовый индекс</Тип><Значение>30-001</Значение></АдресноеПоле>
                  <АдресноеПоле><Тип>Город</Тип><Значение>Krakow</Значение></АдресноеПоле>
                </АдресРегистрации>
                <Контакты>
                  <Контакт><Тип>Почта</Тип><Значение>%s</Значение></Контакт>
                  <Контакт><Тип>ТелефонРабочий</Тип><Значение>+48 12 300 40 50</Значение></Контакт>
                </Контакты>
              </Контрагент>
            </Контрагенты>
            <Товары>%s</Товары>
            <ЗначенияРеквизитов>
              <ЗначениеРеквизита><Наименование>Метод оплаты</Наименование><Значение>Card</Значение></ЗначениеРеквизита>
              <ЗначениеРеквизита><Наименование>Адрес доставки</Наименование><Значение>ul. Dluga 5, Krakow</Значение></ЗначениеРеквизита>
              <ЗначениеРеквизита><Наименование>Дата доставки</Наименование><Значение>2026-03-06</Значение></ЗначениеРеквизита>
              <ЗначениеРеквизита><Наименование>Время доставки</Наименование><Значение>after 17:00</Значение></ЗначениеРеквизита>
              <ЗначениеРеквизита><Наименование>Комментарий к доставке</Наименование><Значение>Entrance from the yard</Значение></ЗначениеРеквизита>
            </ЗначенияРеквизитов>
          </Документ>
        </КоммерческаяИнформация>
        """
        .formatted(orderId, orderId, email, itemsXml);
  }

  private static String item(String id, String name, String price, String quantity, String extra) {
    return """
        <Товар>
          <Ид>%s</Ид>
          <Наименование>%s</Наименование>
          <БазоваяЕдиница Код="796">шт</БазоваяЕдиница>
          <ЦенаЗаЕдиницу>%s</ЦенаЗаЕдиницу>
          <Количество>%s</Количество>
          %s
        </Товар>"""
        .formatted(id, name, price, quantity, extra);
  }

  private long stageOfDefaultPipeline(String code) throws Exception {
    for (JsonNode pipeline : getJson("/api/v1/pipelines")) {
      if (pipeline.get("defaultPipeline").asBoolean()) {
        for (JsonNode stage : pipeline.get("stages")) {
          if (stage.get("code").asString().equals(code)) {
            return stage.get("id").asLong();
          }
        }
      }
    }
    throw new AssertionError("no stage " + code);
  }

  private void win(long dealId) throws Exception {
    send(
            put("/api/v1/deals/" + dealId + "/stage"),
            Map.of("stageId", stageOfDefaultPipeline("WON")))
        .andExpect(status().isOk());
  }

  // ---- the tests

  @Test
  void aJsonOrderCreatesContactAndDealWithCatalogRowsAndDeliveryWishesAndStartsDealExecution()
      throws Exception {
    String u = unique();
    String store = "shop-" + u;
    long desk = product("Standing desk " + u, "SD-" + u, "899.00");
    String email = "anna." + u + "@example.com";

    MvcResult result =
        postJson(
            order(
                store,
                "A-1",
                email,
                List.of(
                    row("SD-" + u, "Desk as the store calls it", "1", "849.00"),
                    row(null, "Gift wrapping " + u, "2", "5.00"))));

    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(201);
    JsonNode view = read(result);
    assertThat(view.get("created").asBoolean()).isTrue();
    assertThat(view.get("status").asString()).isEqualTo("NEW");
    long dealId = view.get("dealId").asLong();
    JsonNode deal = getJson("/api/v1/deals/" + dealId);
    assertThat(deal.get("title").asString()).isEqualTo("Online store order A-1 (" + store + ")");
    assertThat(deal.get("stageCode").asString()).isEqualTo("NEW");
    assertThat(deal.get("type").asString()).isEqualTo("GOODS");
    assertThat(deal.get("currency").asString()).isEqualTo("EUR");
    // the store's price wins over the catalog's; the SKU links the product
    assertThat(deal.get("rows").get(0).get("productId").asLong()).isEqualTo(desk);
    assertThat(deal.get("rows").get(0).get("price").decimalValue()).isEqualByComparingTo("849.00");
    assertThat(deal.get("rows").get(0).get("name").asString())
        .isEqualTo("Desk as the store calls it");
    assertThat(deal.get("rows").get(1).get("productId").isNull()).isTrue();
    assertThat(deal.get("rows").get(1).get("name").asString()).isEqualTo("Gift wrapping " + u);
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("859.00");
    assertThat(deal.get("expectedCloseDate").asString()).isEqualTo("2026-03-05");

    long contactId = view.get("contactId").asLong();
    assertThat(deal.get("contactIds").get(0).asLong()).isEqualTo(contactId);
    JsonNode contact = getJson("/api/v1/contacts/" + contactId);
    assertThat(contact.get("firstName").asString()).isEqualTo("Anna");
    assertThat(contact.get("lastName").asString()).isEqualTo("Wisniewska");
    assertThat(contact.get("emails").get(0).get("value").asString()).isEqualTo(email);

    // the wishes are the deal's delivery fields (the courier's task gets them); the comment
    // names the order only
    JsonNode wishes = deal.get("delivery");
    assertThat(wishes.get("address").asString()).isEqualTo("ul. Prosta 1, Warszawa");
    assertThat(wishes.get("date").asString()).isEqualTo("2026-03-05");
    assertThat(wishes.get("timeWindow").asString()).isEqualTo("10:00-14:00");
    assertThat(wishes.get("note").asString()).isEqualTo("Call 30 minutes before");
    JsonNode comments = getJson("/api/v1/deals/" + dealId + "/comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).get("text").asString())
        .contains("From online store " + store + ", order A-1")
        .doesNotContain("Call 30 minutes before");
    assertThat(events.of(DealCreated.class))
        .anySatisfy(
            e -> {
              assertThat(e.dealId()).isEqualTo(dealId);
              assertThat(e.startsProcess()).isTrue();
            });
  }

  @Test
  void theBuyerIsFoundByEmailOrPhoneInsteadOfCreatedTwice() throws Exception {
    String u = unique();
    String store = "shop-" + u;
    String email = "known." + u + "@example.com";
    long known =
        create(
                "/api/v1/contacts",
                Map.of(
                    "firstName",
                    "Known",
                    "lastName",
                    "Buyer " + u,
                    "emails",
                    List.of(Map.of("type", "WORK", "value", email))))
            .get("id")
            .asLong();
    JsonNode byEmail =
        read(postJson(order(store, "E-1", email, List.of(row(null, "Lamp " + u, "1", "30")))));
    assertThat(byEmail.get("contactId").asLong()).isEqualTo(known);
    assertThat(contactsWithEmail(email)).isEqualTo(1);

    String phone =
        "+48 501 "
            + (100 + Math.abs(u.hashCode() % 800))
            + " "
            + (100 + Math.abs(u.hashCode() % 899));
    long byPhoneContact =
        create(
                "/api/v1/contacts",
                Map.of(
                    "firstName",
                    "Phone",
                    "lastName",
                    "Buyer " + u,
                    "phones",
                    List.of(Map.of("type", "MOBILE", "value", phone))))
            .get("id")
            .asLong();
    Map<String, Object> order =
        order(store, "E-2", null, List.of(row(null, "Lamp " + u, "1", "30")));
    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) order.get("customer");
    customer.put("email", null);
    customer.put("phone", phone.replace(" ", ""));
    JsonNode byPhone = read(postJson(order));
    assertThat(byPhone.get("contactId").asLong()).isEqualTo(byPhoneContact);
  }

  @Test
  void aCommerceMlOrderIsReadWithItsDiscountsAndDeliveryWishesAndAnsweredInCommerceMl()
      throws Exception {
    String u = unique();
    String store = "cml-" + u;
    long chair = product("Office chair " + u, null, "120.00");
    String email = "jan." + u + "@example.com";
    String xml =
        commerceMl(
            "CML-" + u,
            email,
            item(
                    "bx-17",
                    "Office chair " + u,
                    "120.00",
                    "3",
                    "<Сумма>324.00</Сумма><Скидки><Скидка><Наименование>Promo</Наименование><Процент>10</Процент><УчтеноВСумме>true</УчтеноВСумме></Скидка></Скидки>")
                + item("bx-99", "Cable tray " + u, "15,50", "2", "<Сумма>31.00</Сумма>"));

    MvcResult result = postXml(store, xml);

    String answer = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(201);
    assertThat(result.getResponse().getContentType()).startsWith("application/xml");
    assertThat(answer)
        .contains("<Ид>CML-" + u + "</Ид>")
        .contains("<Наименование>Статус заказа</Наименование><Значение>new</Значение>")
        .contains("<Наименование>Оплачен</Наименование><Значение>false</Значение>");

    JsonNode view = getJson(ORDERS + "/" + store + "/CML-" + u);
    JsonNode deal = getJson("/api/v1/deals/" + view.get("dealId").asLong());
    // matched by exact name (the store's Ид is not our SKU), 10 % off; the tray has no product
    assertThat(deal.get("rows").get(0).get("productId").asLong()).isEqualTo(chair);
    assertThat(deal.get("rows").get(0).get("discountPercent").decimalValue())
        .isEqualByComparingTo("10");
    assertThat(deal.get("rows").get(1).get("productId").isNull()).isTrue();
    assertThat(deal.get("rows").get(1).get("price").decimalValue()).isEqualByComparingTo("15.50");
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("355.00");
    assertThat(deal.get("expectedCloseDate").asString()).isEqualTo("2026-03-06");
    JsonNode contact = getJson("/api/v1/contacts/" + view.get("contactId").asLong());
    assertThat(contact.get("firstName").asString()).isEqualTo("Jan");
    assertThat(contact.get("address").get("city").asString()).isEqualTo("Krakow");
    assertThat(contact.get("address").get("postalCode").asString()).isEqualTo("30-001");
    assertThat(contact.get("phones").get(0).get("value").asString()).isEqualTo("+48 12 300 40 50");
    assertThat(view.get("delivery").get("timeWindow").asString()).isEqualTo("after 17:00");
    assertThat(view.get("delivery").get("comment").asString()).isEqualTo("Entrance from the yard");
  }

  @Test
  void theSameOrderAgainUpdatesItsOpenDealAndAClosedDealRefusesWith409() throws Exception {
    String u = unique();
    String store = "again-" + u;
    String email = "repeat." + u + "@example.com";
    Map<String, Object> first =
        order(
            store,
            "R-1",
            email,
            List.of(row(null, "Chair " + u, "2", "100.00"), row(null, "Desk " + u, "1", "400.00")));
    JsonNode created = read(postJson(first));
    long dealId = created.get("dealId").asLong();

    Map<String, Object> second =
        order(store, "R-1", email, List.of(row(null, "Desk " + u, "1", "380.00")));
    second.put(
        "delivery",
        Map.of("address", "Pickup point 7", "date", "2026-03-09", "comment", "Evening"));
    MvcResult again = postJson(second);

    assertThat(again.getResponse().getStatus())
        .as(again.getResponse().getContentAsString())
        .isEqualTo(200);
    JsonNode updated = read(again);
    assertThat(updated.get("created").asBoolean()).isFalse();
    assertThat(updated.get("dealId").asLong()).isEqualTo(dealId);
    assertThat(dealsTitled("Online store order R-1 (" + store + ")")).isEqualTo(1);
    assertThat(storeOrders(store)).isEqualTo(1);
    JsonNode deal = getJson("/api/v1/deals/" + dealId);
    assertThat(deal.get("rows")).hasSize(1);
    assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("380.00");
    assertThat(deal.get("expectedCloseDate").asString()).isEqualTo("2026-03-09");
    assertThat(updated.get("delivery").get("address").asString()).isEqualTo("Pickup point 7");
    assertThat(deal.get("delivery").get("address").asString()).isEqualTo("Pickup point 7");
    assertThat(deal.get("delivery").get("note").asString()).isEqualTo("Evening");
    assertThat(deal.get("delivery").get("timeWindow").isNull()).isTrue();

    // Sent a third time unchanged: still one deal, the same wishes.
    assertThat(postJson(second).getResponse().getStatus()).isEqualTo(200);
    assertThat(getJson("/api/v1/deals/" + dealId).get("delivery").get("address").asString())
        .isEqualTo("Pickup point 7");

    win(dealId);
    MvcResult closed = postJson(first);
    assertThat(closed.getResponse().getStatus()).isEqualTo(409);
    assertThat(read(closed).get("detail").asString()).contains("R-1").contains("already closed");
    assertThat(getJson("/api/v1/deals/" + dealId).get("amount").decimalValue())
        .isEqualByComparingTo("380.00");
  }

  @Test
  void anXmlWithADoctypeIsRefusedSoNoExternalEntityIsEverRead() throws Exception {
    String u = unique();
    String store = "xxe-" + u;
    String xxe =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE КоммерческаяИнформация [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        """
            + commerceMl("X-" + u, "x." + u + "@example.com", item("1", "&secret;", "1", "1", ""))
                .substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());

    MvcResult result = postXml(store, xxe);

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    String body = result.getResponse().getContentAsString();
    assertThat(body).contains("DOCTYPE").doesNotContain("root:");
    assertThat(storeOrders(store)).isZero();
  }

  @Test
  void anOrderOverOneMegabyteIsRefusedWith413() throws Exception {
    String u = unique();
    String store = "big-" + u;
    Map<String, Object> order =
        order(store, "B-1", "big." + u + "@example.com", List.of(row(null, "x", "1", "1")));
    @SuppressWarnings("unchecked")
    Map<String, Object> delivery = new HashMap<>((Map<String, Object>) order.get("delivery"));
    delivery.put("comment", "y".repeat(1_100_000));
    order.put("delivery", delivery);

    MvcResult result = postJson(order);

    assertThat(result.getResponse().getStatus()).isEqualTo(413);
    assertThat(read(result).get("detail").asString()).contains("1048576");
    assertThat(storeOrders(store)).isZero();
  }

  @Test
  void invalidOrdersAre400NamingTheFieldOrElementAndWriteNothing() throws Exception {
    String u = unique();
    String store = "bad-" + u;
    String email = "bad." + u + "@example.com";

    MvcResult negative =
        postJson(order(store, "N-1", email, List.of(row(null, "Lamp", "-1", "10"))));
    assertThat(negative.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(negative).get("errors").get(0).get("field").asString())
        .isEqualTo("rows[0].quantity");

    Map<String, Object> unreachable =
        order(store, "N-2", null, List.of(row(null, "Lamp", "1", "10")));
    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) unreachable.get("customer");
    customer.remove("phone");
    MvcResult noContact = postJson(unreachable);
    assertThat(noContact.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(noContact).get("errors").get(0).get("field").asString())
        .isEqualTo("customer.email");

    MvcResult wrongType =
        postJson(
            order(
                store,
                "N-3",
                email,
                List.of(Map.of("name", "Lamp", "quantity", "many", "unitPrice", 1))));
    assertThat(wrongType.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(wrongType).get("errors").get(0).get("field").asString())
        .isEqualTo("rows[0].quantity");

    // An SKU nobody knows and no name: the row cannot be kept; the contact is not created either.
    MvcResult unknownSku =
        postJson(order(store, "N-4", email, List.of(row("NOPE-" + u, null, "1", "10"))));
    assertThat(unknownSku.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(unknownSku).get("errors").get(0).get("field").asString())
        .isEqualTo("rows[0].name");
    assertThat(contactsWithEmail(email)).isZero();

    MvcResult badXml =
        postXml(store, commerceMl("N-5", email, item("1", "Lamp", "10", "three", "")));
    assertThat(badXml.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(badXml).get("errors").get(0).get("field").asString())
        .isEqualTo("Документ/Товары/Товар[1]/Количество");

    MvcResult noStore =
        mvc.perform(
                post(ORDERS)
                    .contentType(MediaType.APPLICATION_XML)
                    .content(
                        commerceMl("N-6", email, item("1", "Lamp", "10", "1", ""))
                            .getBytes(StandardCharsets.UTF_8)))
            .andReturn();
    assertThat(noStore.getResponse().getStatus()).isEqualTo(400);
    assertThat(read(noStore).get("errors").get(0).get("field").asString()).isEqualTo("store");

    assertThat(storeOrders(store)).isZero();
    assertThat(contactsWithEmail(email)).isZero();
  }

  @Test
  void aUserWhoMayNotCreateDealsGets403() throws Exception {
    String u = unique();
    String role = "STOREREADER" + u.toUpperCase();
    create("/api/v1/roles", Map.of("code", role, "name", "No deals"));
    TestUser outsider = signInUser(null, role);
    String store = "deny-" + u;

    MvcResult refused =
        mvc.perform(
                post(ORDERS)
                    .with(as(outsider))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        toJson(
                            order(
                                store,
                                "D-1",
                                "d." + u + "@example.com",
                                List.of(row(null, "x", "1", "1"))))))
            .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(storeOrders(store)).isZero();
    read(
        postJson(
            order(store, "D-2", "d." + u + "@example.com", List.of(row(null, "x", "1", "1")))));
    mvc.perform(get(ORDERS + "/" + store + "/D-2").with(as(outsider)))
        .andExpect(status().isForbidden());
    mvc.perform(get(ORDERS + "?store=" + store).with(as(outsider)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theStatusGoesFromNewToPaidToCompletedInJsonAndCommerceMl() throws Exception {
    String u = unique();
    String store = "status-" + u;
    String before = java.time.Instant.now().minusSeconds(1).toString();
    JsonNode created =
        read(
            postJson(
                order(
                    store,
                    "S-1",
                    "s." + u + "@example.com",
                    List.of(row(null, "Sofa " + u, "1", "700")))));
    long dealId = created.get("dealId").asLong();
    read(
        postJson(
            order(
                store,
                "S-2",
                "s2." + u + "@example.com",
                List.of(row(null, "Bed " + u, "1", "300")))));
    assertThat(getJson(ORDERS + "/" + store + "/S-1").get("status").asString()).isEqualTo("NEW");

    long invoice = create("/api/v1/deals/" + dealId + "/invoices", "").get("id").asLong();
    send(put("/api/v1/invoices/" + invoice + "/status"), Map.of("status", "SENT"))
        .andExpect(status().isOk());
    send(put("/api/v1/invoices/" + invoice + "/status"), Map.of("status", "PAID"))
        .andExpect(status().isOk());
    JsonNode paid = getJson(ORDERS + "/" + store + "/S-1");
    assertThat(paid.get("status").asString()).isEqualTo("PAID");
    assertThat(paid.get("paid").asBoolean()).isTrue();
    assertThat(paid.get("delivered").asBoolean()).isFalse();

    win(dealId);
    JsonNode done = getJson(ORDERS + "/" + store + "/S-1");
    assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.get("delivered").asBoolean()).isTrue();
    assertThat(done.get("finalStatus").asBoolean()).isTrue();
    assertThat(done.get("rows").get(0).get("name").asString()).isEqualTo("Sofa " + u);

    String xml =
        mvc.perform(get(ORDERS + "/" + store + "/S-1").accept(MediaType.APPLICATION_XML))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("<ХозОперация>Заказ товара</ХозОперация>")
        .contains("<Наименование>Статус заказа</Наименование><Значение>completed</Значение>")
        .contains("<Наименование>Оплачен</Наименование><Значение>true</Значение>")
        .contains("<Наименование>Отгружен</Наименование><Значение>true</Значение>")
        .contains("<Наименование>Финальный статус</Наименование><Значение>true</Значение>");

    JsonNode changed = getJson(ORDERS + "?store=" + store + "&changedSince=" + before);
    List<String> ids = new ArrayList<>();
    changed.forEach(o -> ids.add(o.get("orderId").asString()));
    assertThat(ids).containsExactlyInAnyOrder("S-1", "S-2");
    String last = done.get("changedAt").asString();
    JsonNode sinceWon = getJson(ORDERS + "?store=" + store + "&changedSince=" + last);
    assertThat(sinceWon).hasSize(1);
    assertThat(sinceWon.get(0).get("orderId").asString()).isEqualTo("S-1");
    String listXml =
        mvc.perform(get(ORDERS + "?store=" + store).accept(MediaType.APPLICATION_XML))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(listXml.split("<Документ>", -1)).hasSize(3);

    mvc.perform(get(ORDERS + "/" + store + "/nope")).andExpect(status().isNotFound());
  }
}

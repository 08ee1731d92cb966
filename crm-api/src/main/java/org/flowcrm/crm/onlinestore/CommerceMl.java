package org.flowcrm.crm.onlinestore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.BadParameterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an order from a CommerceML 2 document (the XML Bitrix online stores and 1C exchange) and
 * writes order statuses back in it. Only what an order needs is read: the first {@code Документ}
 * with {@code ХозОперация} "Заказ товара", its buyer ({@code Контрагенты/Контрагент}), items
 * ({@code Товары/Товар}) and the delivery wishes among its {@code ЗначенияРеквизитов}. Errors name
 * the element, e.g. {@code Документ/Товары/Товар[2]/Количество}.
 *
 * <p>The parser is the JDK's, with DOCTYPE declarations refused outright: no DTD, no external or
 * internal entities, so neither XXE nor entity expansion ("billion laughs") can happen.
 */
public final class CommerceMl {

  /** The operation of an order document. */
  public static final String ORDER_OPERATION = "Заказ товара";

  /** Requisites ({@code ЗначениеРеквизита/Наименование}) read as delivery wishes. */
  static final String DELIVERY_ADDRESS = "Адрес доставки";

  static final String DELIVERY_DATE = "Дата доставки";
  static final String DELIVERY_WINDOW = "Время доставки";
  static final String DELIVERY_COMMENT = "Комментарий к доставке";

  private static final String ROOT = "КоммерческаяИнформация";
  private static final String DOCUMENT = "Документ";

  private CommerceMl() {}

  /** Reads the order of {@code xml} for store {@code storeCode}. */
  public static StoreOrderCommand parseOrder(byte[] xml, String storeCode) {
    Element root = parse(xml).getDocumentElement();
    if (!ROOT.equals(name(root))) {
      throw new BadParameterException(
          name(root), "the root element must be " + ROOT + " (CommerceML 2)");
    }
    Element document = child(root, DOCUMENT);
    if (document == null) {
      throw new BadParameterException(DOCUMENT, "the document has no " + DOCUMENT);
    }
    String path = DOCUMENT;
    String operation = text(document, "ХозОперация");
    if (operation != null && !ORDER_OPERATION.equalsIgnoreCase(operation)) {
      throw new BadParameterException(
          path + "/ХозОперация", "must be \"" + ORDER_OPERATION + "\", was \"" + operation + "\"");
    }
    String id = text(document, "Ид");
    String number = text(document, "Номер");
    String orderId = id != null ? id : number;
    if (orderId == null) {
      throw new BadParameterException(path + "/Ид", "the order needs an Ид or a Номер");
    }
    LocalDate date = date(document, "Дата", path);
    String currency = currency(text(document, "Валюта"));

    Element buyer = buyer(document);
    if (buyer == null) {
      throw new BadParameterException(
          path + "/Контрагенты/Контрагент", "the order names no buyer (Контрагент)");
    }
    StoreOrderCommand.Customer customer = customer(buyer);

    Element goods = child(document, "Товары");
    List<Element> items = goods == null ? List.of() : children(goods, "Товар");
    if (items.isEmpty()) {
      throw new BadParameterException(path + "/Товары/Товар", "the order has no items");
    }
    List<StoreOrderCommand.Row> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      rows.add(row(items.get(i), path + "/Товары/Товар[" + (i + 1) + "]"));
    }

    Map<String, String> requisites = requisites(document);
    StoreOrderCommand.Delivery delivery =
        new StoreOrderCommand.Delivery(
            requisites.get(DELIVERY_ADDRESS.toLowerCase(Locale.ROOT)),
            requisiteDate(requisites, path),
            requisites.get(DELIVERY_WINDOW.toLowerCase(Locale.ROOT)),
            firstNonNull(
                requisites.get(DELIVERY_COMMENT.toLowerCase(Locale.ROOT)),
                text(document, "Комментарий")));
    return new StoreOrderCommand(
        storeCode, orderId, date, currency, customer, rows, delivery.isEmpty() ? null : delivery);
  }

  private static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      // A CommerceML order never needs a DTD: refusing DOCTYPE closes XXE and entity bombs.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      String reason =
          e.getMessage() != null && e.getMessage().contains("DOCTYPE")
              ? "DOCTYPE declarations (DTDs, entities) are not accepted"
              : "is not well-formed XML: " + e.getMessage();
      throw new BadParameterException(
          "body",
          "The body "
              + reason
              + " (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ")");
    } catch (SAXException | IOException e) {
      throw new BadParameterException("body", "The body is not well-formed XML: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
    }
  }

  /** The buyer: the counterparty with the role "Покупатель", else the first one. */
  private static Element buyer(Element document) {
    Element parties = child(document, "Контрагенты");
    if (parties == null) {
      return null;
    }
    List<Element> all = children(parties, "Контрагент");
    return all.stream()
        .filter(p -> "Покупатель".equalsIgnoreCase(text(p, "Роль")))
        .findFirst()
        .orElse(all.isEmpty() ? null : all.get(0));
  }

  private static StoreOrderCommand.Customer customer(Element buyer) {
    String first = text(buyer, "Имя");
    String last = text(buyer, "Фамилия");
    String name =
        first != null || last != null
            ? String.join(" ", nonNull(first, last))
            : firstNonNull(text(buyer, "Наименование"), text(buyer, "ПолноеНаименование"));
    if (name == null) {
      throw new BadParameterException(
          DOCUMENT + "/Контрагенты/Контрагент/Наименование", "the buyer has no name");
    }
    String email = null;
    String phone = null;
    Element contacts = child(buyer, "Контакты");
    if (contacts != null) {
      for (Element contact : children(contacts, "Контакт")) {
        String type = text(contact, "Тип");
        String value = text(contact, "Значение");
        if (type == null || value == null) {
          continue;
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (email == null && (t.contains("почта") || t.contains("mail"))) {
          email = value;
        } else if (phone == null && t.contains("телефон")) {
          phone = value;
        }
      }
    }
    return new StoreOrderCommand.Customer(name, email, phone, address(buyer));
  }

  /**
   * The buyer's address: {@code АдресРегистрации} (or {@code Адрес}) with its {@code АдресноеПоле}
   * parts, the free-form {@code Представление} as the street when there are none.
   */
  private static Address address(Element buyer) {
    Element address = firstNonNull(child(buyer, "АдресРегистрации"), child(buyer, "Адрес"));
    if (address == null) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element field : children(address, "АдресноеПоле")) {
      String type = text(field, "Тип");
      String value = text(field, "Значение");
      if (type != null && value != null) {
        fields.put(type.toLowerCase(Locale.ROOT), value);
      }
    }
    String street = fields.get("улица");
    if (street != null && fields.containsKey("дом")) {
      street = street + " " + fields.get("дом");
    }
    if (street == null) {
      street = text(address, "Представление");
    }
    Address result =
        new Address(
            street, fields.get("город"), fields.get("регион"), fields.get("почтовый индекс"), null);
    return street == null && result.city() == null && result.postalCode() == null ? null : result;
  }

  private static StoreOrderCommand.Row row(Element item, String path) {
    String sku = firstNonNull(text(item, "Артикул"), text(item, "Ид"));
    String name = text(item, "Наименование");
    BigDecimal quantity = number(item, "Количество", path, true);
    BigDecimal price = number(item, "ЦенаЗаЕдиницу", path, false);
    BigDecimal sum = number(item, "Сумма", path, false);
    if (price == null) {
      if (sum == null) {
        throw new BadParameterException(
            path + "/ЦенаЗаЕдиницу", "the item has neither ЦенаЗаЕдиницу nor Сумма");
      }
      price = sum.divide(quantity, 2, RoundingMode.HALF_UP);
    }
    return new StoreOrderCommand.Row(
        sku, name, quantity, price, discount(item, path, quantity, price));
  }

  /**
   * The item's discount as a percentage: the sum of the {@code Скидки/Скидка} percentages, or their
   * amounts relative to quantity × price.
   */
  private static BigDecimal discount(
      Element item, String path, BigDecimal quantity, BigDecimal price) {
    Element discounts = child(item, "Скидки");
    if (discounts == null) {
      return null;
    }
    BigDecimal percent = BigDecimal.ZERO;
    List<Element> all = children(discounts, "Скидка");
    BigDecimal gross = quantity.multiply(price);
    for (int i = 0; i < all.size(); i++) {
      String at = path + "/Скидки/Скидка[" + (i + 1) + "]";
      BigDecimal p = number(all.get(i), "Процент", at, false);
      if (p != null) {
        percent = percent.add(p);
        continue;
      }
      BigDecimal amount = number(all.get(i), "Сумма", at, false);
      if (amount != null && gross.signum() > 0) {
        percent =
            percent.add(
                amount.multiply(BigDecimal.valueOf(100)).divide(gross, 2, RoundingMode.HALF_UP));
      }
    }
    if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new BadParameterException(path + "/Скидки", "the discounts exceed 100 %");
    }
    return percent.setScale(2, RoundingMode.HALF_UP);
  }

  /** Requisites of the document by lower-case name. */
  private static Map<String, String> requisites(Element document) {
    Map<String, String> values = new LinkedHashMap<>();
    Element all = child(document, "ЗначенияРеквизитов");
    if (all != null) {
      for (Element requisite : children(all, "ЗначениеРеквизита")) {
        String name = text(requisite, "Наименование");
        String value = text(requisite, "Значение");
        if (name != null && value != null) {
          values.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
      }
    }
    return values;
  }

  private static LocalDate requisiteDate(Map<String, String> requisites, String path) {
    String value = requisites.get(DELIVERY_DATE.toLowerCase(Locale.ROOT));
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new BadParameterException(
          path + "/ЗначенияРеквизитов/" + DELIVERY_DATE, "must be a date like 2026-03-05");
    }
  }

  private static LocalDate date(Element parent, String element, String path) {
    String value = text(parent, element);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new BadParameterException(path + "/" + element, "must be a date like 2026-03-02");
    }
  }

  private static BigDecimal number(Element parent, String element, String path, boolean required) {
    String value = text(parent, element);
    if (value == null) {
      if (required) {
        throw new BadParameterException(path + "/" + element, "is missing");
      }
      return null;
    }
    try {
      // 1C writes a decimal comma now and then, and spaces between thousands
      return new BigDecimal(value.replace(" ", "").replace("\u00a0", "").replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new BadParameterException(
          path + "/" + element, "must be a number, was \"" + value + "\"");
    }
  }

  /**
   * The currency as an ISO code: Bitrix writes "RUB" or the symbol-like "руб", which is read as
   * RUB.
   */
  private static String currency(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.toLowerCase(Locale.ROOT).startsWith("руб")) {
      return "RUB";
    }
    return v.toUpperCase(Locale.ROOT);
  }

  // ---- writing statuses

  /** One order's status as a CommerceML document. */
  public static String statusDocuments(List<StoreOrderView> orders) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement(ROOT);
      xml.writeAttribute("ВерсияСхемы", "2.08");
      xml.writeAttribute(
          "ДатаФормирования",
          Instant.now()
              .truncatedTo(ChronoUnit.SECONDS)
              .atOffset(ZoneOffset.UTC)
              .toLocalDateTime()
              .toString());
      for (StoreOrderView order : orders) {
        xml.writeStartElement(DOCUMENT);
        element(xml, "Ид", order.orderId());
        element(xml, "Номер", order.orderId());
        if (order.date() != null) {
          element(xml, "Дата", order.date().toString());
        }
        element(xml, "ХозОперация", ORDER_OPERATION);
        element(xml, "Роль", "Продавец");
        if (order.currency() != null) {
          element(xml, "Валюта", order.currency());
        }
        if (order.amount() != null) {
          element(xml, "Сумма", order.amount().toPlainString());
        }
        xml.writeStartElement("Товары");
        for (StoreOrderView.Item item : order.rows()) {
          xml.writeStartElement("Товар");
          if (item.sku() != null) {
            element(xml, "Ид", item.sku());
          }
          element(xml, "Наименование", item.name());
          element(xml, "ЦенаЗаЕдиницу", item.unitPrice().toPlainString());
          element(xml, "Количество", item.quantity().stripTrailingZeros().toPlainString());
          element(xml, "Сумма", item.total().toPlainString());
          xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeStartElement("ЗначенияРеквизитов");
        requisite(xml, "Статус заказа", order.status().code());
        requisite(xml, "Оплачен", Boolean.toString(order.paid()));
        requisite(xml, "Отгружен", Boolean.toString(order.delivered()));
        requisite(xml, "Отменен", Boolean.toString(order.status() == StoreOrderStatus.CANCELLED));
        requisite(xml, "Финальный статус", Boolean.toString(order.finalStatus()));
        if (order.changedAt() != null) {
          requisite(
              xml,
              "Дата изменения",
              order
                  .changedAt()
                  .truncatedTo(ChronoUnit.SECONDS)
                  .atOffset(ZoneOffset.UTC)
                  .toLocalDateTime()
                  .toString());
        }
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write CommerceML", e);
    }
    return out.toString();
  }

  private static void requisite(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement("ЗначениеРеквизита");
    element(xml, "Наименование", name);
    element(xml, "Значение", value);
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  // ---- DOM helpers that ignore the namespace (documents come with and without one)

  private static String name(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(name(e))) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(name(e))) {
        found.add(e);
      }
    }
    return found;
  }

  /** The trimmed text of the child element, {@code null} when it is missing or blank. */
  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String value = e.getTextContent().strip();
    return value.isEmpty() ? null : value;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static List<String> nonNull(String... values) {
    List<String> result = new ArrayList<>();
    for (String value : values) {
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }
}

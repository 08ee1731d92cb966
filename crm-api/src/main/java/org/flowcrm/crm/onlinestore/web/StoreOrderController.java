package org.flowcrm.crm.onlinestore.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.flowcrm.crm.onlinestore.CommerceMl;
import org.flowcrm.crm.onlinestore.StoreOrderCommand;
import org.flowcrm.crm.onlinestore.StoreOrderService;
import org.flowcrm.crm.onlinestore.StoreOrderService.Format;
import org.flowcrm.crm.onlinestore.StoreOrderView;
import org.flowcrm.crm.shared.BadParameterException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The online-store intake, {@code /api/v1/store-orders}: orders in (simple JSON or CommerceML 2),
 * statuses out in the same formats. The body is read here, up to a limit, rather than by a message
 * converter, so that an oversized order is refused with 413 before it is held in memory, and so
 * that the XML reaches the hardened parser of {@link CommerceMl} and nothing else.
 */
@RestController
@RequestMapping("/api/v1/store-orders")
class StoreOrderController {

  static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

  private static final String JSON_EXAMPLE =
      """
      {
        "storeCode": "main-shop",
        "orderId": "10045",
        "date": "2026-03-02",
        "currency": "EUR",
        "customer": {
          "name": "Anna Wisniewska",
          "email": "anna@example.com",
          "phone": "+48 600 100 200",
          "address": {"street": "ul. Prosta 1", "city": "Warszawa", "postalCode": "00-001", "country": "PL"}
        },
        "rows": [
          {"sku": "SD-100", "name": "Standing desk", "quantity": 1, "unitPrice": 899.00},
          {"name": "Gift wrapping", "quantity": 1, "unitPrice": 5.00, "discountPercent": 100}
        ],
        "delivery": {
          "address": "ul. Prosta 1, 00-001 Warszawa",
          "date": "2026-03-05",
          "timeWindow": "10:00-14:00",
          "comment": "Call 30 minutes before"
        }
      }
      """;

  private static final String XML_EXAMPLE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <КоммерческаяИнформация ВерсияСхемы="2.08" ДатаФормирования="2026-03-02T10:15:00">
        <Документ>
          <Ид>10045</Ид>
          <Номер>10045</Номер>
          <Дата>2026-03-02</Дата>
          <ХозОперация>Заказ товара</ХозОперация>
          <Роль>Продавец</Роль>
          <Валюта>EUR</Валюта>
          <Контрагенты>
            <Контрагент>
              <Наименование>Anna Wisniewska</Наименование>
              <Роль>Покупатель</Роль>
              <Контакты>
                <Контакт><Тип>Почта</Тип><Значение>anna@example.com</Значение></Контакт>
                <Контакт><Тип>ТелефонМобильный</Тип><Значение>+48 600 100 200</Значение></Контакт>
              </Контакты>
            </Контрагент>
          </Контрагенты>
          <Товары>
            <Товар>
              <Ид>SD-100</Ид>
              <Наименование>Standing desk</Наименование>
              <ЦенаЗаЕдиницу>899.00</ЦенаЗаЕдиницу>
              <Количество>1</Количество>
              <Сумма>899.00</Сумма>
            </Товар>
          </Товары>
          <ЗначенияРеквизитов>
            <ЗначениеРеквизита><Наименование>Адрес доставки</Наименование><Значение>ul. Prosta 1, Warszawa</Значение></ЗначениеРеквизита>
            <ЗначениеРеквизита><Наименование>Дата доставки</Наименование><Значение>2026-03-05</Значение></ЗначениеРеквизита>
            <ЗначениеРеквизита><Наименование>Время доставки</Наименование><Значение>10:00-14:00</Значение></ЗначениеРеквизита>
            <ЗначениеРеквизита><Наименование>Комментарий к доставке</Наименование><Значение>Call 30 minutes before</Значение></ЗначениеРеквизита>
          </ЗначенияРеквизитов>
        </Документ>
      </КоммерческаяИнформация>
      """;

  private final StoreOrderService orders;
  private final JsonMapper json;
  private final int maxBytes;

  StoreOrderController(
      StoreOrderService orders,
      JsonMapper json,
      @Value("${flowcrm.store-orders.max-bytes:1048576}") int maxBytes) {
    this.orders = orders;
    this.json = json;
    this.maxBytes = maxBytes;
  }

  @Operation(
      summary = "Take in an online-store order (JSON or CommerceML 2)",
      description =
          "Creates the contact (or finds it by e-mail, then phone) and a deal with the order's rows"
              + " and delivery wishes, which starts deal execution. The same storeCode and orderId"
              + " again update the open deal (200); a closed deal refuses with 409. CommerceML"
              + " needs ?store=CODE. At most 1 MB (413). The answer is JSON, or CommerceML when"
              + " the order was XML or Accept asks for application/xml.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = StoreOrderCommand.class),
                    examples = @ExampleObject(name = "order", value = JSON_EXAMPLE)),
                @Content(
                    mediaType = MediaType.APPLICATION_XML_VALUE,
                    examples = @ExampleObject(name = "commerceml", value = XML_EXAMPLE))
              }),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "a new deal",
            content = @Content(schema = @Schema(implementation = StoreOrderView.class))),
        @ApiResponse(responseCode = "200", description = "the order's deal was updated"),
        @ApiResponse(responseCode = "400", description = "a field or element is invalid"),
        @ApiResponse(responseCode = "409", description = "the order's deal is already closed"),
        @ApiResponse(responseCode = "413", description = "the order is larger than the limit")
      })
  @PostMapping(
      consumes = {
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_XML_VALUE,
        MediaType.TEXT_XML_VALUE
      })
  ResponseEntity<?> receive(
      @RequestParam(name = "store", required = false) String store,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request)
      throws IOException {
    byte[] body = readLimited(request);
    boolean xmlIn = request.getContentType() != null && request.getContentType().contains("xml");
    StoreOrderCommand command;
    if (xmlIn) {
      if (store == null || store.isBlank()) {
        throw new BadParameterException("store", "a CommerceML order needs ?store=CODE");
      }
      command = CommerceMl.parseOrder(body, store);
    } else {
      command = readJson(body, request);
      if (store != null && !store.isBlank()) {
        if (command.storeCode() != null && !command.storeCode().equals(store)) {
          throw new BadParameterException(
              "storeCode", "the body names store " + command.storeCode() + ", the URL " + store);
        }
        command = withStore(command, store);
      }
    }
    StoreOrderView view = orders.receive(command, xmlIn ? Format.COMMERCEML : Format.JSON);
    HttpStatus status = view.created() ? HttpStatus.CREATED : HttpStatus.OK;
    return respond(status, view, wantsXml(accept, xmlIn));
  }

  @Operation(
      summary = "The status of one order",
      description =
          "new, paid (an invoice is paid), completed (won: delivered) or cancelled (lost), with"
              + " the order's current rows; CommerceML with Accept: application/xml.")
  @GetMapping("/{store}/{orderId}")
  ResponseEntity<?> status(
      @PathVariable String store,
      @PathVariable String orderId,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    StoreOrderView view = orders.status(store, orderId);
    return respond(HttpStatus.OK, view, wantsXml(accept, false));
  }

  @Operation(
      summary = "Orders of a store changed since a moment",
      description =
          "Oldest change first, at most 500; poll again with the last changedAt. CommerceML (one"
              + " Документ per order) with Accept: application/xml.")
  @GetMapping
  ResponseEntity<?> changed(
      @RequestParam String store,
      @RequestParam(required = false) Instant changedSince,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    List<StoreOrderView> found = orders.changedSince(store, changedSince);
    if (wantsXml(accept, false)) {
      return ResponseEntity.ok().contentType(XML).body(CommerceMl.statusDocuments(found));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found);
  }

  @ExceptionHandler(OrderTooLargeException.class)
  ProblemDetail tooLarge(OrderTooLargeException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
    problem.setTitle("Order too large");
    return problem;
  }

  private static ResponseEntity<?> respond(HttpStatus status, StoreOrderView view, boolean xml) {
    if (xml) {
      return ResponseEntity.status(status)
          .contentType(XML)
          .body(CommerceMl.statusDocuments(List.of(view)));
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(view);
  }

  /** XML when Accept asks for it (and not for JSON), or when the order came as XML. */
  private static boolean wantsXml(String accept, boolean xmlIn) {
    if (accept != null && accept.contains("xml")) {
      return true;
    }
    if (accept != null && accept.contains("json")) {
      return false;
    }
    return xmlIn;
  }

  private byte[] readLimited(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw new OrderTooLargeException(declared, maxBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw new OrderTooLargeException(body.length, maxBytes);
      }
      return body;
    }
  }

  private StoreOrderCommand readJson(byte[] body, HttpServletRequest request) {
    try {
      StoreOrderCommand command = json.readValue(body, StoreOrderCommand.class);
      if (command == null) {
        throw new BadParameterException("body", "the order is empty");
      }
      return command;
    } catch (JacksonException e) {
      // handed to the common handler, which names the field (or the line of a syntax error)
      throw new HttpMessageNotReadableException(
          "cannot read the order", e, new ServletServerHttpRequest(request));
    }
  }

  private static StoreOrderCommand withStore(StoreOrderCommand c, String store) {
    return new StoreOrderCommand(
        store, c.orderId(), c.date(), c.currency(), c.customer(), c.rows(), c.delivery());
  }

  /** An order over the size limit (413). */
  static class OrderTooLargeException extends RuntimeException {
    OrderTooLargeException(long size, int max) {
      super(
          "The order has "
              + (size > 0 ? size + " bytes" : "more bytes than allowed")
              + "; at most "
              + max
              + " bytes are accepted");
    }
  }
}

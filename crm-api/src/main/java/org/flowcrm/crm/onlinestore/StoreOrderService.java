package org.flowcrm.crm.onlinestore;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.product.ProductService;
import org.flowcrm.crm.product.ProductView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.crm.shared.ProductRow;
import org.flowcrm.crm.shared.ProductRowView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Takes in online-store orders and reports their status back.
 *
 * <p>The caller is the store's integration user: he needs the right to create deals in the default
 * pipeline, nothing more. Once that is checked the order is written as the {@code system} user,
 * because finding the buyer among all contacts and updating a deal a manager has taken over are
 * beyond what a store's user may do by hand; everything happens in one transaction, so a refused
 * order leaves nothing behind.
 *
 * <p>A new order finds (by e-mail, then phone) or creates the contact, matches its rows to the
 * catalog, creates a deal of type GOODS in the default pipeline (whose deal-execution process
 * starts after the commit, as for any deal created by hand) with the order's delivery data as the
 * deal's {@link DeliveryWishes}, and comments on it with the order. Sending the same store code and
 * order id again updates the open deal's rows and wishes through {@link DealService#update}, the
 * path of a manager's edit; a closed deal refuses with 409.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class StoreOrderService {

  /** At most this many orders come back from one {@link #changedSince} call. */
  public static final int MAX_CHANGED = 500;

  private final JdbcClient jdbc;
  private final DealService deals;
  private final PipelineService pipelines;
  private final ContactService contacts;
  private final ProductService products;
  private final AccessPolicy policy;
  private final SystemUser systemUser;

  StoreOrderService(
      JdbcClient jdbc,
      DealService deals,
      PipelineService pipelines,
      ContactService contacts,
      ProductService products,
      AccessPolicy policy,
      SystemUser systemUser) {
    this.jdbc = jdbc;
    this.deals = deals;
    this.pipelines = pipelines;
    this.contacts = contacts;
    this.products = products;
    this.policy = policy;
    this.systemUser = systemUser;
  }

  /** Where an order came in from; kept on the order for the record. */
  public enum Format {
    JSON,
    COMMERCEML
  }

  /** Takes in an order: creates its deal, or updates the deal of an order sent before. */
  @Transactional
  public StoreOrderView receive(@Valid StoreOrderCommand command, Format format) {
    requireIntake();
    checkRules(command);
    return systemUser.runAs(() -> take(command, format));
  }

  /** The status of one order; 404 when the store never sent it. */
  public StoreOrderView status(String storeCode, String orderId) {
    requireIntake();
    return systemUser.runAs(
        () ->
            select(
                    "WHERE o.store_code = :store AND o.external_id = :order",
                    storeCode,
                    orderId,
                    null)
                .stream()
                .findFirst()
                .orElseThrow(
                    () -> new NotFoundException("Store order", storeCode + "/" + orderId)));
  }

  /**
   * Orders of {@code storeCode} whose deal, invoices or order changed at or after {@code since}
   * (all when {@code null}), oldest change first, at most {@value #MAX_CHANGED}: a store polls
   * again from the last {@code changedAt} it saw.
   */
  public List<StoreOrderView> changedSince(String storeCode, Instant since) {
    requireIntake();
    if (storeCode == null || storeCode.isBlank()) {
      throw new BadParameterException("store", "name the store whose orders to read");
    }
    return systemUser.runAs(
        () -> {
          List<StoreOrderView> all = select("WHERE o.store_code = :store", storeCode, null, since);
          return all.stream()
              .sorted(java.util.Comparator.comparing(StoreOrderView::changedAt))
              .limit(MAX_CHANGED)
              .toList();
        });
  }

  /** The store's user needs to be allowed to create deals in the default pipeline. */
  private void requireIntake() {
    policy.requireDealCreate(policy.callerId(), pipelines.defaultPipeline().id());
  }

  /** What the annotations of the command cannot say: either-or fields. */
  private static void checkRules(StoreOrderCommand command) {
    if (isBlank(command.customer().email()) && isBlank(command.customer().phone())) {
      throw new BadParameterException(
          "customer.email", "the customer needs an e-mail address or a phone number");
    }
    for (int i = 0; i < command.rows().size(); i++) {
      StoreOrderCommand.Row row = command.rows().get(i);
      if (isBlank(row.sku()) && isBlank(row.name())) {
        throw new BadParameterException("rows[" + i + "].name", "a row needs a name or an SKU");
      }
    }
  }

  private StoreOrderView take(StoreOrderCommand command, Format format) {
    Optional<Stored> existing = lockExisting(command.storeCode(), command.orderId());
    List<ProductRow> rows = rows(command);
    StoreOrderCommand.Delivery wishes = command.delivery();
    if (existing.isPresent() && existing.get().dealId() != null) {
      update(existing.get(), command, rows);
      return status(command.storeCode(), command.orderId(), false);
    }
    // Claimed first: a second request with the same order id waits on the unique key until this
    // one commits, then fails (409) instead of creating a second deal.
    long orderRow = existing.map(Stored::id).orElseGet(() -> insert(command, format));
    long contactId = contactFor(command.customer());
    DealView deal =
        deals.create(
            new DealCommand(
                    title(command),
                    null,
                    null,
                    null,
                    command.currency(),
                    null,
                    wishes == null ? null : wishes.date(),
                    DealType.GOODS,
                    null,
                    null,
                    null,
                    List.of(contactId),
                    rows)
                .withDelivery(wishes(wishes)));
    jdbc.sql(
            """
            UPDATE crm_store_order
               SET deal_id = :deal, contact_id = :contact, order_date = :date,
                   delivery_address = :address, delivery_date = :deliveryDate,
                   delivery_window = :window, delivery_comment = :comment, updated_at = :now
             WHERE id = :id
            """)
        .param("deal", deal.id())
        .param("contact", contactId)
        .param("date", command.date())
        .param("address", wishes == null ? null : wishes.address())
        .param("deliveryDate", wishes == null ? null : wishes.date())
        .param("window", wishes == null ? null : wishes.timeWindow())
        .param("comment", wishes == null ? null : wishes.comment())
        .param("now", Timestamp.from(Instant.now()))
        .param("id", orderRow)
        .update();
    deals.addComment(
        deal.id(),
        "From online store "
            + command.storeCode()
            + ", order "
            + command.orderId()
            + (command.date() == null ? "" : " of " + command.date())
            + ".");
    return status(command.storeCode(), command.orderId(), true);
  }

  /** The open deal gets the order's rows and wishes, as if a manager had edited it. */
  private void update(Stored stored, StoreOrderCommand command, List<ProductRow> rows) {
    DealView deal = deals.get(stored.dealId());
    if (deal.closed()) {
      throw new ConflictException(
          "Order "
              + command.orderId()
              + " of store "
              + command.storeCode()
              + " is deal "
              + deal.id()
              + ", already closed as "
              + deal.stageName()
              + "; the order cannot change any more");
    }
    StoreOrderCommand.Delivery wishes = command.delivery();
    LocalDate deliveryDate =
        wishes == null || wishes.date() == null ? deal.expectedCloseDate() : wishes.date();
    deals.update(
        deal.id(),
        new DealCommand(
                deal.title(),
                null,
                null,
                null,
                command.currency() == null ? deal.currency() : command.currency(),
                deal.probability(),
                deliveryDate,
                deal.type(),
                deal.responsibleId(),
                deal.visibleToAll(),
                deal.companyId(),
                deal.contactIds(),
                rows)
            .withDelivery(wishes(wishes)),
        deal.version());
    StoreOrderCommand.Delivery after =
        wishes == null ? new StoreOrderCommand.Delivery(null, null, null, null) : wishes;
    jdbc.sql(
            """
            UPDATE crm_store_order
               SET delivery_address = :address, delivery_date = :deliveryDate,
                   delivery_window = :window, delivery_comment = :comment,
                   times_received = times_received + 1, updated_at = :now
             WHERE id = :id
            """)
        .param("address", after.address())
        .param("deliveryDate", after.date())
        .param("window", after.timeWindow())
        .param("comment", after.comment())
        .param("now", Timestamp.from(Instant.now()))
        .param("id", stored.id())
        .update();
  }

  private long insert(StoreOrderCommand command, Format format) {
    Timestamp now = Timestamp.from(Instant.now());
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO crm_store_order (store_code, external_id, source_format, order_date,
                                         created_at, updated_at)
            VALUES (:store, :order, :format, :date, :now, :now)
            """)
        .param("store", command.storeCode())
        .param("order", command.orderId())
        .param("format", format.name())
        .param("date", command.date())
        .param("now", now)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  private Optional<Stored> lockExisting(String storeCode, String orderId) {
    return jdbc.sql(
            """
            SELECT id, deal_id, delivery_address, delivery_date, delivery_window, delivery_comment
              FROM crm_store_order
             WHERE store_code = :store AND external_id = :order
               FOR UPDATE
            """)
        .param("store", storeCode)
        .param("order", orderId)
        .query(
            (rs, i) ->
                new Stored(
                    rs.getLong("id"),
                    (Long) rs.getObject("deal_id", Long.class),
                    new StoreOrderCommand.Delivery(
                        rs.getString("delivery_address"),
                        rs.getObject("delivery_date", LocalDate.class),
                        rs.getString("delivery_window"),
                        rs.getString("delivery_comment"))))
        .optional();
  }

  private record Stored(long id, Long dealId, StoreOrderCommand.Delivery delivery) {}

  /** The buyer: a contact with his e-mail, else with his phone; a new one otherwise. */
  private long contactFor(StoreOrderCommand.Customer customer) {
    List<String> emails = isBlank(customer.email()) ? List.of() : List.of(customer.email());
    List<String> phones = isBlank(customer.phone()) ? List.of() : List.of(customer.phone());
    List<ContactView> found = contacts.findDuplicates(emails, phones);
    Optional<ContactView> byEmail =
        found.stream()
            .filter(
                c ->
                    !emails.isEmpty()
                        && c.emails().stream()
                            .anyMatch(e -> e.value().equalsIgnoreCase(customer.email().strip())))
            .findFirst();
    if (byEmail.isPresent()) {
      return byEmail.get().id();
    }
    if (!found.isEmpty()) {
      return found.get(0).id();
    }
    String name = customer.name().strip();
    int space = name.lastIndexOf(' ');
    String first = space > 0 ? name.substring(0, space).strip() : name;
    String last = space > 0 ? name.substring(space + 1) : null;
    return contacts
        .create(
            new ContactCommand(
                truncate(first, 100),
                truncate(last, 100),
                null,
                null,
                customer.address(),
                phones.stream().map(p -> new Phone(PhoneType.MOBILE, p)).toList(),
                emails.stream().map(e -> new Email(EmailType.HOME, e)).toList(),
                null,
                null,
                "Customer of an online store"))
        .id();
  }

  /** The order's rows: catalog products when the SKU or the exact name matches one. */
  private List<ProductRow> rows(StoreOrderCommand command) {
    List<ProductRow> rows = new ArrayList<>();
    for (int i = 0; i < command.rows().size(); i++) {
      StoreOrderCommand.Row row = command.rows().get(i);
      Optional<ProductView> product = products.findBySkuOrName(row.sku(), row.name());
      String name =
          !isBlank(row.name()) ? row.name().strip() : product.map(ProductView::name).orElse(null);
      if (name == null) {
        throw new BadParameterException(
            "rows[" + i + "].name", "SKU " + row.sku() + " matches no product; name the item");
      }
      rows.add(
          new ProductRow(
              product.map(ProductView::id).orElse(null),
              name,
              row.quantity(),
              row.unitPrice(),
              row.discountPercent(),
              null));
    }
    return rows;
  }

  private StoreOrderView status(String storeCode, String orderId, boolean created) {
    StoreOrderView view =
        select("WHERE o.store_code = :store AND o.external_id = :order", storeCode, orderId, null)
            .get(0);
    return new StoreOrderView(
        view.storeCode(),
        view.orderId(),
        view.date(),
        view.dealId(),
        view.contactId(),
        created,
        view.status(),
        view.paid(),
        view.delivered(),
        view.finalStatus(),
        view.stageCode(),
        view.amount(),
        view.currency(),
        view.rows(),
        view.delivery(),
        view.changedAt());
  }

  /** Orders with their deal's stage and invoices, read from the CRM's own tables. */
  private List<StoreOrderView> select(
      String where, String storeCode, String orderId, Instant since) {
    JdbcClient.StatementSpec query =
        jdbc.sql(
                """
                SELECT o.store_code, o.external_id, o.order_date, o.deal_id, o.contact_id,
                       o.delivery_address, o.delivery_date, o.delivery_window, o.delivery_comment,
                       o.updated_at, d.updated_at AS deal_updated_at, s.code AS stage_code,
                       s.semantic, d.amount, d.currency,
                       (SELECT COUNT(*) FROM crm_invoice i
                         WHERE i.deal_id = o.deal_id AND i.status = 'PAID') AS paid_invoices,
                       (SELECT MAX(i.updated_at) FROM crm_invoice i
                         WHERE i.deal_id = o.deal_id) AS invoice_updated_at
                  FROM crm_store_order o
                  LEFT JOIN crm_deal d ON d.id = o.deal_id
                  LEFT JOIN crm_pipeline_stage s ON s.id = d.stage_id
                """
                    + where
                    + " ORDER BY o.id")
            .param("store", storeCode);
    if (orderId != null) {
      query = query.param("order", orderId);
    }
    List<Raw> raws = query.query(StoreOrderService::raw).list();
    List<StoreOrderView> views = new ArrayList<>();
    for (Raw raw : raws) {
      if (since != null && raw.changedAt().isBefore(since)) {
        continue;
      }
      views.add(view(raw));
    }
    return views;
  }

  private record Raw(
      String storeCode,
      String orderId,
      LocalDate date,
      Long dealId,
      Long contactId,
      StoreOrderView.Delivery delivery,
      String stageCode,
      StageSemantic semantic,
      BigDecimal amount,
      String currency,
      boolean paid,
      Instant changedAt) {}

  private static Raw raw(ResultSet rs, int row) throws SQLException {
    String semantic = rs.getString("semantic");
    Instant changed =
        Stream.of(
                rs.getTimestamp("updated_at"),
                rs.getTimestamp("deal_updated_at"),
                rs.getTimestamp("invoice_updated_at"))
            .filter(Objects::nonNull)
            .map(Timestamp::toInstant)
            .max(Instant::compareTo)
            .orElseThrow();
    StoreOrderView.Delivery delivery =
        new StoreOrderView.Delivery(
            rs.getString("delivery_address"),
            rs.getObject("delivery_date", LocalDate.class),
            rs.getString("delivery_window"),
            rs.getString("delivery_comment"));
    return new Raw(
        rs.getString("store_code"),
        rs.getString("external_id"),
        rs.getObject("order_date", LocalDate.class),
        rs.getObject("deal_id", Long.class),
        rs.getObject("contact_id", Long.class),
        delivery.address() == null
                && delivery.date() == null
                && delivery.timeWindow() == null
                && delivery.comment() == null
            ? null
            : delivery,
        rs.getString("stage_code"),
        semantic == null ? null : StageSemantic.valueOf(semantic),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getLong("paid_invoices") > 0,
        changed);
  }

  private StoreOrderView view(Raw raw) {
    StoreOrderStatus status;
    if (raw.dealId() == null || raw.semantic() == StageSemantic.LOST) {
      status = StoreOrderStatus.CANCELLED; // lost, or deleted in the CRM
    } else if (raw.semantic() == StageSemantic.WON) {
      status = StoreOrderStatus.COMPLETED;
    } else if (raw.paid()) {
      status = StoreOrderStatus.PAID;
    } else {
      status = StoreOrderStatus.NEW;
    }
    List<StoreOrderView.Item> items =
        raw.dealId() == null
            ? List.of()
            : deals.get(raw.dealId()).rows().stream().map(this::item).toList();
    return new StoreOrderView(
        raw.storeCode(),
        raw.orderId(),
        raw.date(),
        raw.dealId(),
        raw.contactId(),
        false,
        status,
        raw.paid() || status == StoreOrderStatus.COMPLETED,
        status == StoreOrderStatus.COMPLETED,
        status == StoreOrderStatus.COMPLETED || status == StoreOrderStatus.CANCELLED,
        raw.stageCode(),
        raw.amount(),
        raw.currency(),
        items,
        raw.delivery(),
        raw.changedAt());
  }

  private StoreOrderView.Item item(ProductRowView row) {
    String sku =
        row.productId() == null
            ? null
            : products.find(row.productId()).map(ProductView::sku).orElse(null);
    return new StoreOrderView.Item(
        sku,
        row.productId(),
        row.name(),
        row.quantity(),
        row.price(),
        row.discountPercent(),
        row.total());
  }

  private static String title(StoreOrderCommand command) {
    return truncate(
        "Online store order " + command.orderId() + " (" + command.storeCode() + ")", 255);
  }

  /** The delivery wishes as a sentence for the deal's comments, which the courier reads. */
  /** The order's delivery data as the deal's delivery wishes; none when the order has none. */
  private static DeliveryWishes wishes(StoreOrderCommand.Delivery delivery) {
    return delivery == null
        ? DeliveryWishes.NONE
        : new DeliveryWishes(
            delivery.address(), delivery.date(), delivery.timeWindow(), delivery.comment());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}

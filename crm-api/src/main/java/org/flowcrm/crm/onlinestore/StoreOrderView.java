package org.flowcrm.crm.onlinestore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An online-store order as the store reads it back: which deal and contact it became, its current
 * items and amount (a manager may have changed them with the client), and its status.
 *
 * @param created true when this request created the deal, false when it updated it (or it is a
 *     status read)
 * @param delivered the courier delivered the order (the deal is won)
 * @param finalStatus nothing will change any more: completed or cancelled
 */
public record StoreOrderView(
    String storeCode,
    String orderId,
    LocalDate date,
    Long dealId,
    Long contactId,
    boolean created,
    StoreOrderStatus status,
    boolean paid,
    boolean delivered,
    boolean finalStatus,
    String stageCode,
    BigDecimal amount,
    String currency,
    List<Item> rows,
    Delivery delivery,
    Instant changedAt) {

  /** An item of the order as the deal has it now; {@code sku} when it is a catalog product. */
  public record Item(
      String sku,
      Long productId,
      String name,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal total) {}

  /** The delivery wishes as the store sent them last. */
  public record Delivery(String address, LocalDate date, String timeWindow, String comment) {}
}

package org.flowcrm.crm.onlinestore;

/**
 * Where an online-store order is, read from the CRM's own records: the deal's stage and its
 * invoices. The process marks a deal won only after the courier delivered it, so a completed order
 * is also delivered.
 */
public enum StoreOrderStatus {
  /** Taken in, not paid yet. */
  NEW,
  /** An invoice of the deal is paid. */
  PAID,
  /** The deal is won: delivered and closed. */
  COMPLETED,
  /** The deal is lost (or was deleted in the CRM). */
  CANCELLED;

  /** The lower-case word the store reads ({@code new}, {@code paid}, ...). */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

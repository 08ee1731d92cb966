package org.flowcrm.crm.invoice;

import java.util.Set;

/** Where an invoice is in its life; {@link #allows} lists the legal moves. */
public enum InvoiceStatus {
  DRAFT,
  SENT,
  OVERDUE,
  PAID,
  CANCELLED;

  public boolean allows(InvoiceStatus target) {
    return switch (this) {
      case DRAFT -> Set.of(SENT, PAID, CANCELLED).contains(target);
      case SENT -> Set.of(OVERDUE, PAID, CANCELLED).contains(target);
      case OVERDUE -> Set.of(PAID, CANCELLED).contains(target);
      case PAID, CANCELLED -> false;
    };
  }
}

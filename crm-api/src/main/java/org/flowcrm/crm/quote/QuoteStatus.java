package org.flowcrm.crm.quote;

import java.util.Set;

/** Where a quote is in its life; {@link #allows} lists the legal moves. */
public enum QuoteStatus {
  DRAFT,
  SENT,
  ACCEPTED,
  DECLINED,
  CANCELLED;

  public boolean allows(QuoteStatus target) {
    return switch (this) {
      case DRAFT -> Set.of(SENT, CANCELLED).contains(target);
      case SENT -> Set.of(ACCEPTED, DECLINED, CANCELLED).contains(target);
      case ACCEPTED, DECLINED, CANCELLED -> false;
    };
  }
}

package org.flowcrm.crm.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription can ask for, by the name receivers see in {@code X-Flowcrm-Event}. */
public enum WebhookEvent {
  LEAD_CREATED("lead.created", RecordType.LEAD),
  LEAD_UPDATED("lead.updated", RecordType.LEAD),
  CONTACT_CREATED("contact.created", RecordType.CONTACT),
  CONTACT_UPDATED("contact.updated", RecordType.CONTACT),
  COMPANY_CREATED("company.created", RecordType.COMPANY),
  COMPANY_UPDATED("company.updated", RecordType.COMPANY),
  DEAL_CREATED("deal.created", RecordType.DEAL),
  DEAL_UPDATED("deal.updated", RecordType.DEAL),
  DEAL_STAGE_CHANGED("deal.stage_changed", RecordType.DEAL),
  DEAL_WON("deal.won", RecordType.DEAL),
  DEAL_LOST("deal.lost", RecordType.DEAL),
  INVOICE_PAID("invoice.paid", RecordType.INVOICE);

  /** The kind of record an event's {@code data} holds. */
  public enum RecordType {
    LEAD,
    CONTACT,
    COMPANY,
    DEAL,
    INVOICE
  }

  private final String eventName;
  private final RecordType recordType;

  WebhookEvent(String eventName, RecordType recordType) {
    this.eventName = eventName;
    this.recordType = recordType;
  }

  /** The name on the wire, e.g. {@code deal.stage_changed}. */
  public String eventName() {
    return eventName;
  }

  public RecordType recordType() {
    return recordType;
  }

  public static Optional<WebhookEvent> named(String name) {
    return Arrays.stream(values()).filter(e -> e.eventName.equals(name)).findFirst();
  }
}

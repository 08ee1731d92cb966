package org.flowcrm.crm.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcrm.crm.deal.DealStageChanged;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.invoice.InvoicePaid;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces stage changes (and won / lost) and paid invoices from the features' domain events. A
 * plain {@code @EventListener} on purpose: it runs when the aggregate is saved, inside the change's
 * transaction, so the delivery rows commit or roll back with it.
 */
@Component
class DomainEventListener {

  private final WebhookOutbox outbox;

  DomainEventListener(WebhookOutbox outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void on(DealStageChanged changed) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("pipelineId", changed.pipelineId());
    change.put("fromStageId", changed.fromStageId());
    change.put("fromStageCode", changed.fromStageCode());
    change.put("toStageId", changed.toStageId());
    change.put("toStageCode", changed.toStageCode());
    change.put("semantic", changed.semantic().name());
    change.put("changedBy", changed.changedBy());
    change.put("changedAt", changed.changedAt().toString());
    outbox.record(WebhookEvent.DEAL_STAGE_CHANGED, changed.dealId(), change);
    if (changed.semantic() == StageSemantic.WON) {
      outbox.record(WebhookEvent.DEAL_WON, changed.dealId(), change);
    } else if (changed.semantic() == StageSemantic.LOST) {
      outbox.record(WebhookEvent.DEAL_LOST, changed.dealId(), change);
    }
  }

  @EventListener
  void on(InvoicePaid paid) {
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("number", paid.number());
    payment.put("dealId", paid.dealId());
    payment.put("amount", paid.amount());
    payment.put("currency", paid.currency());
    payment.put("paidAt", paid.paidAt() == null ? null : paid.paidAt().toString());
    outbox.record(WebhookEvent.INVOICE_PAID, paid.invoiceId(), payment);
  }
}

package org.flowcrm.workers.lifecycle;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.flowcrm.crm.invoice.InvoicePaid;
import org.flowcrm.processes.JobTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes {@link JobTypes.Messages#INVOICE_PAID} (correlation key: the invoice number, as the
 * deal process expects) once an invoice marked paid is committed. The message lives for {@code
 * flowcrm.processes.invoice-paid-time-to-live} (default 30 days), so a payment registered before
 * the process waits for it still counts. Its message id is the invoice's, so a retried publication
 * is refused by the engine as a duplicate instead of correlating twice.
 */
@Component
public class InvoicePaidPublisher {

  private final CamundaClient client;
  private final Retrying retrying;
  private final Duration timeToLive;

  public InvoicePaidPublisher(
      CamundaClient client,
      Retrying retrying,
      @Value("${flowcrm.processes.invoice-paid-time-to-live:P30D}") Duration timeToLive) {
    this.client = client;
    this.retrying = retrying;
    this.timeToLive = timeToLive;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void invoicePaid(InvoicePaid event) {
    retrying.submit(
        "Publishing " + JobTypes.Messages.INVOICE_PAID + " for invoice " + event.number(),
        () -> publish(event));
  }

  void publish(InvoicePaid event) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(JobTypes.Messages.INVOICE_PAID)
          .correlationKey(event.number())
          .messageId(messageId(event))
          .timeToLive(timeToLive)
          .variables(
              Map.of(
                  JobTypes.Variables.INVOICE_ID, event.invoiceId(),
                  JobTypes.Variables.INVOICE_NUMBER, event.number()))
          .send()
          .join();
    } catch (ClientHttpException e) {
      if (e.code() != 409) {
        throw e; // 409: an earlier attempt was published after all
      }
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  static String messageId(InvoicePaid event) {
    return JobTypes.Messages.INVOICE_PAID + ":" + event.invoiceId();
  }
}

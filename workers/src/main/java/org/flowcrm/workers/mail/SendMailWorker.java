package org.flowcrm.workers.mail;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailRequest;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.mail.MissingRecipientException;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#SEND_MAIL}: renders the mail template named by {@code template} for the lead,
 * deal, quote or invoice and sends it to {@code recipient} or, by default, the record's contact;
 * the template's document ({@code documentId}: a quote, or an invoice attached as PDF) comes along.
 * Idempotent by the job key (the mail's dedupe key in {@code MailService}): a redelivered job
 * returns the mail already sent.
 *
 * <p>No address to send to is not something a retry fixes and the models catch no error for it, so
 * the job fails at once (no retries) with a message saying whose address is missing; the incident
 * is resolved after adding it. The SMTP server refusing fails the job with retries.
 */
@Component
public class SendMailWorker {

  /** The job's input variables. */
  public record Input(
      String template, String entityType, Long entityId, Long documentId, String recipient) {}

  private final MailService mails;
  private final ProcessPositions positions;

  public SendMailWorker(MailService mails, ProcessPositions positions) {
    this.mails = mails;
    this.positions = positions;
  }

  @JobWorker(type = JobTypes.SEND_MAIL)
  public void sendMail(ActivatedJob job, @VariablesAsType Input in) {
    positions.at(job, in.entityType(), in.entityId());
    try {
      mails.send(
          new MailRequest(
              in.template(),
              ItemType.valueOf(in.entityType()),
              in.entityId(),
              in.documentId(),
              in.recipient(),
              null,
              "job:" + job.getKey()));
    } catch (MissingRecipientException e) {
      throw CamundaError.jobError(
          "Mail " + in.template() + " not sent: " + e.getMessage(), Map.of(), 0);
    }
  }
}

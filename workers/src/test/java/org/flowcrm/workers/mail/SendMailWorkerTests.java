package org.flowcrm.workers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.mail.MailDeliveryException;
import org.flowcrm.crm.mail.MailRequest;
import org.flowcrm.crm.mail.MailService;
import org.flowcrm.crm.mail.MissingRecipientException;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SendMailWorkerTests {

  private final MailService mails = mock(MailService.class);
  private final SendMailWorker worker = new SendMailWorker(mails, mock(ProcessPositions.class));
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final SendMailWorker.Input invoice =
      new SendMailWorker.Input("deal.invoice", "DEAL", 9L, 12L, null);

  @BeforeEach
  void setUp() {
    when(job.getKey()).thenReturn(2251799813685400L);
  }

  @Test
  void sendsTheTemplateForTheDealWithItsDocumentKeyedByTheJob() {
    worker.sendMail(job, invoice);

    ArgumentCaptor<MailRequest> request = ArgumentCaptor.forClass(MailRequest.class);
    verify(mails).send(request.capture());
    assertThat(request.getValue())
        .isEqualTo(
            new MailRequest(
                "deal.invoice", ItemType.DEAL, 9L, 12L, null, null, "job:2251799813685400"));
  }

  @Test
  void aRedeliveredJobSendsUnderTheSameKey() {
    worker.sendMail(job, invoice);
    worker.sendMail(job, invoice);

    ArgumentCaptor<MailRequest> request = ArgumentCaptor.forClass(MailRequest.class);
    verify(mails, times(2)).send(request.capture());
    // MailService returns the mail already sent under a key instead of sending it again
    assertThat(request.getAllValues())
        .extracting(MailRequest::dedupeKey)
        .containsOnly("job:2251799813685400");
  }

  @Test
  void noAddressFailsTheJobWithoutRetriesAndSaysWhy() {
    when(mails.send(any()))
        .thenThrow(
            new MissingRecipientException(
                "deal 9 has no contact or company with an e-mail address; give a recipient"));

    assertThatThrownBy(() -> worker.sendMail(job, invoice))
        .isInstanceOfSatisfying(
            JobError.class,
            e -> {
              assertThat(e.getRetries()).isZero();
              assertThat(e.getErrorMessage())
                  .contains("deal.invoice")
                  .contains("deal 9 has no contact");
            });
  }

  @Test
  void aRefusingMailServerFailsTheJobForARetry() {
    when(mails.send(any()))
        .thenThrow(new MailDeliveryException("The mail could not be sent: refused", null));
    assertThatThrownBy(() -> worker.sendMail(job, invoice))
        .isInstanceOf(MailDeliveryException.class);
  }
}

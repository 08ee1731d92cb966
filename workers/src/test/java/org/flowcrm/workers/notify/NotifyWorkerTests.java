package org.flowcrm.workers.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.notification.NotificationCommand;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class NotifyWorkerTests {

  private final NotificationService notifications = mock(NotificationService.class);
  private final UserService users = mock(UserService.class);
  private final LeadService leads = mock(LeadService.class);
  private final DealService deals = mock(DealService.class);
  private final NotifyWorker worker =
      new NotifyWorker(notifications, users, leads, deals, mock(ProcessPositions.class));
  private final ActivatedJob job = mock(ActivatedJob.class);

  @BeforeEach
  void setUp() {
    when(job.getKey()).thenReturn(4503599627370497L);
    when(users.list(true))
        .thenReturn(
            List.of(
                new UserView(1L, 0, "admin", "Admin", "a@example.com", true),
                new UserView(7L, 0, "mia", "Mia", "m@example.com", true)));
    LeadView lead = mock(LeadView.class);
    when(lead.title()).thenReturn("Website enquiry");
    when(leads.get(3L)).thenReturn(lead);
    DealView deal = mock(DealView.class);
    when(deal.title()).thenReturn("Order 42");
    when(deals.get(9L)).thenReturn(deal);
  }

  @Test
  void notifiesTheResponsibleOfTheLeadKeyedByTheJob() {
    worker.sendNotification(job, new NotifyWorker.Input("mia", "lead.assigned", "LEAD", 3L));

    ArgumentCaptor<NotificationCommand> sent = ArgumentCaptor.forClass(NotificationCommand.class);
    verify(notifications).notify(sent.capture());
    assertThat(sent.getValue().recipientId()).isEqualTo(7L);
    assertThat(sent.getValue().title()).isEqualTo("New lead assigned to you: Website enquiry");
    assertThat(sent.getValue().item()).isEqualTo(new ItemLink(ItemType.LEAD, 3L));
    assertThat(sent.getValue().dedupeKey()).isEqualTo("job:4503599627370497");
  }

  @Test
  void aRedeliveredJobCarriesTheSameDedupeKey() {
    NotifyWorker.Input in = new NotifyWorker.Input("mia", "delivery.delivered", "DEAL", 9L);
    worker.sendNotification(job, in);
    worker.sendNotification(job, in);

    ArgumentCaptor<NotificationCommand> sent = ArgumentCaptor.forClass(NotificationCommand.class);
    verify(notifications, times(2)).notify(sent.capture());
    // the service creates one notification per dedupe key
    assertThat(sent.getAllValues())
        .extracting(NotificationCommand::dedupeKey)
        .containsOnly("job:4503599627370497");
    assertThat(sent.getValue().title()).isEqualTo("Delivered: Order 42");
  }

  @Test
  void anUnknownRecipientFailsTheJob() {
    assertThatThrownBy(
            () ->
                worker.sendNotification(
                    job, new NotifyWorker.Input("ghost", "lead.assigned", "LEAD", 3L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ghost");
    verify(notifications, never()).notify(any());
  }

  @Test
  void anUnassignedLeadNotifiesNobody() {
    worker.sendNotification(job, new NotifyWorker.Input(null, "lead.assigned", "LEAD", 3L));
    verifyNoInteractions(notifications);
  }
}

package org.flowcrm.workers.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.activity.ActivityView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LogActivityWorkerTests {

  private final ActivityService activities = mock(ActivityService.class);
  private final LogActivityWorker worker =
      new LogActivityWorker(activities, mock(ProcessPositions.class));
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final ActivityView open = mock(ActivityView.class);

  @BeforeEach
  void setUp() {
    when(job.getProcessInstanceKey()).thenReturn(2251799813685249L);
    when(job.getElementId()).thenReturn("log-call");
    when(job.getKey()).thenReturn(2251799813685300L);
    when(open.id()).thenReturn(31L);
    when(open.completed()).thenReturn(false);
    when(activities.record(any(), anyString())).thenReturn(open);
  }

  @Test
  void logsACompletedCallOnTheLeadsTimelineKeyedByTheProcessStepAndJob() {
    worker.logActivity(
        job, new LogActivityWorker.Input("LEAD", 5L, "CALL", "Client wants a call back"));

    ArgumentCaptor<ActivityCommand> command = ArgumentCaptor.forClass(ActivityCommand.class);
    verify(activities).record(command.capture(), eq("2251799813685249:log-call:2251799813685300"));
    assertThat(command.getValue().type()).isEqualTo(ActivityType.CALL);
    assertThat(command.getValue().subject()).isEqualTo("Call: Client wants a call back");
    assertThat(command.getValue().description()).isEqualTo("Client wants a call back");
    assertThat(command.getValue().links()).containsExactly(new ItemLink(ItemType.LEAD, 5L));
    verify(activities).complete(31L);
  }

  @Test
  void aKindThatIsNoActivityTypeIsANoteNamedAfterIt() {
    ActivityView note = mock(ActivityView.class);
    when(note.completed()).thenReturn(true);
    when(activities.record(any(), anyString())).thenReturn(note);

    worker.logActivity(
        job,
        new LogActivityWorker.Input(
            "DEAL", 9L, "DELIVERY_FAILED", "Delivery attempt 1 failed: nobody home"));

    ArgumentCaptor<ActivityCommand> command = ArgumentCaptor.forClass(ActivityCommand.class);
    verify(activities).record(command.capture(), anyString());
    assertThat(command.getValue().type()).isEqualTo(ActivityType.NOTE);
    assertThat(command.getValue().subject())
        .isEqualTo("Delivery failed: Delivery attempt 1 failed: nobody home");
    assertThat(command.getValue().links()).containsExactly(new ItemLink(ItemType.DEAL, 9L));
    verify(activities, never()).complete(anyLong());
  }

  @Test
  void aRedeliveredJobGetsTheEntryOfTheFirstDelivery() {
    ActivityView done = mock(ActivityView.class);
    when(done.completed()).thenReturn(true);
    when(activities.record(any(), eq("2251799813685249:log-call:2251799813685300")))
        .thenReturn(open)
        .thenReturn(done);
    LogActivityWorker.Input in = new LogActivityWorker.Input("LEAD", 5L, "CALL", "Called");

    worker.logActivity(job, in);
    worker.logActivity(job, in);

    // the service returns the first entry for the same key; it is completed once
    verify(activities).complete(31L);
  }

  @Test
  void aLinkToAMissingRecordFailsTheJob() {
    when(activities.record(any(), anyString()))
        .thenThrow(new InvalidFieldException("links[0]", "lead 5 does not exist"));
    assertThatThrownBy(
            () -> worker.logActivity(job, new LogActivityWorker.Input("LEAD", 5L, "CALL", "x")))
        .isInstanceOf(InvalidFieldException.class);
  }
}

package org.flowcrm.workers.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.user.Presence;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AssignResponsibleWorkerTests {

  private final LeadService leads = mock(LeadService.class);
  private final DealService deals = mock(DealService.class);
  private final ProcessPositions positions = mock(ProcessPositions.class);
  private final UserService users = mock(UserService.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:15:30.5Z"), ZoneOffset.UTC);
  private final AssignResponsibleWorker worker =
      new AssignResponsibleWorker(leads, deals, users, positions, "head", clock);

  private static UserView user(long id, String login) {
    return new UserView(id, 0, login, login, login + "@flowcrm.example", true);
  }

  private LeadView lead(long id, Long responsibleId) {
    LeadView lead = mock(LeadView.class);
    when(lead.id()).thenReturn(id);
    when(lead.version()).thenReturn(3L);
    when(lead.title()).thenReturn("Lead " + id);
    when(lead.responsibleId()).thenReturn(responsibleId);
    when(leads.get(id)).thenReturn(lead);
    return lead;
  }

  @BeforeEach
  void setUp() {
    when(users.list(true)).thenReturn(List.of(user(2, "bob"), user(1, "anna"), user(9, "head")));
  }

  @Test
  void neverAssignsTheSystemUserNorSomeoneAway() {
    when(users.list(true))
        .thenReturn(
            List.of(
                user(1, "system"),
                new UserView(2, 0, "away", "Away", null, true, null, Presence.AWAY),
                user(3, "carol")));
    for (long id = 20; id < 23; id++) {
      lead(id, null);
      assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", id, false)))
          .containsEntry("responsibleUser", "carol");
    }
  }

  @Test
  void whenEverybodyIsAwayTheLeadStillGetsSomebody() {
    when(users.list(true))
        .thenReturn(List.of(new UserView(2, 0, "away", "Away", null, true, null, Presence.AWAY)));
    lead(30L, null);
    assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", 30L, false)))
        .containsEntry("responsibleUser", "away");
  }

  @Test
  void assignsLeadsRoundRobinWithADueDate() {
    lead(7L, null);
    lead(8L, null);

    ActivatedJob job = mock(ActivatedJob.class);
    Map<String, Object> first =
        worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false), job);
    verify(positions).at(job, "LEAD", 7L);
    Map<String, Object> second = worker.assign(new AssignResponsibleWorker.Input("LEAD", 8L, null));

    assertThat(first)
        .isEqualTo(Map.of("responsibleUser", "anna", "qualifyDueDate", "2026-11-29T11:15:30Z"));
    assertThat(second).containsEntry("responsibleUser", "bob");
    ArgumentCaptor<LeadCommand> command = ArgumentCaptor.forClass(LeadCommand.class);
    verify(leads).update(eq(7L), command.capture(), eq(3L));
    assertThat(command.getValue().responsibleId()).isEqualTo(1L);
    assertThat(command.getValue().title()).isEqualTo("Lead 7");
    assertThat(command.getValue().status()).isNull();
  }

  @Test
  void secondDeliveryKeepsTheAssignedUser() {
    lead(7L, 2L);

    Map<String, Object> out = worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false));

    assertThat(out).containsEntry("responsibleUser", "bob");
    verify(leads, never()).update(anyLong(), any(), any());
  }

  @Test
  void escalationGoesToTheHeadOfDepartment() {
    lead(7L, 2L);

    Map<String, Object> out = worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, true));

    assertThat(out).containsEntry("responsibleUser", "head");
    ArgumentCaptor<LeadCommand> command = ArgumentCaptor.forClass(LeadCommand.class);
    verify(leads).update(eq(7L), command.capture(), eq(3L));
    assertThat(command.getValue().responsibleId()).isEqualTo(9L);
  }

  @Test
  void dealKeepsItsResponsibleAndGetsNoDueDate() {
    DealView deal = mock(DealView.class);
    when(deal.responsibleId()).thenReturn(9L);
    when(deals.get(5L)).thenReturn(deal);

    assertThat(worker.assign(new AssignResponsibleWorker.Input("DEAL", 5L, false)))
        .isEqualTo(Map.of("responsibleUser", "head"));
    verify(deals, never()).update(anyLong(), any(), any());
  }

  @Test
  void unassignedDealGetsTheNextUser() {
    DealView deal = mock(DealView.class);
    when(deal.id()).thenReturn(5L);
    when(deal.version()).thenReturn(1L);
    when(deal.title()).thenReturn("Deal 5");
    when(deals.get(5L)).thenReturn(deal);

    assertThat(worker.assign(new AssignResponsibleWorker.Input("DEAL", 5L, false)))
        .isEqualTo(Map.of("responsibleUser", "anna"));
    ArgumentCaptor<DealCommand> command = ArgumentCaptor.forClass(DealCommand.class);
    verify(deals).update(eq(5L), command.capture(), eq(1L));
    assertThat(command.getValue().responsibleId()).isEqualTo(1L);
  }

  @Test
  void noActiveUserFailsTheJob() {
    when(users.list(true)).thenReturn(List.of());
    lead(7L, null);
    assertThatThrownBy(() -> worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false)))
        .isInstanceOf(IllegalStateException.class);
  }
}

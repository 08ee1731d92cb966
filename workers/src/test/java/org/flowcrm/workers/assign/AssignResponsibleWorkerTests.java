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
import java.util.Optional;
import org.flowcrm.crm.assignment.AssignedRecord;
import org.flowcrm.crm.assignment.AssignmentDecision;
import org.flowcrm.crm.assignment.AssignmentRuleService;
import org.flowcrm.crm.assignment.RuleTarget;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.user.DepartmentService;
import org.flowcrm.crm.user.DepartmentView;
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
  private final AssignmentRuleService rules = mock(AssignmentRuleService.class);
  private final DepartmentService departments = mock(DepartmentService.class);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:15:30.5Z"), ZoneOffset.UTC);
  private final AssignResponsibleWorker worker =
      new AssignResponsibleWorker(
          leads, deals, users, positions, rules, departments, "head", clock);

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

  private void rule(long leadId, RuleTarget target, Long userId, Long departmentId) {
    when(rules.decide(AssignedRecord.LEAD, leadId))
        .thenReturn(Optional.of(new AssignmentDecision(1, "rule", target, userId, departmentId)));
  }

  @Test
  void aMatchingRuleNamesTheUser() {
    lead(7L, null);
    rule(7L, RuleTarget.USER, 9L, null);

    assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false)))
        .containsEntry("responsibleUser", "head");
    ArgumentCaptor<LeadCommand> command = ArgumentCaptor.forClass(LeadCommand.class);
    verify(leads).update(eq(7L), command.capture(), eq(3L));
    assertThat(command.getValue().responsibleId()).isEqualTo(9L);
  }

  @Test
  void theWebFormsRuleDecidesInsteadOfTheOrderedListAndAGoneRuleFallsBack() {
    lead(7L, null);
    rule(7L, RuleTarget.USER, 2L, null); // what the ordered list would say: bob
    when(rules.decisionOf(40L))
        .thenReturn(
            Optional.of(new AssignmentDecision(40, "web leads", RuleTarget.USER, 9L, null)));
    assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false, 40L)))
        .containsEntry("responsibleUser", "head");

    lead(8L, null);
    rule(8L, RuleTarget.USER, 2L, null);
    when(rules.decisionOf(41L)).thenReturn(Optional.empty()); // deleted or switched off since
    assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", 8L, false, 41L)))
        .containsEntry("responsibleUser", "bob");

    lead(10L, 1L); // a form's fixed user is already responsible: kept, whatever the rule
    assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", 10L, false, 40L)))
        .containsEntry("responsibleUser", "anna");
  }

  @Test
  void aRuleUserWhoIsAwayFallsBackToTheRoundRobin() {
    when(users.list(true))
        .thenReturn(
            List.of(
                user(1, "anna"),
                new UserView(9, 0, "senior", "Senior", null, true, null, Presence.AWAY)));
    lead(7L, null);
    rule(7L, RuleTarget.USER, 9L, null);

    assertThat(worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false)))
        .containsEntry("responsibleUser", "anna");
  }

  @Test
  void aDepartmentRuleTakesTurnsAmongItsPresentMembersIncludingSubDepartments() {
    when(departments.list())
        .thenReturn(
            List.of(
                new DepartmentView(50, 0, "Key accounts", null, null),
                new DepartmentView(51, 0, "Key accounts North", 50L, null),
                new DepartmentView(60, 0, "Support", null, null)));
    when(users.list(true))
        .thenReturn(
            List.of(
                new UserView(1, 0, "anna", "Anna", null, true, 50L, Presence.WORKING),
                new UserView(2, 0, "bob", "Bob", null, true, 51L, Presence.WORKING),
                new UserView(3, 0, "carl", "Carl", null, true, 50L, Presence.AWAY),
                new UserView(4, 0, "dora", "Dora", null, true, 60L, Presence.WORKING)));
    List<Object> chosen = new java.util.ArrayList<>();
    for (long id = 20; id < 24; id++) {
      lead(id, null);
      rule(id, RuleTarget.DEPARTMENT, null, 50L);
      chosen.add(
          worker
              .assign(new AssignResponsibleWorker.Input("LEAD", id, false))
              .get("responsibleUser"));
    }
    assertThat(chosen).containsExactly("anna", "bob", "anna", "bob");
  }

  @Test
  void leaveUnassignedKeepsTheLeadWithoutResponsible() {
    lead(7L, null);
    rule(7L, RuleTarget.UNASSIGNED, null, null);

    Map<String, Object> out = worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false));

    assertThat(out).containsEntry("responsibleUser", null).containsKey("qualifyDueDate");
    verify(leads, never()).update(anyLong(), any(), any());
  }

  @Test
  void aRecordThatHasAResponsibleIsNotJudgedAgain() {
    lead(7L, 2L);
    worker.assign(new AssignResponsibleWorker.Input("LEAD", 7L, false));
    verify(rules, never()).decide(any(), anyLong());
  }
}

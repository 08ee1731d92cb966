package org.flowcrm.workers.status;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.Test;

class ChangeStatusWorkerTests {

  private final LeadService leads = mock(LeadService.class);
  private final DealService deals = mock(DealService.class);
  private final ProcessPositions positions = mock(ProcessPositions.class);
  private final ChangeStatusWorker worker = new ChangeStatusWorker(leads, deals, positions);

  private void leadStatus(String status) {
    LeadView lead = mock(LeadView.class);
    when(lead.status()).thenReturn(status);
    when(leads.get(7L)).thenReturn(lead);
  }

  private void dealStage(String stage) {
    DealView deal = mock(DealView.class);
    when(deal.stageCode()).thenReturn(stage);
    when(deals.get(9L)).thenReturn(deal);
  }

  @Test
  void setsLeadStatusAndRecordsTheReason() {
    leadStatus("IN_PROCESSING");
    worker.changeStatus(new ChangeStatusWorker.Input("LEAD", 7L, "JUNK", "spam"));
    verify(leads).changeStatus(7L, "JUNK", null);
    verify(leads).addComment(7L, "JUNK: spam");
  }

  @Test
  void leadAlreadyInTheStatusIsANoOp() {
    leadStatus("JUNK");
    worker.changeStatus(new ChangeStatusWorker.Input("LEAD", 7L, "JUNK", "spam"));
    verify(leads, never()).changeStatus(anyLong(), anyString(), org.mockito.ArgumentMatchers.any());
    verify(leads, never()).addComment(anyLong(), anyString());
  }

  @Test
  void theJobRecordsTheMilestoneOnTheRecordFirst() {
    dealStage("FIRST_CALL");
    ActivatedJob job = mock(ActivatedJob.class);
    worker.changeStatus(new ChangeStatusWorker.Input("DEAL", 9L, "OFFER", null), job);
    verify(positions).at(job, "DEAL", 9L);
    verify(deals).moveToStage(9L, "OFFER");
  }

  @Test
  void movesDealToStage() {
    dealStage("FIRST_CALL");
    worker.changeStatus(new ChangeStatusWorker.Input("DEAL", 9L, "OFFER", null));
    verify(deals).moveToStage(9L, "OFFER");
    verify(deals, never()).addComment(anyLong(), anyString());
  }

  @Test
  void dealAlreadyAtStageIsANoOp() {
    dealStage("OFFER");
    worker.changeStatus(new ChangeStatusWorker.Input("DEAL", 9L, "OFFER", null));
    verify(deals, never()).moveToStage(anyLong(), anyString());
  }

  @Test
  void refusedMoveFailsTheJob() {
    dealStage("WON");
    when(deals.moveToStage(9L, "LOST")).thenThrow(new ConflictException("deal is closed"));
    assertThatThrownBy(
            () -> worker.changeStatus(new ChangeStatusWorker.Input("DEAL", 9L, "LOST", "x")))
        .isInstanceOf(ConflictException.class);
    verify(deals, never()).addComment(anyLong(), anyString());
  }

  @Test
  void unknownEntityTypeFailsTheJob() {
    assertThatThrownBy(
            () -> worker.changeStatus(new ChangeStatusWorker.Input("QUOTE", 1L, "X", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.flowcrm.workers.lifecycle;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.process.ProcessLinkService;
import org.flowcrm.crm.process.ProcessSubject;
import org.junit.jupiter.api.Test;

class ProcessPositionsTests {

  private final ProcessLinkService links = mock(ProcessLinkService.class);
  private final ProcessPositions positions = new ProcessPositions(links, new ElementNames());

  private ActivatedJob job(String processId, long instance, Long root, String element) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getBpmnProcessId()).thenReturn(processId);
    when(job.getProcessInstanceKey()).thenReturn(instance);
    when(job.getRootProcessInstanceKey()).thenReturn(root);
    when(job.getElementId()).thenReturn(element);
    return job;
  }

  @Test
  void recordsTheElementAndItsNameOnTheLead() {
    positions.at(job("lead-processing", 11L, 11L, "qualify-lead"), "LEAD", 7L);
    verify(links)
        .record(ProcessSubject.LEAD, 7L, 11L, "lead-processing", "qualify-lead", "Qualify lead");
  }

  @Test
  void aCalledProcessIsRecordedOnTheRootInstanceThatDrivesTheDeal() {
    positions.at(job("courier-delivery", 12L, 5L, "deliver-order"), "DEAL", 9L);
    verify(links).record(ProcessSubject.DEAL, 9L, 5L, null, "deliver-order", "Deliver order");
  }

  @Test
  void otherEntitiesAndMissingIdsRecordNothing() {
    positions.at(job("deal-execution", 1L, null, "x"), "QUOTE", 3L);
    positions.at(job("deal-execution", 1L, null, "x"), "DEAL", null);
    verify(links, never())
        .record(any(), anyLong(), anyLong(), anyString(), anyString(), anyString());
  }
}

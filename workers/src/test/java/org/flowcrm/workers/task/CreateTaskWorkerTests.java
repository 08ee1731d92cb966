package org.flowcrm.workers.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.invoice.InvoiceFilter;
import org.flowcrm.crm.invoice.InvoiceService;
import org.flowcrm.crm.invoice.InvoiceStatus;
import org.flowcrm.crm.invoice.InvoiceView;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.CursorPage;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.crm.task.TaskView;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class CreateTaskWorkerTests {

  private final TaskService tasks = mock(TaskService.class);
  private final DealService deals = mock(DealService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final ProcessPositions positions = mock(ProcessPositions.class);
  private final CreateTaskWorker worker = new CreateTaskWorker(tasks, deals, invoices, positions);
  private final DealView deal = mock(DealView.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final CreateTaskWorker.Input input =
      new CreateTaskWorker.Input("DEAL", 9L, "COURIER_DELIVERY", "Deliver order", "couriers");

  @BeforeEach
  void setUp() {
    when(job.getProcessInstanceKey()).thenReturn(2251799813685249L);
    when(job.getElementId()).thenReturn("createCourierTask");
    when(deal.id()).thenReturn(9L);
    when(deal.title()).thenReturn("Order 42");
    when(deal.contactIds()).thenReturn(List.of(3L));
    when(deal.companyId()).thenReturn(4L);
    when(deal.expectedCloseDate()).thenReturn(LocalDate.of(2026, 12, 1));
    when(deals.get(9L)).thenReturn(deal);
    TaskView task = mock(TaskView.class);
    when(task.id()).thenReturn(55L);
    when(tasks.createForProcess(any(), anyLong(), anyString())).thenReturn(task);
    when(invoices.list(any(), any())).thenReturn(new CursorPage<>(List.of(), null));
  }

  @Test
  void createsTheTaskForThisProcessStep() {
    Map<String, Object> out = worker.createTask(job, input);

    assertThat(out).containsEntry("taskId", 55L);
    verify(positions).at(job, "DEAL", 9L);
    ArgumentCaptor<TaskCommand> command = ArgumentCaptor.forClass(TaskCommand.class);
    verify(tasks)
        .createForProcess(command.capture(), eq(2251799813685249L), eq("createCourierTask"));
    assertThat(command.getValue().title()).isEqualTo("Deliver order");
    assertThat(command.getValue().description()).contains("couriers", "Order 42");
    assertThat(command.getValue().links())
        .containsExactly(
            new ItemLink(ItemType.DEAL, 9L),
            new ItemLink(ItemType.CONTACT, 3L),
            new ItemLink(ItemType.COMPANY, 4L));
    assertThat(command.getValue().deadline()).isNotNull();
  }

  @Test
  void aCourierTaskCarriesTheDeliveryWishesTheDeadlineAndTheInvoices() {
    when(deal.delivery())
        .thenReturn(
            new DeliveryWishes("ul. Prosta 1", LocalDate.of(2026, 12, 3), "10:00-14:00", "Ring"));
    InvoiceView sent = mock(InvoiceView.class);
    when(sent.id()).thenReturn(70L);
    when(sent.number()).thenReturn("INV-2026-0070");
    when(sent.status()).thenReturn(InvoiceStatus.SENT);
    InvoiceView cancelled = mock(InvoiceView.class);
    when(cancelled.status()).thenReturn(InvoiceStatus.CANCELLED);
    when(invoices.list(eq(new InvoiceFilter(null, 9L, null, null, null)), any()))
        .thenReturn(new CursorPage<>(List.of(sent, cancelled), null));

    Map<String, Object> out = worker.createTask(job, input);

    assertThat(out)
        .containsEntry(
            "deliveryWishes",
            Map.of(
                "address", "ul. Prosta 1",
                "date", "2026-12-03",
                "timeWindow", "10:00-14:00",
                "note", "Ring"))
        .containsEntry("deliveryDeadline", "2026-12-03")
        .containsEntry(
            "documents", List.of(Map.of("type", "INVOICE", "id", 70L, "number", "INV-2026-0070")));
    ArgumentCaptor<TaskCommand> command = ArgumentCaptor.forClass(TaskCommand.class);
    verify(tasks).createForProcess(command.capture(), anyLong(), anyString());
    assertThat(command.getValue().description())
        .contains("Delivery address: ul. Prosta 1", "Time window: 10:00-14:00", "INV-2026-0070");
    // the wished day is the deadline, not the expected close date
    assertThat(command.getValue().deadline()).isEqualTo("2026-12-03T00:00:00Z");
  }

  @Test
  void secondDeliveryReturnsTheSameTask() {
    Map<String, Object> first = worker.createTask(job, input);
    Map<String, Object> second = worker.createTask(job, input);

    assertThat(second).isEqualTo(first);
    // the service is idempotent per (process instance, element): both calls carry the same key
    verify(tasks, times(2)).createForProcess(any(), eq(2251799813685249L), eq("createCourierTask"));
  }

  @Test
  void unknownDealFailsTheJob() {
    when(deals.get(9L)).thenThrow(new NotFoundException("Deal", 9L));
    assertThatThrownBy(() -> worker.createTask(job, input)).isInstanceOf(NotFoundException.class);
  }
}

package org.flowcrm.workers.task;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.task.TaskCommand;
import org.flowcrm.crm.task.TaskService;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.stereotype.Component;

/**
 * {@link JobTypes#CREATE_TASK}: creates a CRM task through {@code TaskService.createForProcess},
 * which is idempotent per process step (process instance key + element id), so a redelivered job
 * returns the task created the first time. For a deal the task links the deal, its contacts and
 * company, and its deadline is the deal's expected close date. The CRM's tasks have no candidate
 * group, so {@code candidateGroup} goes into the description.
 *
 * <p>A courier task ({@code taskKind COURIER_DELIVERY}) carries what the courier needs: the deal's
 * delivery wishes, the deadline (the wished day, else the expected close date) and the deal's
 * invoices, in the CRM task's description and as process variables ({@link
 * JobTypes.Variables#DELIVERY_WISHES}, {@link JobTypes.Variables#DELIVERY_DEADLINE}, {@link
 * JobTypes.Variables#DOCUMENTS}) that the following "Deliver order" user task sees.
 */
@Component
public class CreateTaskWorker {

  /** The job's input variables. */
  public record Input(
      String entityType, Long entityId, String taskKind, String title, String candidateGroup) {}

  private final TaskService tasks;
  private final DealService deals;
  private final InvoiceService invoices;
  private final ProcessPositions positions;

  public CreateTaskWorker(
      TaskService tasks, DealService deals, InvoiceService invoices, ProcessPositions positions) {
    this.tasks = tasks;
    this.deals = deals;
    this.invoices = invoices;
    this.positions = positions;
  }

  @JobWorker(type = JobTypes.CREATE_TASK)
  public Map<String, Object> createTask(ActivatedJob job, @VariablesAsType Input in) {
    positions.at(job, in.entityType(), in.entityId());
    List<ItemLink> links = new ArrayList<>();
    StringBuilder description = new StringBuilder();
    if (in.taskKind() != null) {
      description.append("Kind: ").append(in.taskKind()).append('\n');
    }
    if (in.candidateGroup() != null) {
      description.append("Candidate group: ").append(in.candidateGroup()).append('\n');
    }
    java.time.Instant deadline = null;
    Map<String, Object> out = new LinkedHashMap<>();
    if (JobTypes.Values.DEAL.equals(in.entityType())) {
      DealView deal = deals.get(in.entityId());
      links.add(new ItemLink(ItemType.DEAL, deal.id()));
      deal.contactIds().forEach(id -> links.add(new ItemLink(ItemType.CONTACT, id)));
      if (deal.companyId() != null) {
        links.add(new ItemLink(ItemType.COMPANY, deal.companyId()));
      }
      description.append("Deal: ").append(deal.title());
      if (deal.amount() != null) {
        description.append(", ").append(deal.amount()).append(' ').append(deal.currency());
      }
      description.append('\n');
      LocalDate due = deal.expectedCloseDate();
      if (JobTypes.Values.COURIER_DELIVERY.equals(in.taskKind())) {
        due = courierTask(deal, description, out);
      }
      if (due != null) {
        deadline = due.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    } else if (JobTypes.Values.LEAD.equals(in.entityType())) {
      links.add(new ItemLink(ItemType.LEAD, in.entityId()));
    }
    TaskCommand command =
        new TaskCommand(in.title(), description.toString(), null, deadline, List.of(), links);
    long taskId =
        tasks.createForProcess(command, job.getProcessInstanceKey(), job.getElementId()).id();
    out.put(JobTypes.Variables.TASK_ID, taskId);
    return out;
  }

  /**
   * Adds the delivery wishes and invoices to the description and the variables; returns the
   * delivery deadline.
   */
  private LocalDate courierTask(DealView deal, StringBuilder description, Map<String, Object> out) {
    DeliveryWishes wishes = deal.delivery() == null ? DeliveryWishes.NONE : deal.delivery();
    LocalDate due = wishes.date() != null ? wishes.date() : deal.expectedCloseDate();
    Map<String, Object> wished = new LinkedHashMap<>();
    wished.put("address", wishes.address());
    wished.put("date", wishes.date() == null ? null : wishes.date().toString());
    wished.put("timeWindow", wishes.timeWindow());
    wished.put("note", wishes.note());
    out.put(JobTypes.Variables.DELIVERY_WISHES, wished);
    out.put(JobTypes.Variables.DELIVERY_DEADLINE, due == null ? null : due.toString());
    line(description, "Delivery address", wishes.address());
    line(description, "Delivery day", wishes.date());
    line(description, "Time window", wishes.timeWindow());
    line(description, "Delivery note", wishes.note());
    List<Map<String, Object>> documents = new ArrayList<>();
    for (InvoiceView invoice :
        invoices
            .list(
                new InvoiceFilter(null, deal.id(), null, null, null),
                new ListRequest(null, 20, null))
            .items()) {
      if (invoice.status() == InvoiceStatus.CANCELLED) {
        continue;
      }
      documents.add(Map.of("type", "INVOICE", "id", invoice.id(), "number", invoice.number()));
      line(description, "Invoice", invoice.number());
    }
    out.put(JobTypes.Variables.DOCUMENTS, documents);
    return due;
  }

  private static void line(StringBuilder description, String label, Object value) {
    if (value != null) {
      description.append(label).append(": ").append(value).append('\n');
    }
  }
}

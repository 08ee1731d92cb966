package org.flowcrm.workers.notify;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.notification.NotificationCommand;
import org.flowcrm.crm.notification.NotificationService;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.processes.JobTypes;
import org.flowcrm.workers.lifecycle.ProcessPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link JobTypes#NOTIFY}: an in-app notification to the user whose login is {@code recipient},
 * with a text chosen by the {@code notification} key and linked to the lead or deal. No recipient
 * (an assignment rule left the record unassigned) notifies nobody. Idempotent by the job key (the
 * notification's dedupe key): a redelivered job notifies nobody twice. An unknown or deactivated
 * recipient fails the job (the model passes a login the CRM gave it, so that is a bug or a user
 * deactivated meanwhile).
 */
@Component
public class NotifyWorker {

  /** The job's input variables. */
  public record Input(String recipient, String notification, String entityType, Long entityId) {}

  private final NotificationService notifications;
  private final UserService users;
  private final LeadService leads;
  private final DealService deals;
  private final ProcessPositions positions;

  private final TransactionOperations transaction;

  @Autowired
  public NotifyWorker(
      NotificationService notifications,
      UserService users,
      LeadService leads,
      DealService deals,
      ProcessPositions positions,
      PlatformTransactionManager transactions) {
    this(notifications, users, leads, deals, positions, new TransactionTemplate(transactions));
  }

  NotifyWorker(
      NotificationService notifications,
      UserService users,
      LeadService leads,
      DealService deals,
      ProcessPositions positions) {
    this(notifications, users, leads, deals, positions, TransactionOperations.withoutTransaction());
  }

  private NotifyWorker(
      NotificationService notifications,
      UserService users,
      LeadService leads,
      DealService deals,
      ProcessPositions positions,
      TransactionOperations transaction) {
    this.notifications = notifications;
    this.users = users;
    this.leads = leads;
    this.deals = deals;
    this.positions = positions;
    this.transaction = transaction;
  }

  /**
   * The position and the notification in one transaction: one commit per job instead of one per
   * service call; the job is completed only after it commits.
   */
  @JobWorker(type = JobTypes.NOTIFY)
  public void sendNotification(ActivatedJob job, @VariablesAsType Input in) {
    transaction.executeWithoutResult(status -> notifyRecipient(job, in));
  }

  private void notifyRecipient(ActivatedJob job, Input in) {
    positions.at(job, in.entityType(), in.entityId());
    if (in.recipient() == null || in.recipient().isBlank()) {
      return; // an assignment rule left the record unassigned: there is nobody to tell yet
    }
    UserView recipient =
        users.list(true).stream()
            .filter(u -> u.login().equals(in.recipient()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No active user with login '" + in.recipient() + "' to notify"));
    ItemLink item = null;
    String record = "";
    if (JobTypes.Values.LEAD.equals(in.entityType()) && in.entityId() != null) {
      item = new ItemLink(ItemType.LEAD, in.entityId());
      record = leads.get(in.entityId()).title();
    } else if (JobTypes.Values.DEAL.equals(in.entityType()) && in.entityId() != null) {
      item = new ItemLink(ItemType.DEAL, in.entityId());
      record = deals.get(in.entityId()).title();
    }
    Text text = text(in.notification(), record);
    notifications.notify(
        new NotificationCommand(
            recipient.id(), text.title(), text.body(), item, "job:" + job.getKey()));
  }

  /** The title and body of each {@link JobTypes.Values#NOTIFICATIONS} key. */
  static Text text(String key, String record) {
    String title =
        switch (key == null ? "" : key) {
          case "lead.assigned" -> "New lead assigned to you: " + record;
          case "lead.qualify-reminder" -> "Reminder: qualify the lead " + record;
          case "delivery.delivered" -> "Delivered: " + record;
          default -> (key == null ? "Notification" : key) + (record.isEmpty() ? "" : ": " + record);
        };
    String body =
        switch (key == null ? "" : key) {
          case "lead.assigned" -> "Qualify it within one working hour.";
          case "lead.qualify-reminder" -> "The lead is still waiting for your qualification.";
          case "delivery.delivered" -> "The courier confirmed the delivery to the client.";
          default -> null;
        };
    return new Text(title.length() > 255 ? title.substring(0, 254) + "…" : title, body);
  }

  record Text(String title, String body) {}
}

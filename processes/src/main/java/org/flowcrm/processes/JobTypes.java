package org.flowcrm.processes;

import java.util.List;

/**
 * The job types of the service tasks in the Flowcrm models, with the BPMN error codes, message
 * names, variable names and static values they exchange with the workers. The element templates
 * under {@code element-templates/} bind the same strings, and the tests of this module check that
 * every service task uses one of these types.
 *
 * <p>A worker is bound as {@code @JobWorker(type = JobTypes.SEND_MAIL)}. Its inputs arrive as
 * variables (the service task's {@code zeebe:input} mappings, local to the task); it returns only
 * the variables listed as outputs below, which the engine merges into the process scope.
 */
public final class JobTypes {

  /**
   * Picks the responsible manager of a lead or deal (round robin among present managers, or the
   * CRM's rules; keeps the current one of a deal that already has one). With {@code escalate =
   * true} it picks the head of department instead.
   *
   * <p>In: {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID}, {@link Variables#ESCALATE},
   * optional {@link Variables#ASSIGNMENT_RULE_ID} (a process variable set at the start for a record
   * from a web form that names one rule: that rule decides instead of the ordered list). Out:
   * {@link Variables#RESPONSIBLE_USER} (always a user name), {@link Variables#QUALIFY_DUE_DATE}
   * (leads only: ISO date-time one working hour of that user ahead).
   */
  public static final String ASSIGN_RESPONSIBLE = "crm.assign-responsible";

  /**
   * Sends an in-app notification.
   *
   * <p>In: {@link Variables#RECIPIENT}, {@link Variables#NOTIFICATION} (a message key, see {@link
   * Values}), {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID}. Out: nothing.
   */
  public static final String NOTIFY = "crm.notify";

  /**
   * Creates a CRM task (e.g. the courier's task with the client's delivery wishes, deadline and
   * documents, read from the deal).
   *
   * <p>In: {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID}, {@link Variables#TASK_KIND},
   * {@link Variables#TITLE}, {@link Variables#CANDIDATE_GROUP}. Out: {@link Variables#TASK_ID}.
   */
  public static final String CREATE_TASK = "crm.create-task";

  /**
   * Sets a lead's status or a deal's pipeline stage (the kanban column).
   *
   * <p>In: {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID}, {@link Variables#STATUS},
   * {@link Variables#REASON} (optional). Out: nothing.
   */
  public static final String CHANGE_STATUS = "crm.change-status";

  /**
   * Creates CRM entities from a lead or deal: converts a lead into contact, company and deal, or
   * creates a quote or an invoice from a deal.
   *
   * <p>In: {@link Variables#CREATE} ({@link Values#CONVERT_LEAD}, {@link Values#QUOTE}, {@link
   * Values#INVOICE}), {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID}, optional {@link
   * Variables#DISCOUNT_PERCENT} (QUOTE, INVOICE: granted on the deal's rows first). Out: for {@code
   * CONVERT_LEAD} {@link Variables#DEAL_ID}, {@link Variables#CONTACT_ID}, {@link
   * Variables#COMPANY_ID}; for {@code QUOTE} {@link Variables#QUOTE_ID}, {@link
   * Variables#QUOTE_NUMBER}; for {@code INVOICE} {@link Variables#INVOICE_ID}, {@link
   * Variables#INVOICE_NUMBER}. Error: {@link Errors#LEAD_DUPLICATE}.
   */
  public static final String CREATE_ENTITY = "crm.create-entity";

  /**
   * Renders a mail template (Freemarker, editable in the CRM) and sends it.
   *
   * <p>In: {@link Variables#TEMPLATE}, {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID},
   * {@link Variables#DOCUMENT_ID} (optional: quote or invoice to attach), {@link
   * Variables#RECIPIENT} (optional: defaults to the entity's contact). Out: nothing.
   */
  public static final String SEND_MAIL = "crm.send-mail";

  /**
   * Writes a timeline entry.
   *
   * <p>In: {@link Variables#ENTITY_TYPE}, {@link Variables#ENTITY_ID}, {@link Variables#ACTIVITY},
   * {@link Variables#TEXT}. Out: nothing.
   */
  public static final String LOG_ACTIVITY = "crm.log-activity";

  /**
   * Starts {@link ProcessIds#DEAL_EXECUTION} for a deal, exactly as for a deal created in the CRM;
   * idempotent by deal (the CRM records the instance that drives each deal).
   *
   * <p>In: {@link Variables#DEAL_ID}, {@link Variables#RESPONSIBLE_USER}. Out: nothing.
   */
  public static final String START_DEAL_PROCESS = "crm.start-deal-process";

  /** Every job type above. */
  public static final List<String> ALL =
      List.of(
          ASSIGN_RESPONSIBLE,
          NOTIFY,
          CREATE_TASK,
          CHANGE_STATUS,
          CREATE_ENTITY,
          SEND_MAIL,
          LOG_ACTIVITY,
          START_DEAL_PROCESS);

  /** BPMN error codes a worker may throw; the models catch them with error boundary events. */
  public static final class Errors {

    /** {@link #CREATE_ENTITY} converting a lead whose contact already exists. */
    public static final String LEAD_DUPLICATE = "LEAD_DUPLICATE";

    private Errors() {}
  }

  /** Message names, with the correlation key each subscription uses. */
  public static final class Messages {

    /** A payment for an invoice arrived. Correlation key: the invoice number. */
    public static final String INVOICE_PAID = "invoice-paid";

    /** The deal is lost (from any stage). Correlation key: the deal id. Variable: lostReason. */
    public static final String DEAL_LOST = "deal-lost";

    /**
     * A manager moved the deal on the kanban. Correlation key: {@code <dealId>:<target stage>}, see
     * {@link #stageMoveKey}. Only the moves the process is waiting for have a subscription;
     * correlate (never publish with a time to live) so that any other move is refused.
     */
    public static final String DEAL_STAGE_MOVE = "deal-stage-move";

    /** The correlation key of {@link #DEAL_STAGE_MOVE}. */
    public static String stageMoveKey(Object dealId, String targetStage) {
      return dealId + ":" + targetStage;
    }

    private Messages() {}
  }

  /** Variable names exchanged with the workers and the CRM. */
  public static final class Variables {
    public static final String LEAD_ID = "leadId";
    public static final String DEAL_ID = "dealId";
    public static final String CONTACT_ID = "contactId";
    public static final String COMPANY_ID = "companyId";
    public static final String QUOTE_ID = "quoteId";
    public static final String QUOTE_NUMBER = "quoteNumber";
    public static final String INVOICE_ID = "invoiceId";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String TASK_ID = "taskId";

    /**
     * Returned by {@code crm.create-task} for a courier task: the deal's delivery wishes ({@code
     * address}, {@code date}, {@code timeWindow}, {@code note}), the delivery deadline (ISO date)
     * and the documents the courier brings (invoices: {@code type}, {@code id}, {@code number}).
     */
    public static final String DELIVERY_WISHES = "deliveryWishes";

    public static final String DELIVERY_DEADLINE = "deliveryDeadline";
    public static final String DOCUMENTS = "documents";

    public static final String ENTITY_TYPE = "entityType";
    public static final String ENTITY_ID = "entityId";
    public static final String ESCALATE = "escalate";
    public static final String ASSIGNMENT_RULE_ID = "assignmentRuleId";
    public static final String RESPONSIBLE_USER = "responsibleUser";
    public static final String QUALIFY_DUE_DATE = "qualifyDueDate";
    public static final String RECIPIENT = "recipient";
    public static final String NOTIFICATION = "notification";
    public static final String TASK_KIND = "taskKind";
    public static final String TITLE = "title";
    public static final String CANDIDATE_GROUP = "candidateGroup";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String CREATE = "create";
    public static final String TEMPLATE = "template";
    public static final String DOCUMENT_ID = "documentId";
    public static final String ACTIVITY = "activity";
    public static final String TEXT = "text";

    /** Set by the user task forms and read by the gateways. */
    public static final String QUALIFICATION = "qualification";

    public static final String QUALIFICATION_REASON = "qualificationReason";
    public static final String NEXT_CALL_AT = "nextCallAt";
    public static final String NEGOTIATION_OUTCOME = "negotiationOutcome";
    public static final String DISCOUNT_PERCENT = "discountPercent";
    public static final String DELIVERY_RESULT = "deliveryResult";
    public static final String DELIVERY_NOTE = "deliveryNote";
    public static final String DELIVERY_RESOLUTION = "deliveryResolution";
    public static final String LOST_REASON = "lostReason";

    /** Optional settings a process may be started with (each has a default in the model). */
    public static final String ESCALATION_AFTER = "escalationAfter";

    public static final String QUALIFY_REMINDER_CYCLE = "qualifyReminderCycle";
    public static final String PAYMENT_REMINDER_CYCLE = "paymentReminderCycle";
    public static final String PAYMENT_FOLLOW_UP_AFTER = "paymentFollowUpAfter";
    public static final String MAX_DELIVERY_ATTEMPTS = "maxDeliveryAttempts";

    private Variables() {}
  }

  /** Static values the models pass in the inputs above. */
  public static final class Values {
    public static final String LEAD = "LEAD";
    public static final String DEAL = "DEAL";

    /** {@link Variables#CREATE} values. */
    public static final String CONVERT_LEAD = "CONVERT_LEAD";

    public static final String QUOTE = "QUOTE";
    public static final String INVOICE = "INVOICE";

    /** Lead status set by {@link #CHANGE_STATUS} (conversion itself marks a lead converted). */
    public static final String LEAD_JUNK = "JUNK";

    /** Deal stages, in pipeline order, set by {@link #CHANGE_STATUS}. */
    public static final List<String> DEAL_STAGES =
        List.of(
            "FIRST_CALL", "OFFER", "NEGOTIATION", "INVOICE", "PAYMENT", "DELIVERY", "WON", "LOST");

    /** {@link Variables#NOTIFICATION} keys. */
    public static final List<String> NOTIFICATIONS =
        List.of("lead.assigned", "lead.qualify-reminder", "delivery.delivered");

    /** {@link Variables#TEMPLATE} keys of mail templates. */
    public static final List<String> MAIL_TEMPLATES =
        List.of("deal.quote", "deal.invoice", "deal.payment-reminder");

    /** {@link Variables#ACTIVITY} kinds of timeline entries. */
    public static final List<String> ACTIVITIES = List.of("CALL", "DELIVERY_FAILED");

    /** {@link Variables#TASK_KIND} kinds of CRM tasks. */
    public static final String COURIER_DELIVERY = "COURIER_DELIVERY";

    private Values() {}
  }

  private JobTypes() {}
}

package org.flowcrm.crm.shared;

/** What a bulk request does to each selected record; which ones a list offers is its own choice. */
public enum BulkAction {
  /** Makes {@code responsibleId} responsible (leads, deals, contacts, companies). */
  ASSIGN,
  /** Deletes the record (leads, deals, contacts, companies). */
  DELETE,
  /** Moves a deal to {@code stageId}, through the same rules and process as a single move. */
  MOVE_STAGE,
  /** Gives a lead the status {@code status}. */
  CHANGE_STATUS,
  /**
   * Starts one CRM task per record, linked to it (leads, deals, contacts, companies); done by the
   * task feature ({@code BulkTaskService}), not by the records' own bulk.
   */
  START_TASK
}

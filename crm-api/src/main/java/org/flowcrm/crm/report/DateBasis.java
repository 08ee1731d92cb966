package org.flowcrm.crm.report;

/** Which date of a deal decides whether it falls into a report's period. */
public enum DateBasis {
  /** {@code created_at}: deals worked (taken on) in the period. */
  CREATED,
  /** {@code closed_at}: deals won or lost in the period. */
  CLOSED,
  /** Created in the period for "worked", closed in it for won and lost. */
  CREATED_OR_CLOSED,
  /** {@code expected_close_date}: open deals due in the period. */
  EXPECTED_CLOSE,
  /** None: the state now (open deals by stage); the period is not used. */
  NONE
}

package org.flowcrm.crm.reportdesigner;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far one designed report may go: at most {@code flowcrm.report-designer.row-limit} rows or
 * groups (default 10,000; more is returned as truncated) and {@code
 * flowcrm.report-designer.statement-timeout} of database time (default 10 s; MariaDB stops the
 * statement, the caller gets a 422). Settable at run time so an operator (or a test) can tighten
 * them without a restart.
 */
@Component
public class DesignerLimits {

  private volatile int rowLimit;
  private volatile Duration statementTimeout;

  DesignerLimits(
      @Value("${flowcrm.report-designer.row-limit:10000}") int rowLimit,
      @Value("${flowcrm.report-designer.statement-timeout:10s}") Duration statementTimeout) {
    setRowLimit(rowLimit);
    setStatementTimeout(statementTimeout);
  }

  public int rowLimit() {
    return rowLimit;
  }

  public Duration statementTimeout() {
    return statementTimeout;
  }

  public void setRowLimit(int rowLimit) {
    if (rowLimit < 1) {
      throw new IllegalArgumentException("row limit must be at least 1, not " + rowLimit);
    }
    this.rowLimit = rowLimit;
  }

  public void setStatementTimeout(Duration statementTimeout) {
    if (statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statement timeout must be positive");
    }
    this.statementTimeout = statementTimeout;
  }

  /** Seconds as MariaDB's max_statement_time takes them ("10", "0.25"). */
  String seconds() {
    return java.math.BigDecimal.valueOf(statementTimeout.toMillis(), 3)
        .stripTrailingZeros()
        .toPlainString();
  }
}

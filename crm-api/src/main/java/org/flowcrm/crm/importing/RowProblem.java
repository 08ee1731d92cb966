package org.flowcrm.crm.importing;

/** A row that cannot be imported; carries the column at fault and the reason. */
class RowProblem extends RuntimeException {

  private final String column;

  RowProblem(String column, String reason) {
    super(reason, null, false, false);
    this.column = column;
  }

  String column() {
    return column;
  }
}

package org.flowcrm.crm.importing;

/**
 * A row that was not imported: its number in the file (the header row is row 1), the column at
 * fault ({@code null} when the row as a whole failed) and why. A {@code notice} is a note on a row
 * that was imported with something left out (a photo at a web address): it does not count the row
 * as failed.
 */
public record RowFailure(long row, String column, String reason, boolean notice) {

  public RowFailure(long row, String column, String reason) {
    this(row, column, reason, false);
  }

  static RowFailure noted(long row, String column, String reason) {
    return new RowFailure(row, column, reason, true);
  }
}

package org.flowcrm.crm.importing;

/**
 * A row that was not imported: its number in the file (the header row is row 1), the column at
 * fault ({@code null} when the row as a whole failed) and why.
 */
public record RowFailure(long row, String column, String reason) {}

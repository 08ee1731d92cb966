package org.flowcrm.crm.importing;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How to read a file and what to make of it: {@code fields} names, per column (left to right), the
 * field it fills ({@code null} or empty = ignore the column). Left-out values keep what the upload
 * detected or defaults: duplicates {@code CREATE} by {@code EMAIL}, dates {@code yyyy-MM-dd},
 * decimal separator {@code .}, blank lines skipped ({@code skipEmptyLines} false makes each a row,
 * reported as failed). vCard imports ignore the reading settings and {@code fields}.
 */
public record ImportSettings(
    @Pattern(regexp = "UTF-8|windows-1250", message = "must be UTF-8 or windows-1250")
        String encoding,
    @Pattern(regexp = ",|;|\t", message = "must be a comma, a semicolon or a tab") String separator,
    Boolean hasHeader,
    @Size(max = 500) List<String> fields,
    DuplicateMode duplicateMode,
    DuplicateKey duplicateKey,
    @Size(max = 40) String dateFormat,
    @Pattern(regexp = "[.,]", message = "must be . or ,") String decimalSeparator,
    Boolean skipEmptyLines) {

  /** Settings without an opinion on blank lines (they are skipped). */
  public ImportSettings(
      String encoding,
      String separator,
      Boolean hasHeader,
      List<String> fields,
      DuplicateMode duplicateMode,
      DuplicateKey duplicateKey,
      String dateFormat,
      String decimalSeparator) {
    this(
        encoding,
        separator,
        hasHeader,
        fields,
        duplicateMode,
        duplicateKey,
        dateFormat,
        decimalSeparator,
        null);
  }

  /** Whether blank lines are left out (the default) rather than read as rows. */
  boolean skipsEmptyLines() {
    return !Boolean.FALSE.equals(skipEmptyLines);
  }

  ImportSettings merge(ImportSettings change) {
    return new ImportSettings(
        change.encoding != null ? change.encoding : encoding,
        change.separator != null ? change.separator : separator,
        change.hasHeader != null ? change.hasHeader : hasHeader,
        change.fields != null ? change.fields : fields,
        change.duplicateMode != null ? change.duplicateMode : duplicateMode,
        change.duplicateKey != null ? change.duplicateKey : duplicateKey,
        change.dateFormat != null ? change.dateFormat : dateFormat,
        change.decimalSeparator != null ? change.decimalSeparator : decimalSeparator,
        change.skipEmptyLines != null ? change.skipEmptyLines : skipEmptyLines);
  }
}

package org.flowcrm.crm.importing;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * How to read a file and what to make of it: {@code fields} names, per column (left to right), the
 * field it fills ({@code null} or empty = ignore the column). Left-out values keep what the upload
 * detected or defaults: duplicates {@code CREATE} by {@code EMAIL}, dates {@code yyyy-MM-dd},
 * decimal separator {@code .}. vCard imports ignore the reading settings and {@code fields}.
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
    @Pattern(regexp = "[.,]", message = "must be . or ,") String decimalSeparator) {

  ImportSettings merge(ImportSettings change) {
    return new ImportSettings(
        change.encoding != null ? change.encoding : encoding,
        change.separator != null ? change.separator : separator,
        change.hasHeader != null ? change.hasHeader : hasHeader,
        change.fields != null ? change.fields : fields,
        change.duplicateMode != null ? change.duplicateMode : duplicateMode,
        change.duplicateKey != null ? change.duplicateKey : duplicateKey,
        change.dateFormat != null ? change.dateFormat : dateFormat,
        change.decimalSeparator != null ? change.decimalSeparator : decimalSeparator);
  }
}

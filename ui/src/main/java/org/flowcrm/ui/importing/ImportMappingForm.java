package org.flowcrm.ui.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 2: per column the field it fills (empty: ignore the column), what to do with duplicates, and
 * how dates and numbers are written.
 */
public class ImportMappingForm {

  private List<String> fields = new ArrayList<>();
  private String duplicateMode = "CREATE";
  private String duplicateKey = "EMAIL";
  private String dateFormat = "yyyy-MM-dd";
  private String decimalSeparator = ".";

  public List<String> getFields() {
    return fields;
  }

  public void setFields(List<String> fields) {
    this.fields = fields;
  }

  public String getDuplicateMode() {
    return duplicateMode;
  }

  public void setDuplicateMode(String duplicateMode) {
    this.duplicateMode = duplicateMode;
  }

  public String getDuplicateKey() {
    return duplicateKey;
  }

  public void setDuplicateKey(String duplicateKey) {
    this.duplicateKey = duplicateKey;
  }

  public String getDateFormat() {
    return dateFormat;
  }

  public void setDateFormat(String dateFormat) {
    this.dateFormat = dateFormat;
  }

  public String getDecimalSeparator() {
    return decimalSeparator;
  }

  public void setDecimalSeparator(String decimalSeparator) {
    this.decimalSeparator = decimalSeparator;
  }

  /** The mapping for the service: an empty choice is {@code null} ("ignore this column"). */
  List<String> mapping() {
    List<String> mapping = new ArrayList<>();
    for (String field : fields) {
      mapping.add(field == null || field.isBlank() ? null : field);
    }
    return mapping;
  }
}

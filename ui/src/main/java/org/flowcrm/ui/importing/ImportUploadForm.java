package org.flowcrm.ui.importing;

import org.springframework.web.multipart.MultipartFile;

/**
 * Step 1: the file, the kind of record it holds, and how to read it. {@code AUTO} (the default of
 * encoding, separator and header) keeps what the upload detects.
 */
public class ImportUploadForm {

  static final String AUTO = "AUTO";

  private MultipartFile file;
  private String entityType = "CONTACT";
  private String encoding = AUTO;
  private String separator = AUTO;
  private String header = AUTO;
  private boolean skipEmptyLines = true;

  public MultipartFile getFile() {
    return file;
  }

  public void setFile(MultipartFile file) {
    this.file = file;
  }

  public String getEntityType() {
    return entityType;
  }

  public void setEntityType(String entityType) {
    this.entityType = entityType;
  }

  public String getEncoding() {
    return encoding;
  }

  public void setEncoding(String encoding) {
    this.encoding = encoding;
  }

  public String getSeparator() {
    return separator;
  }

  public void setSeparator(String separator) {
    this.separator = separator;
  }

  public String getHeader() {
    return header;
  }

  public void setHeader(String header) {
    this.header = header;
  }

  public boolean isSkipEmptyLines() {
    return skipEmptyLines;
  }

  public void setSkipEmptyLines(boolean skipEmptyLines) {
    this.skipEmptyLines = skipEmptyLines;
  }

  /**
   * The chosen value, or null for "as detected"; {@code TAB} stands for the tab character (which a
   * form's option value would not carry reliably).
   */
  static String chosen(String value) {
    if ("TAB".equals(value)) {
      return "\t";
    }
    return value == null || value.isBlank() || AUTO.equals(value) ? null : value;
  }
}

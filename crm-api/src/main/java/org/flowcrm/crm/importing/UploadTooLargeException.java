package org.flowcrm.crm.importing;

/** An uploaded file over the import size limit (413). */
public class UploadTooLargeException extends RuntimeException {

  public UploadTooLargeException(String message) {
    super(message);
  }
}

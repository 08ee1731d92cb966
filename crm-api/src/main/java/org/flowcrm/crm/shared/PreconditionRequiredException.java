package org.flowcrm.crm.shared;

/** An update came without {@code If-Match}, so it could silently overwrite someone (428). */
public class PreconditionRequiredException extends RuntimeException {

  public PreconditionRequiredException() {
    super("Send the record's ETag in If-Match so that concurrent edits are not overwritten");
  }
}

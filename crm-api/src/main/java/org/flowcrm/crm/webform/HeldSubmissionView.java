package org.flowcrm.crm.webform;

import java.time.Instant;
import java.util.List;

/**
 * A submission held as suspected spam: which form, when, from which client address, why it was
 * suspected, and what was entered (each input's name, the form's label for it, the value).
 */
public record HeldSubmissionView(
    long id,
    long formId,
    String formName,
    WebFormTarget target,
    Instant receivedAt,
    String clientAddress,
    List<String> reasons,
    List<EnteredValue> values) {

  /** One input as it was entered. */
  public record EnteredValue(String name, String label, String value) {}
}

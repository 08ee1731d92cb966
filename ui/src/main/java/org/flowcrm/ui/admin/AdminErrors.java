package org.flowcrm.ui.admin;

import java.util.Map;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.ui.layout.ServiceErrors;
import org.springframework.validation.BindingResult;

/**
 * A refusal of a settings service, put on the form: field problems at their fields, a conflict (a
 * login taken, the last administrator, a changed record) above the form in the service's words.
 */
final class AdminErrors {

  private AdminErrors() {}

  /** Returns normally when the refusal is now in {@code result}; rethrows anything else. */
  static void bind(RuntimeException refused, BindingResult result, Map<String, String> fields) {
    if (ServiceErrors.bind(refused, result, fields)) {
      return;
    }
    if (refused instanceof ConflictException || refused instanceof PreconditionFailedException) {
      result.reject("service", refused.getMessage());
      return;
    }
    throw refused;
  }
}

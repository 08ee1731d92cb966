package org.flowcrm.ui.admin;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.function.UnaryOperator;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's validation refusal at the administration form's field. Unlike {@code
 * layout.ServiceErrors} the mapping is a function, because the pages here have rows whose position
 * in the command differs from the form's (a moved stage, a new one). A field mapped to {@code null}
 * or not on the form becomes an error of the whole form.
 */
final class AdminFormErrors {

  private AdminFormErrors() {}

  /** Returns whether the failure was a validation refusal, now in {@code result}. */
  static boolean bind(
      RuntimeException failure, BindingResult result, UnaryOperator<String> formField) {
    if (failure instanceof InvalidFieldException invalid) {
      for (FieldProblem problem : invalid.problems()) {
        reject(result, formField.apply(problem.field()), problem.message());
      }
      return true;
    }
    if (failure instanceof ConstraintViolationException violations) {
      for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
        reject(result, formField.apply(field(v.getPropertyPath())), v.getMessage());
      }
      return true;
    }
    return false;
  }

  private static void reject(BindingResult result, String field, String message) {
    if (field != null && isField(result, field)) {
      result.rejectValue(field, "service", message);
    } else {
      result.reject("service", message);
    }
  }

  private static boolean isField(BindingResult result, String field) {
    try {
      return result.getFieldType(field) != null;
    } catch (RuntimeException notAField) {
      return false;
    }
  }

  /** {@code update.command.stages[1].name} → {@code stages[1].name}. */
  private static String field(Path path) {
    StringBuilder name = new StringBuilder();
    int index = 0;
    for (Path.Node node : path) {
      if (index++ < 2) {
        continue;
      }
      if (node.getIndex() != null) {
        name.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null) {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(node.getName());
      }
    }
    return name.toString();
  }
}

package org.flowcrm.ui.layout;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.springframework.validation.BindingResult;

/**
 * Puts what a CRM service refused next to the form field it concerns. The services name fields as
 * their commands do ({@code title}, {@code emails[0].value}); {@code fieldNames} maps those to the
 * form's own names where they differ. A field the form does not have becomes an error of the whole
 * form, so nothing the server said is lost.
 */
public final class ServiceErrors {

  private ServiceErrors() {}

  /** Returns whether the failure was a validation refusal that is now in {@code result}. */
  public static boolean bind(
      RuntimeException failure, BindingResult result, Map<String, String> fieldNames) {
    return bind(
        failure, result, field -> fieldNames.containsKey(field) ? fieldNames.get(field) : field);
  }

  /**
   * As {@link #bind(RuntimeException, BindingResult, Map)}, for forms whose rows sit at another
   * position than in the command (a moved stage): {@code formField} maps a command field to the
   * form's, {@code null} meaning "an error of the whole form".
   */
  public static boolean bind(
      RuntimeException failure, BindingResult result, UnaryOperator<String> formField) {
    if (failure instanceof InvalidFieldException invalid) {
      for (FieldProblem problem : invalid.problems()) {
        reject(result, formField.apply(problem.field()), problem.message());
      }
      return true;
    }
    if (failure instanceof BadParameterException bad) {
      reject(result, formField.apply(bad.parameter()), bad.getMessage());
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

  private static void reject(BindingResult result, String formField, String message) {
    if (formField != null && hasField(result, formField)) {
      result.rejectValue(formField, "service", message);
    } else {
      result.reject("service", message);
    }
  }

  private static boolean hasField(BindingResult result, String field) {
    try {
      return result.getFieldType(field) != null || result.getRawFieldValue(field) != null;
    } catch (RuntimeException notAField) {
      return false;
    }
  }

  /**
   * {@code create.command.emails[0].value} → {@code emails[0].value}: drop method and parameter.
   */
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

package org.flowcrm.ui.record;

import jakarta.validation.ConstraintViolationException;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.FieldProblem;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What every in-place field editor shares: turning typed text into the field's type, and turning a
 * service's refusal into the one message shown at the field. A stale version is a message at the
 * field like any other refusal, so the user reloads instead of overwriting someone's change.
 */
public final class InPlaceEditing {

  private InPlaceEditing() {}

  /**
   * {@code typed} as the field's type, {@code null} when empty; text that is not of the type is
   * refused at the field with the bundle's {@code typeMismatch} message.
   */
  public static <T> T parse(
      String field, String typed, Function<String, T> parser, MessageSource messages) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return parser.apply(typed.strip());
    } catch (DateTimeParseException | IllegalArgumentException notOfItsType) {
      throw new InvalidFieldException(field, text(messages, "typeMismatch"));
    }
  }

  /**
   * The message at the field for a refusal of the service, or {@code null} when {@code failure} is
   * no refusal (a bug, a missing permission: those go to the error page).
   */
  public static String refusal(RuntimeException failure, MessageSource messages) {
    if (failure instanceof PreconditionFailedException
        || failure instanceof OptimisticLockingFailureException) {
      return text(messages, "record.edit.stale");
    }
    if (failure instanceof ConflictException || failure instanceof BadParameterException) {
      return failure.getMessage();
    }
    if (failure instanceof InvalidFieldException invalid) {
      return invalid.problems().stream()
          .map(FieldProblem::message)
          .reduce((a, b) -> a + "; " + b)
          .orElse(invalid.getMessage());
    }
    if (failure instanceof ConstraintViolationException invalid) {
      return invalid.getConstraintViolations().isEmpty()
          ? invalid.getMessage()
          : invalid.getConstraintViolations().iterator().next().getMessage();
    }
    return null;
  }

  private static String text(MessageSource messages, String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}

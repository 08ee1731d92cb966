package org.flowcrm.crm.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error of the CRM API into an RFC 9457 problem detail. Invalid input is a 400 whose
 * {@code errors} list names each field and the reason; nothing a client sends yields a 500.
 */
@RestControllerAdvice(basePackages = "org.flowcrm.crm")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final URI VALIDATION = URI.create("https://flowcrm.org/problems/validation");
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      String message =
          error.isBindingFailure()
              ? expectation(ex.getBindingResult().getFieldType(error.getField()))
                  + " (was '"
                  + error.getRejectedValue()
                  + "')"
              : error.getDefaultMessage();
      problems.add(new FieldProblem(error.getField(), message));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
    return invalid(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            problems.add(
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage()))));
    return invalid(problems);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      org.springframework.web.bind.MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid(List.of(new FieldProblem(ex.getParameterName(), "is required")));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    return invalid(List.of(new FieldProblem(name, expectation(ex.getRequiredType()))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    JacksonException jackson = find(ex, JacksonException.class);
    boolean syntaxError =
        jackson instanceof StreamReadException
            && !(jackson instanceof tools.jackson.core.exc.InputCoercionException);
    if (jackson != null && !syntaxError && !jackson.getPath().isEmpty()) {
      String message =
          jackson instanceof InvalidFormatException invalid
              ? expectation(invalid.getTargetType())
              : jackson instanceof MismatchedInputException mismatch
                  ? expectation(mismatch.getTargetType())
                  : "cannot be read: " + jackson.getOriginalMessage();
      return invalid(List.of(new FieldProblem(path(jackson), message)));
    }
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setType(VALIDATION);
    problem.setTitle("Malformed request body");
    if (jackson instanceof StreamReadException read && read.getLocation() != null) {
      problem.setDetail(
          "The body is not valid JSON (line "
              + read.getLocation().getLineNr()
              + ", column "
              + read.getLocation().getColumnNr()
              + ")");
    } else {
      problem.setDetail("The body is missing or is not valid JSON");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
      problems.add(new FieldProblem(field(violation.getPropertyPath()), violation.getMessage()));
    }
    return invalid(problems);
  }

  @ExceptionHandler(BadParameterException.class)
  ResponseEntity<Object> badParameter(BadParameterException ex) {
    return invalid(List.of(new FieldProblem(ex.parameter(), ex.getMessage())));
  }

  @ExceptionHandler(InvalidFieldException.class)
  ProblemDetail invalidField(InvalidFieldException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
    problem.setType(VALIDATION);
    problem.setTitle("The request breaks a business rule");
    problem.setProperty("errors", ex.problems());
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
    problem.setTitle("Your role does not allow this");
    problem.setProperty("action", ex.action());
    problem.setProperty("entity", ex.entity());
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    problem.setTitle("Conflict with the record's state");
    return problem;
  }

  @ExceptionHandler(PreconditionFailedException.class)
  ProblemDetail preconditionFailed(PreconditionFailedException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
    problem.setTitle("The record was changed by someone else");
    return problem;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail optimisticLock(OptimisticLockingFailureException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_FAILED,
            "The record was changed by someone else at the same time; reload it and try again");
    problem.setTitle("The record was changed by someone else");
    return problem;
  }

  @ExceptionHandler(PreconditionRequiredException.class)
  ProblemDetail preconditionRequired(PreconditionRequiredException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, ex.getMessage());
    problem.setTitle("If-Match required");
    return problem;
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrity(DataIntegrityViolationException ex) {
    log.info(
        "Refused a change the database does not allow: {}", ex.getMostSpecificCause().getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The change conflicts with existing data (a duplicate, or a record still in use)");
    problem.setTitle("Conflict with existing data");
    return problem;
  }

  private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setType(VALIDATION);
    problem.setTitle("Invalid input");
    problem.setDetail(
        problems.stream()
            .map(p -> p.field() + ": " + p.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is invalid"));
    problem.setProperty("errors", problems);
    return ResponseEntity.badRequest().body(problem);
  }

  private static String expectation(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type.getName().startsWith("java.time.")) {
      return "must be an ISO-8601 " + type.getSimpleName() + " (e.g. 2026-03-31)";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    if (type == String.class) {
      return "must be a string";
    }
    return "must be an object";
  }

  private static String path(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : ex.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** {@code create.command.rows[0].name} → {@code rows[0].name}: method and parameter dropped. */
  private static String field(Path path) {
    List<String> nodes = new ArrayList<>();
    for (Path.Node node : path) {
      String name = node.getName();
      if (node.getIndex() != null && !nodes.isEmpty()) {
        int last = nodes.size() - 1;
        nodes.set(last, nodes.get(last) + "[" + node.getIndex() + "]");
      }
      if (name != null && !name.startsWith("<")) {
        nodes.add(name);
      }
    }
    List<String> fieldNodes = nodes.size() > 2 ? nodes.subList(2, nodes.size()) : nodes;
    return String.join(".", fieldNodes);
  }

  private static <T> T find(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}

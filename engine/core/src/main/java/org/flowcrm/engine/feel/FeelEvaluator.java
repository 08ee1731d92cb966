package org.flowcrm.engine.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The one place that talks to the (Scala) FEEL engine. Expressions are parsed once at deploy time;
 * evaluation takes plain JSON values and returns plain JSON values, so nothing Scala leaks into the
 * engine's state.
 */
public final class FeelEvaluator {

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

  /** Parses a FEEL expression (without the leading {@code =}); throws on a syntax error. */
  public ParsedExpression parse(String expression) {
    ParseResult result = feel.parseExpression(expression);
    if (!result.isSuccess()) {
      throw new InvalidExpressionException(result.failure().message());
    }
    return result.parsedExpression();
  }

  /**
   * Evaluates a parsed expression against variables (JSON values). A FEEL evaluation failure, or a
   * result that is not representable as JSON, is returned as a failure with FEEL's message.
   */
  public Result evaluate(ParsedExpression expression, Map<String, Object> variables) {
    EvaluationResult result = feel.evaluate(expression, variables);
    if (!result.isSuccess()) {
      return Result.failure(result.failure().message());
    }
    String warnings =
        result.getSuppressedFailures().stream()
            .map(f -> "[" + f.failureType() + "] " + f.failureMessage())
            .reduce((a, b) -> a + "\n" + b)
            .orElse(null);
    return new Result(toJson(result.result()), null, warnings);
  }

  /**
   * Converts a value returned by FEEL into a JSON value. Whole numbers become {@code Long} (as
   * Zeebe stores them), other numbers {@code Double}; temporal values become ISO-8601 strings.
   */
  public static Object toJson(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal decimal) {
      return normalizeDecimal(decimal);
    }
    if (value instanceof BigInteger integer) {
      return integer.bitLength() < 64 ? integer.longValue() : integer.doubleValue();
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
        return d.longValue();
      }
      return d;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJson(v)));
      return copy;
    }
    if (value instanceof Iterable<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(toJson(v)));
      return copy;
    }
    if (value instanceof ZonedDateTime zoned) {
      return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(zoned);
    }
    if (value instanceof OffsetDateTime
        || value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof LocalTime
        || value instanceof OffsetTime
        || value instanceof Duration
        || value instanceof Period
        || value instanceof TemporalAccessor) {
      return value.toString();
    }
    // functions, ranges and other FEEL-only values have no JSON form; Zeebe writes them as null
    return null;
  }

  private static Object normalizeDecimal(BigDecimal decimal) {
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException notWhole) {
      return decimal.doubleValue();
    }
  }

  /** A FEEL result: a JSON value, or a failure message. Warnings are FEEL's suppressed failures. */
  public record Result(Object value, String failure, String warnings) {

    static Result failure(String message) {
      return new Result(null, message, null);
    }

    public boolean isFailure() {
      return failure != null;
    }
  }

  /** A FEEL expression that does not parse. */
  public static final class InvalidExpressionException extends RuntimeException {
    public InvalidExpressionException(String message) {
      super(message);
    }
  }
}

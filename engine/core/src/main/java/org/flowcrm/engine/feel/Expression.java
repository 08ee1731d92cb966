package org.flowcrm.engine.feel;

import java.util.Map;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A value in a BPMN attribute: either static text or, when it starts with {@code =}, a FEEL
 * expression parsed at deploy time. This is how Zeebe reads attributes such as a job type.
 */
public final class Expression {

  private final String source;
  private final ParsedExpression parsed;

  private Expression(String source, ParsedExpression parsed) {
    this.source = source;
    this.parsed = parsed;
  }

  /** Reads an attribute; a leading {@code =} makes it FEEL, otherwise it is a static string. */
  public static Expression of(String attribute, FeelEvaluator feel) {
    String trimmed = attribute.trim();
    if (trimmed.startsWith("=")) {
      String feelSource = trimmed.substring(1);
      return new Expression(feelSource, feel.parse(feelSource));
    }
    return new Expression(attribute, null);
  }

  /** A FEEL expression written without the leading {@code =} (a condition, a script). */
  public static Expression feel(String feelSource, FeelEvaluator feel) {
    return new Expression(feelSource, feel.parse(feelSource));
  }

  public boolean isStatic() {
    return parsed == null;
  }

  /** The text as written (without the leading {@code =} for FEEL). */
  public String source() {
    return source;
  }

  public FeelEvaluator.Result evaluate(FeelEvaluator feel, Map<String, Object> variables) {
    if (parsed == null) {
      return new FeelEvaluator.Result(source, null, null);
    }
    return feel.evaluate(parsed, variables);
  }
}

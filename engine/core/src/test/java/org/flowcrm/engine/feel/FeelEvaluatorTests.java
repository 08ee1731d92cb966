package org.flowcrm.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeelEvaluatorTests {

  private final FeelEvaluator feel = new FeelEvaluator();

  private Object eval(String expression, Map<String, Object> variables) {
    FeelEvaluator.Result result = feel.evaluate(feel.parse(expression), variables);
    assertThat(result.isFailure()).as(result.failure()).isFalse();
    return result.value();
  }

  @Test
  void convertsResultsToJsonValues() {
    Map<String, Object> vars =
        Map.of("n", 3L, "d", 1.25, "s", "x", "list", List.of(1L, 2L), "ctx", Map.of("k", true));
    assertThat(eval("n + 1", vars)).isEqualTo(4L);
    assertThat(eval("n / 2", vars)).isEqualTo(1.5);
    assertThat(eval("d * 4", vars)).isEqualTo(5L);
    assertThat(eval("s + \"y\"", vars)).isEqualTo("xy");
    assertThat(eval("list[2]", vars)).isEqualTo(2L);
    assertThat(eval("ctx.k", vars)).isEqualTo(true);
    assertThat(eval("{a: [1, null, \"b\"], c: {d: false}}", vars))
        .isEqualTo(Map.of("a", Arrays.asList(1L, null, "b"), "c", Map.of("d", false)));
  }

  @Test
  void temporalValuesBecomeIsoStrings() {
    assertThat(eval("date(\"2026-03-01\")", Map.of())).isEqualTo("2026-03-01");
    assertThat(eval("date and time(\"2026-03-01T10:15:00Z\")", Map.of()))
        .isEqualTo("2026-03-01T10:15:00Z");
    assertThat(eval("duration(\"P2D\")", Map.of())).isEqualTo("PT48H");
  }

  @Test
  void aMissingVariableIsNullWithAWarningNotAFailure() {
    FeelEvaluator.Result result = feel.evaluate(feel.parse("missing > 1"), Map.of());
    assertThat(result.isFailure()).isFalse();
    assertThat(result.value()).isNull();
    assertThat(result.warnings()).contains("NO_VARIABLE_FOUND");
  }

  @Test
  void syntaxErrorsAreFoundWhenParsing() {
    assertThatThrownBy(() -> feel.parse("1 +"))
        .isInstanceOf(FeelEvaluator.InvalidExpressionException.class);
  }

  @Test
  void staticAttributesAreNotFeel() {
    Expression text = Expression.of("send-mail", feel);
    Expression expression = Expression.of("= \"mail-\" + kind", feel);
    assertThat(text.isStatic()).isTrue();
    assertThat(text.evaluate(feel, Map.of()).value()).isEqualTo("send-mail");
    assertThat(expression.evaluate(feel, Map.of("kind", "x")).value()).isEqualTo("mail-x");
  }
}

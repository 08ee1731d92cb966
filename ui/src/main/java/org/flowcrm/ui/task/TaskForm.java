package org.flowcrm.ui.task;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Camunda Form (the form-js JSON schema) rendered server-side: the field types textfield,
 * textarea, number, select, radio, checkbox and datetime, plus text blocks. Submitted values are
 * checked here (required, number bounds, allowed options) and turned into typed process variables:
 * numbers as numbers, checkboxes as booleans, everything else as strings.
 *
 * <p>FEEL is not evaluated in the ui: a field with a {@code conditional.hide} expression is always
 * shown and never required, so a rule that only holds when it is visible cannot block the form.
 */
public record TaskForm(String id, List<Field> fields) {

  static final List<String> INPUT_TYPES =
      List.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A choice of a select or radio field. */
  public record Option(String value, String label) {}

  /**
   * One component: {@code type} is one of {@link #INPUT_TYPES} or {@code text} (then {@code label}
   * holds the text); {@code inputType} is the HTML input type of a datetime or textfield.
   */
  public record Field(
      String key,
      String type,
      String label,
      String description,
      boolean required,
      BigDecimal min,
      BigDecimal max,
      Integer maxLength,
      List<Option> options,
      String inputType) {

    public boolean isText() {
      return "text".equals(type);
    }
  }

  /** What the user sent: typed variables and the error per field key (empty when valid). */
  public record Submission(
      Map<String, Object> variables, Map<String, String> values, Map<String, String> errors) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  static TaskForm parse(String schema) {
    JsonNode root = JSON.readTree(schema);
    List<Field> fields = new ArrayList<>();
    collect(root.path("components"), fields);
    return new TaskForm(root.path("id").asString(""), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asString("");
      if ("group".equals(type) || "dynamiclist".equals(type)) {
        collect(c.path("components"), fields);
      } else if ("text".equals(type)) {
        fields.add(
            new Field(
                null,
                "text",
                plain(c.path("text").asString("")),
                null,
                false,
                null,
                null,
                null,
                List.of(),
                null));
      } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
        JsonNode validate = c.path("validate");
        boolean conditional = c.path("conditional").hasNonNull("hide");
        List<Option> options = new ArrayList<>();
        for (JsonNode v : c.path("values")) {
          options.add(new Option(v.path("value").asString(""), v.path("label").asString("")));
        }
        fields.add(
            new Field(
                c.path("key").asString(),
                type,
                c.path("label").asString(c.path("dateLabel").asString(c.path("key").asString())),
                c.path("description").asString(null),
                !conditional && validate.path("required").asBoolean(false),
                decimal(validate.path("min")),
                decimal(validate.path("max")),
                validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                List.copyOf(options),
                inputType(c)));
      }
    }
  }

  private static String inputType(JsonNode c) {
    if (!"datetime".equals(c.path("type").asString(""))) {
      return "text";
    }
    return switch (c.path("subtype").asString("date")) {
      case "time" -> "time";
      case "datetime" -> "datetime-local";
      default -> "date";
    };
  }

  /** Markdown headings and emphasis marks dropped: the text block shows as plain paragraphs. */
  private static String plain(String markdown) {
    return markdown.replaceAll("(?m)^#+\\s*", "").replaceAll("[*_`]", "");
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
  }

  /**
   * Checks and types what was posted; {@code param} gives the single value posted for a key, or
   * null when the browser sent none (an unticked checkbox, no radio chosen).
   */
  Submission bind(java.util.function.Function<String, String> param) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Field f : fields) {
      if (f.isText()) {
        continue;
      }
      String raw = param.apply(f.key());
      String value = raw == null ? "" : raw.strip();
      values.put(f.key(), value);
      if ("checkbox".equals(f.type())) {
        boolean ticked = "true".equals(value) || "on".equals(value);
        if (f.required() && !ticked) {
          errors.put(f.key(), "task.form.error.required");
        }
        variables.put(f.key(), ticked);
        continue;
      }
      if (value.isEmpty()) {
        if (f.required()) {
          errors.put(f.key(), "task.form.error.required");
        }
        continue;
      }
      switch (f.type()) {
        case "number" -> {
          BigDecimal number;
          try {
            number = new BigDecimal(value.replace(',', '.'));
          } catch (NumberFormatException notANumber) {
            errors.put(f.key(), "task.form.error.number");
            continue;
          }
          if (f.min() != null && number.compareTo(f.min()) < 0) {
            errors.put(f.key(), "task.form.error.min");
          } else if (f.max() != null && number.compareTo(f.max()) > 0) {
            errors.put(f.key(), "task.form.error.max");
          } else {
            variables.put(f.key(), numberValue(number));
          }
        }
        case "select", "radio" -> {
          if (f.options().stream().noneMatch(o -> o.value().equals(value))) {
            errors.put(f.key(), "task.form.error.option");
          } else {
            variables.put(f.key(), value);
          }
        }
        default -> {
          if (f.maxLength() != null && value.length() > f.maxLength()) {
            errors.put(f.key(), "task.form.error.maxLength");
          } else {
            variables.put(f.key(), value);
          }
        }
      }
    }
    return new Submission(variables, values, errors);
  }

  /** Whole numbers as longs, others as doubles: what a form-js number field sends. */
  private static Number numberValue(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return stripped.longValueExact();
    }
    return number.doubleValue();
  }
}

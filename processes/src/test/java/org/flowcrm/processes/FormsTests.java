package org.flowcrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the Camunda Forms and how the models use them. */
class FormsTests {

  /** The fields each form must have, because the models read them. */
  static final Map<String, Set<String>> REQUIRED_KEYS =
      Map.of(
          "qualify-lead", Set.of("qualification", "qualificationReason"),
          "call-client", Set.of("qualification", "qualificationReason", "callNotes", "nextCallAt"),
          "first-call", Set.of("firstCallNotes"),
          "negotiation", Set.of("negotiationOutcome"),
          "payment-follow-up", Set.of("paymentFollowUpNotes"),
          "deliver-order", Set.of("deliveryResult", "deliveryNote"),
          "resolve-delivery", Set.of("deliveryResolution", "deliveryNote"));

  private static final Pattern EQUALS_LITERAL = Pattern.compile("(\\w+) = \"([^\"]*)\"");

  static List<String> formFiles() {
    return Resources.formFiles();
  }

  @Test
  void thereIsAFormForEveryUserTaskAndNoOther() {
    Set<String> referenced = new TreeSet<>();
    for (String processId : ProcessIds.ALL) {
      for (UserTask task : Resources.model(processId).getModelElementsByType(UserTask.class)) {
        referenced.add(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId());
      }
    }
    assertThat(Resources.formIds()).isEqualTo(referenced).isEqualTo(REQUIRED_KEYS.keySet());
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void isACamundaFormWhoseIdIsItsFileName(String file) {
    JsonNode form = Resources.json("forms/" + file);
    assertThat(form.path("id").asText())
        .isEqualTo(file.substring(0, file.length() - ".form".length()));
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("schemaVersion").asInt()).isBetween(16, 19);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("8.9.0");
    assertThat(form.path("components").isArray()).isTrue();
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (JsonNode component : form.path("components")) {
      assertThat(component.path("type").asText()).isNotBlank();
      assertThat(ids.add(component.path("id").asText())).as("unique id").isTrue();
      if (component.has("key")) {
        assertThat(keys.add(component.path("key").asText())).as("unique key").isTrue();
        assertThat(component.path("label").asText() + component.path("dateLabel").asText())
            .as("label of %s", component.path("key").asText())
            .isNotBlank();
      }
      if (component.has("conditional")) {
        String hide = component.path("conditional").path("hide").asText();
        assertThat(hide).startsWith("=");
        assertThat(Feel.parseError(hide)).isNull();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("formFiles")
  void hasTheFieldsTheModelsRead(String file) {
    JsonNode form = Resources.json("forms/" + file);
    assertThat(fields(form).keySet()).containsAll(REQUIRED_KEYS.get(form.path("id").asText()));
  }

  @Test
  void everyValueAConditionComparesAChoiceFieldWithIsOneOfItsChoices() {
    Map<String, Set<String>> choices = new HashMap<>();
    for (String file : Resources.formFiles()) {
      fields(Resources.json("forms/" + file))
          .forEach(
              (key, field) -> {
                if (field.has("values")) {
                  field
                      .path("values")
                      .forEach(
                          value ->
                              choices
                                  .computeIfAbsent(key, k -> new TreeSet<>())
                                  .add(value.path("value").asText()));
                }
              });
    }
    List<String> compared = new ArrayList<>();
    for (String processId : ProcessIds.ALL) {
      String xml = Resources.text(ProcessIds.resource(processId));
      for (Feel.Found found : Feel.expressionsIn(xml)) {
        Matcher matcher = EQUALS_LITERAL.matcher(found.expression());
        while (matcher.find()) {
          String key = matcher.group(1);
          if (choices.containsKey(key)) {
            compared.add(key);
            assertThat(choices.get(key)).as(found.where()).contains(matcher.group(2));
          }
        }
      }
    }
    assertThat(compared)
        .contains("qualification", "negotiationOutcome", "deliveryResult", "deliveryResolution");
  }

  /** The input fields of a form by key. */
  static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new HashMap<>();
    for (JsonNode component : form.path("components")) {
      if (component.has("key")) {
        fields.put(component.path("key").asText(), component);
      }
    }
    return fields;
  }
}

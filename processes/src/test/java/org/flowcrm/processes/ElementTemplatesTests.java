package org.flowcrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the Camunda 8 element templates of the job workers against the models. */
class ElementTemplatesTests {

  static final String SCHEMA =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

  static final Set<String> BINDINGS =
      Set.of("zeebe:taskDefinition", "zeebe:input", "zeebe:output", "zeebe:taskHeader");

  static List<String> templateFiles() {
    return Resources.templateFiles();
  }

  @Test
  void thereIsOneTemplatePerJobType() {
    assertThat(Resources.templateFiles())
        .containsExactlyInAnyOrderElementsOf(
            JobTypes.ALL.stream().map(type -> type + ".json").toList());
  }

  @ParameterizedTest
  @MethodSource("templateFiles")
  void isACamunda8ServiceTaskTemplateBindingItsJobType(String file) {
    JsonNode template = Resources.json("element-templates/" + file);
    assertThat(template.path("$schema").asText()).isEqualTo(SCHEMA);
    assertThat(template.path("id").asText()).startsWith("org.flowcrm.");
    assertThat(template.path("name").asText()).isNotBlank();
    assertThat(template.path("version").asInt()).isPositive();
    assertThat(template.path("appliesTo").toString()).contains("\"bpmn:Task\"");
    assertThat(template.path("elementType").path("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(Resources.jobTypeOf(template)).isEqualTo(file.substring(0, file.length() - 5));
    Set<String> groups = new TreeSet<>();
    template.path("groups").forEach(group -> groups.add(group.path("id").asText()));
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      assertThat(binding.path("type").asText()).isIn(BINDINGS);
      if (binding.path("type").asText().equals("zeebe:input")) {
        assertThat(binding.path("name").asText()).isNotBlank();
      }
      if (property.has("group")) {
        assertThat(groups).contains(property.path("group").asText());
      }
      if (property.path("type").asText().equals("Dropdown")) {
        assertThat(property.path("choices").size()).isPositive();
      }
    }
  }

  @Test
  void everyServiceTaskMatchesItsTemplate() {
    Map<String, JsonNode> byJobType = new HashMap<>();
    for (String file : Resources.templateFiles()) {
      JsonNode template = Resources.json("element-templates/" + file);
      byJobType.put(Resources.jobTypeOf(template), template);
    }
    for (String processId : ProcessIds.ALL) {
      for (ServiceTask task :
          Resources.model(processId).getModelElementsByType(ServiceTask.class)) {
        String type = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
        JsonNode template = byJobType.get(type);
        assertThat(
                task.getAttributeValueNs("http://camunda.org/schema/zeebe/1.0", "modelerTemplate"))
            .as("template applied to %s", task.getId())
            .isEqualTo(template.path("id").asText());
        Set<String> inputs = inputsOf(task);
        Set<String> templated = templateInputs(template, false);
        Set<String> required = templateInputs(template, true);
        assertThat(templated).as("inputs of %s", task.getId()).containsAll(inputs);
        assertThat(inputs).as("required inputs of %s", task.getId()).containsAll(required);
      }
    }
  }

  static Set<String> inputsOf(ServiceTask task) {
    ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping == null) {
      return Set.of();
    }
    return mapping.getInputs().stream().map(ZeebeInput::getTarget).collect(Collectors.toSet());
  }

  static Set<String> templateInputs(JsonNode template, boolean requiredOnly) {
    Set<String> names = new TreeSet<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if (binding.path("type").asText().equals("zeebe:input")
          && !(requiredOnly && property.path("optional").asBoolean(false))) {
        names.add(binding.path("name").asText());
      }
    }
    return names;
  }
}

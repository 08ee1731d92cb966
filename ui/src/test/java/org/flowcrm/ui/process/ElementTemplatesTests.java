package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Single templates and arrays of templates are merged into one array. */
class ElementTemplatesTests {

  @Test
  void mergesSingleTemplatesAndArrays() {
    JsonNode all = JsonMapper.builder().build().readTree(new ElementTemplates().asJson());
    assertThat(all.isArray()).isTrue();
    assertThat(all.valueStream().map(t -> t.get("id").asString()))
        .containsExactly("org.flowcrm.test.create-task", "org.flowcrm.test.send-mail");
  }
}

package org.flowcrm.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Camunda Form's fields and how a submission is checked and typed. */
class TaskFormTests {

  private static final String SCHEMA =
      """
      {"id": "f", "components": [
        {"type": "text", "text": "# Title\\n\\nSome *words*."},
        {"type": "number", "key": "n", "label": "N", "validate": {"required": true, "min": 1, "max": 5}},
        {"type": "checkbox", "key": "ok", "label": "OK"},
        {"type": "select", "key": "s", "label": "S", "values": [{"label": "A", "value": "a"}]},
        {"type": "group", "components": [
          {"type": "datetime", "subtype": "datetime", "key": "at", "dateLabel": "At"}]},
        {"type": "button", "key": "ignored"}
      ]}
      """;

  @Test
  void readsTheSupportedFields() {
    TaskForm form = TaskForm.parse(SCHEMA);
    assertThat(form.id()).isEqualTo("f");
    assertThat(form.fields())
        .extracting(TaskForm.Field::type)
        .containsExactly("text", "number", "checkbox", "select", "datetime");
    assertThat(form.fields().get(0).label()).isEqualTo("Title\n\nSome words.");
    assertThat(form.fields().get(4).label()).isEqualTo("At");
    assertThat(form.fields().get(4).inputType()).isEqualTo("datetime-local");
  }

  @Test
  void typesNumbersAndBooleans() {
    TaskForm form = TaskForm.parse(SCHEMA);
    var ok = form.bind(Map.of("n", "3", "ok", "true", "s", "a")::get);
    assertThat(ok.valid()).isTrue();
    assertThat(ok.variables()).containsEntry("n", 3L).containsEntry("ok", true);
    assertThat(ok.variables()).doesNotContainKey("at");
    assertThat(form.bind(Map.of("n", "2,5", "s", "a")::get).variables())
        .containsEntry("n", 2.5)
        .containsEntry("ok", false);
  }

  @Test
  void namesTheFieldAndTheReason() {
    TaskForm form = TaskForm.parse(SCHEMA);
    assertThat(form.bind(Map.<String, String>of()::get).errors())
        .containsExactly(Map.entry("n", "task.form.error.required"));
    assertThat(form.bind(Map.of("n", "x", "s", "b")::get).errors())
        .containsEntry("n", "task.form.error.number")
        .containsEntry("s", "task.form.error.option");
    assertThat(form.bind(Map.of("n", "9")::get).errors()).containsEntry("n", "task.form.error.max");
  }

  @Test
  void findsTheFormIdOfATaskInTheModel() {
    String xml =
        """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0">
          <bpmn:process id="p"><bpmn:userTask id="T1"><bpmn:extensionElements>
            <zeebe:userTask/><zeebe:formDefinition formId="form-one"/>
          </bpmn:extensionElements></bpmn:userTask></bpmn:process>
        </bpmn:definitions>
        """;
    assertThat(TaskForms.formIdIn(xml, "T1")).contains("form-one");
    assertThat(TaskForms.formIdIn(xml, "T2")).isEmpty();
  }
}

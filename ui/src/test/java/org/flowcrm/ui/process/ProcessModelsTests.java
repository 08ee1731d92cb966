package org.flowcrm.ui.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The models are found on the classpath; ids are the file names; odd ids find nothing. */
class ProcessModelsTests {

  private final ProcessModels models = new ProcessModels();

  @Test
  void findsTheModelsUnderBpmn() {
    assertThat(models.all())
        .extracting(ProcessModel::id, ProcessModel::name, ProcessModel::fileName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "ui-test-inbox", "UI test order check", "ui-test-inbox.bpmn"),
            org.assertj.core.groups.Tuple.tuple(
                "ui-test-lead", "UI test lead follow-up", "ui-test-lead.bpmn"));
    assertThat(models.find("ui-test-lead"))
        .get()
        .satisfies(m -> assertThat(m.xml()).contains("Task_Call"));
  }

  @Test
  void unknownOrMalformedIdsFindNothing() {
    assertThat(models.find("nope")).isEmpty();
    assertThat(models.find("../bpmn/ui-test-lead")).isEmpty();
    assertThat(models.find("")).isEmpty();
    assertThat(models.find(null)).isEmpty();
  }
}

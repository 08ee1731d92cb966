package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forms (Camunda Forms JSON, {@code .form}) deployed alongside BPMN over both protocols, linked to
 * user tasks by {@code zeebe:formDefinition formId} and read through the client's user-task and
 * process-definition form requests. The forms are two of the CRM's own (copied from processes/).
 */
class FormConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();
  private final CamundaClient rest = fixture.client(Protocol.REST);

  private static String form(String name, String formId) {
    try (InputStream in = FormConformanceTests.class.getResourceAsStream("/forms/" + name)) {
      String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // each test gets its own form id, so versions do not depend on the order tests run in
      return schema.replaceFirst(
          "\"id\": \"" + name.replace(".form", "") + "\"", "\"id\": \"" + formId + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance withForm(String processId, String formId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .userTask("qualify", u -> u.name("Qualify lead").zeebeUserTask().zeebeFormId(formId))
        .endEvent()
        .done();
  }

  private static DeploymentEvent deploy(
      CamundaClient client, BpmnModelInstance model, String formName, String schema) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, "lead.bpmn")
        .addResourceString(schema, StandardCharsets.UTF_8, formName)
        .send()
        .join();
  }

  private UserTask openTask(long processInstanceKey) {
    List<UserTask> tasks =
        rest.newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private long start(String processId) {
    return rest.newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of())
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void formDeployedWithTheProcessIsTheUserTasksForm(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("lead-" + protocol.name().toLowerCase());
    String formId = id("qualify-lead");
    String schema = form("qualify-lead.form", formId);

    DeploymentEvent deployment =
        deploy(client, withForm(processId, formId), "qualify-lead.form", schema);
    assertThat(deployment.getForm()).hasSize(1);
    var deployed = deployment.getForm().get(0);
    assertThat(deployed.getFormId()).isEqualTo(formId);
    assertThat(deployed.getVersion()).isEqualTo(1);
    assertThat(deployed.getResourceName()).isEqualTo("qualify-lead.form");
    assertThat(deployed.getFormKey()).isPositive();
    assertThat(deployment.getProcesses()).hasSize(1);

    // unchanged: the same version is returned, not a new one
    DeploymentEvent again =
        deploy(client, withForm(processId, formId), "qualify-lead.form", schema);
    assertThat(again.getForm().get(0).getFormKey()).isEqualTo(deployed.getFormKey());
    assertThat(again.getForm().get(0).getVersion()).isEqualTo(1);

    long instance = start(processId);
    UserTask task = openTask(instance);
    assertThat(task.getFormKey()).isEqualTo(deployed.getFormKey());

    Form form = rest.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();
    assertThat(form.getFormId()).isEqualTo(formId);
    assertThat(form.getVersion()).isEqualTo(1);
    assertThat(form.getFormKey()).isEqualTo(deployed.getFormKey());
    assertThat(form.getSchema()).isEqualTo(schema);
  }

  @Test
  void aNewFormVersionIsLinkedToTasksCreatedAfterIt() {
    String processId = id("versions");
    String formId = id("qualify-lead");
    String v1 = form("qualify-lead.form", formId);
    long v1Key =
        deploy(rest, withForm(processId, formId), "f.form", v1).getForm().get(0).getFormKey();
    UserTask before = openTask(start(processId));

    String v2 = v1.replace("Qualify", "Qualify (v2)");
    DeploymentEvent second =
        rest.newDeployResourceCommand()
            .addResourceString(v2, StandardCharsets.UTF_8, "f.form")
            .send()
            .join();
    assertThat(second.getForm().get(0).getVersion()).isEqualTo(2);
    UserTask after = openTask(start(processId));

    assertThat(rest.newUserTaskGetFormRequest(before.getUserTaskKey()).send().join().getFormKey())
        .isEqualTo(v1Key);
    Form latest = rest.newUserTaskGetFormRequest(after.getUserTaskKey()).send().join();
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(latest.getSchema()).isEqualTo(v2);
  }

  @Test
  void formsAndFinishedInstancesSurviveARestart() {
    String processId = id("restart");
    String formId = id("qualify-lead");
    String schema = form("qualify-lead.form", formId);
    long formKey =
        deploy(rest, withForm(processId, formId), "f.form", schema).getForm().get(0).getFormKey();
    UserTask task = openTask(start(processId));
    long finished = start(processId);
    rest.newCompleteUserTaskCommand(openTask(finished).getUserTaskKey()).send().join();

    fixture.restart();

    assertThat(rest.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getSchema())
        .isEqualTo(schema);
    // the stored version is known again: an unchanged redeploy returns it
    assertThat(
            deploy(rest, withForm(processId, formId), "f.form", schema)
                .getForm()
                .get(0)
                .getFormKey())
        .isEqualTo(formKey);
    assertThat(
            rest.newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .sort(s -> s.processInstanceKey().asc())
                .send()
                .join()
                .items())
        .extracting(i -> i.getState().name())
        .containsExactly("ACTIVE", "COMPLETED");
  }

  @Test
  void taskWithoutFormAnswersNoContentAndUnknownTaskNotFound() {
    String processId = id("no-form");
    rest.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("plain", u -> u.zeebeUserTask())
                .endEvent()
                .done(),
            "plain.bpmn")
        .send()
        .join();
    UserTask task = openTask(start(processId));
    // Camunda answers 204 No Content; the client then gives an empty form
    Form none = rest.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();
    assertThat(none == null || (none.getFormId() == null && none.getSchema() == null))
        .as("no form")
        .isTrue();

    long unknown = (1L << 51) + 987_654_321L;
    try {
      rest.newUserTaskGetFormRequest(unknown).send().join();
      throw new AssertionError("expected 404");
    } catch (ProblemException e) {
      assertThat(e.code()).isEqualTo(404);
    }
  }

  @Test
  void processStartFormIsReadByProcessDefinition() {
    String processId = id("start-form");
    String formId = id("call-client");
    String schema = form("call-client.form", formId);
    DeploymentEvent deployment =
        rest.newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess(processId)
                    .startEvent("start")
                    .zeebeFormId(formId)
                    .endEvent()
                    .done(),
                "start.bpmn")
            .addResourceString(schema, StandardCharsets.UTF_8, "call-client.form")
            .send()
            .join();
    long definitionKey = deployment.getProcesses().get(0).getProcessDefinitionKey();
    assertThat(rest.newProcessDefinitionGetRequest(definitionKey).send().join().getHasStartForm())
        .isTrue();
    Form form = rest.newProcessDefinitionGetFormRequest(definitionKey).send().join();
    assertThat(form.getFormId()).isEqualTo(formId);
    assertThat(form.getSchema()).isEqualTo(schema);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void formWithoutIdIsRefusedNamingTheResource(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String message =
        protocol.assertRejected(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString(
                        "{\"components\": []}", StandardCharsets.UTF_8, "broken.form")
                    .send()
                    .join(),
            400,
            Status.Code.INVALID_ARGUMENT);
    assertThat(message).contains("'broken.form'").contains("'id'");
  }

  private static String id(String name) {
    return name + "-" + ids.incrementAndGet();
  }
}

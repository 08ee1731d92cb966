package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The REST v2 queries a CRM or a custom task application uses (process definitions, process
 * instances, element instances, jobs, incidents), through the real client's search and get
 * requests. Searches are REST-only in the client whatever protocol it prefers; deployments and
 * commands go over the preferred protocol.
 */
class QueryConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();
  private final CamundaClient rest = fixture.client(Protocol.REST);

  private static String id(String name) {
    return name + "-" + ids.incrementAndGet();
  }

  /**
   * start → "Do work" (service task) → "Ship it" (service task) → end, in a process named "Order
   * handling" with a {@code zeebe:versionTag}.
   */
  private static String twoTasks(String processId, String versionTag) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .name("Order handling")
            .startEvent("start")
            .serviceTask("work", t -> t.name("Do work").zeebeJobType(processId + "-work"))
            .serviceTask("ship", t -> t.name("Ship it").zeebeJobType(processId + "-ship"))
            .endEvent("end")
            .done();
    Process process = model.getModelElementById(processId);
    ExtensionElements extensions = model.newInstance(ExtensionElements.class);
    ZeebeVersionTag tag = model.newInstance(ZeebeVersionTag.class);
    tag.setValue(versionTag);
    extensions.addChildElement(tag);
    process.setExtensionElements(extensions);
    return Bpmn.convertToString(model);
  }

  private static DeploymentEvent deploy(CamundaClient client, String xml) {
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, "order.bpmn")
        .send()
        .join();
  }

  private static long start(CamundaClient client, String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("orderId", "A-1"))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static ActivatedJob activateOne(CamundaClient client, String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .timeout(Duration.ofMinutes(5))
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("activatable jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  private static ProblemException problem(Runnable request) {
    try {
      request.run();
    } catch (ProblemException e) {
      return e;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof ProblemException p) {
        return p;
      }
      throw e;
    }
    throw new AssertionError("expected the request to be refused");
  }

  // ------------------------------------------------------------------ process definitions

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void processDefinitionsAreSearchedAndReadWithTheirXml(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("definitions-" + protocol.name().toLowerCase());
    String v1 = twoTasks(processId, "v1.0");
    long key1 = deploy(client, v1).getProcesses().get(0).getProcessDefinitionKey();
    // unchanged: the same version comes back, no new one is created
    DeploymentEvent again = deploy(client, v1);
    assertThat(again.getProcesses().get(0).getProcessDefinitionKey()).isEqualTo(key1);
    assertThat(again.getProcesses().get(0).getVersion()).isEqualTo(1);
    String v2 = twoTasks(processId, "v2.0");
    long key2 = deploy(client, v2).getProcesses().get(0).getProcessDefinitionKey();

    SearchResponse<ProcessDefinition> all =
        rest.newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.version().desc())
            .send()
            .join();
    assertThat(all.page().totalItems()).isEqualTo(2);
    assertThat(all.items())
        .extracting(ProcessDefinition::getProcessDefinitionKey, ProcessDefinition::getVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(key2, 2),
            org.assertj.core.groups.Tuple.tuple(key1, 1));
    ProcessDefinition latest = all.items().get(0);
    assertThat(latest.getName()).isEqualTo("Order handling");
    assertThat(latest.getVersionTag()).isEqualTo("v2.0");
    assertThat(latest.getResourceName()).isEqualTo("order.bpmn");
    assertThat(latest.getTenantId()).isEqualTo("<default>");
    assertThat(latest.getHasStartForm()).isFalse();

    List<ProcessDefinition> onlyLatest =
        rest.newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
            .send()
            .join()
            .items();
    assertThat(onlyLatest).extracting(ProcessDefinition::getVersion).containsExactly(2);

    ProcessDefinition first = rest.newProcessDefinitionGetRequest(key1).send().join();
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(first.getVersionTag()).isEqualTo("v1.0");
    assertThat(first.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(rest.newProcessDefinitionGetXmlRequest(key1).send().join()).isEqualTo(v1);
    assertThat(rest.newProcessDefinitionGetXmlRequest(key2).send().join()).isEqualTo(v2);
  }

  @Test
  void processDefinitionsArePagedWithLimitAndCursors() {
    String processId = id("paged");
    for (int v = 1; v <= 3; v++) {
      deploy(rest, twoTasks(processId, "v" + v));
    }
    SearchResponse<ProcessDefinition> page1 =
        rest.newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.version().asc())
            .page(p -> p.limit(2))
            .send()
            .join();
    assertThat(page1.items()).extracting(ProcessDefinition::getVersion).containsExactly(1, 2);
    assertThat(page1.page().totalItems()).isEqualTo(3);
    SearchResponse<ProcessDefinition> page2 =
        rest.newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.version().asc())
            .page(p -> p.limit(2).after(page1.page().endCursor()))
            .send()
            .join();
    assertThat(page2.items()).extracting(ProcessDefinition::getVersion).containsExactly(3);
    SearchResponse<ProcessDefinition> byOffset =
        rest.newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.version().desc())
            .page(p -> p.from(1).limit(1))
            .send()
            .join();
    assertThat(byOffset.items()).extracting(ProcessDefinition::getVersion).containsExactly(2);
  }

  @Test
  void unknownProcessDefinitionIs404LikeCamunda() {
    long unknown = (1L << 51) + 999_999_999L;
    ProblemException get =
        problem(() -> rest.newProcessDefinitionGetRequest(unknown).send().join());
    assertThat(get.code()).isEqualTo(404);
    assertThat(get.details().getTitle()).isEqualTo("NOT_FOUND");
    assertThat(get.details().getDetail())
        .isEqualTo("Process Definition with key '" + unknown + "' not found");
    ProblemException xml =
        problem(() -> rest.newProcessDefinitionGetXmlRequest(unknown).send().join());
    assertThat(xml.code()).isEqualTo(404);
  }

  @Test
  void unsupportedFilterOperatorIsRefusedNamingTheField() {
    ProblemException refused =
        problem(
            () ->
                rest.newProcessDefinitionSearchRequest()
                    .filter(f -> f.processDefinitionId(p -> p.like("order*")))
                    .send()
                    .join());
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).contains("processDefinitionId").contains("$like");
  }

  // ------------------------------------------------------------------ process instances

  @Test
  void processInstancesAreFoundByStateIncludingFinishedOnes() {
    String processId = id("instances");
    deploy(rest, twoTasks(processId, "v1"));
    long active = start(rest, processId);
    long completed = start(rest, processId);
    long terminated = start(rest, processId);
    // drive `completed` through both tasks
    for (String task : List.of("work", "ship")) {
      ActivatedJob job;
      do {
        job = activateOne(rest, processId + "-" + task);
        if (job.getProcessInstanceKey() != completed) {
          // not ours: give it back by failing it with its retries kept, no back-off
          rest.newFailCommand(job).retries(job.getRetries()).send().join();
        }
      } while (job.getProcessInstanceKey() != completed);
      rest.newCompleteCommand(job).send().join();
    }
    rest.newCancelInstanceCommand(terminated).send().join();

    SearchResponse<ProcessInstance> all =
        rest.newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.processInstanceKey().asc())
            .send()
            .join();
    assertThat(all.page().totalItems()).isEqualTo(3);
    assertThat(all.items())
        .extracting(ProcessInstance::getProcessInstanceKey, ProcessInstance::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(active, ProcessInstanceState.ACTIVE),
            org.assertj.core.groups.Tuple.tuple(completed, ProcessInstanceState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple(terminated, ProcessInstanceState.TERMINATED));
    ProcessInstance done = all.items().get(1);
    assertThat(done.getEndDate()).isNotNull();
    assertThat(done.getProcessDefinitionName()).isEqualTo("Order handling");
    assertThat(done.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(all.items().get(0).getEndDate()).isNull();

    assertThat(
            rest.newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(active);
    assertThat(
            rest.newProcessInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(completed))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getState)
        .containsExactly(ProcessInstanceState.COMPLETED);

    SearchResponse<ProcessInstance> newestFirst =
        rest.newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.processInstanceKey().desc())
            .page(p -> p.limit(2))
            .send()
            .join();
    assertThat(newestFirst.page().totalItems()).isEqualTo(3);
    assertThat(newestFirst.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(terminated, completed);

    ProcessInstance finished = rest.newProcessInstanceGetRequest(completed).send().join();
    assertThat(finished.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(finished.getEndDate()).isNotNull();
    assertThat(finished.getProcessDefinitionVersionTag()).isEqualTo("v1");
  }

  @Test
  void processInstancesWithIncidentsAreFoundAndIncidentsReadByKey() {
    String processId = id("incident");
    deploy(rest, twoTasks(processId, "v1"));
    long healthy = start(rest, processId);
    long broken = start(rest, processId);
    ActivatedJob job;
    do {
      job = activateOne(rest, processId + "-work");
      if (job.getProcessInstanceKey() != broken) {
        rest.newFailCommand(job).retries(job.getRetries()).send().join();
      }
    } while (job.getProcessInstanceKey() != broken);
    rest.newFailCommand(job).retries(0).errorMessage("printer on fire").send().join();

    List<ProcessInstance> withIncident =
        rest.newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId).hasIncident(true))
            .send()
            .join()
            .items();
    assertThat(withIncident)
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(broken);
    assertThat(withIncident.get(0).getHasIncident()).isTrue();
    assertThat(
            rest.newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId).hasIncident(false))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(healthy);

    long incidentKey = fixture.incidents(broken).get(0).getIncidentKey();
    var incident = rest.newIncidentGetRequest(incidentKey).send().join();
    assertThat(incident.getProcessInstanceKey()).isEqualTo(broken);
    assertThat(incident.getElementId()).isEqualTo("work");
    assertThat(incident.getErrorMessage()).isEqualTo("printer on fire");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(incident.getProcessDefinitionId()).isEqualTo(processId);

    // the element instance the incident holds says so
    List<ElementInstance> atWork =
        rest.newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(broken).hasIncident(true))
            .send()
            .join()
            .items();
    assertThat(atWork).extracting(ElementInstance::getElementId).containsExactly("work");
    assertThat(atWork.get(0).getIncidentKey()).isEqualTo(incidentKey);

    rest.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    rest.newResolveIncidentCommand(incidentKey).send().join();
    ProblemException gone = problem(() -> rest.newIncidentGetRequest(incidentKey).send().join());
    assertThat(gone.code()).isEqualTo(404);
    assertThat(gone.details().getDetail())
        .isEqualTo("Incident with key '" + incidentKey + "' not found");
  }

  @Test
  void processInstanceFilterThisEngineCannotAnswerIsRefusedNamingIt() {
    ProblemException refused =
        problem(
            () ->
                rest.newProcessInstanceSearchRequest()
                    .filter(f -> f.errorMessage("boom"))
                    .send()
                    .join());
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).contains("'errorMessage'");
  }

  // ------------------------------------------------------------------ element instances

  @Test
  void elementInstancesShowWhereAnInstanceIsRightNow() {
    String processId = id("elements");
    deploy(rest, twoTasks(processId, "v1"));
    long instance = start(rest, processId);

    // the start event has already completed (the history keeps it); the instance waits at "work"
    List<ElementInstance> all =
        rest.newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .sort(s -> s.elementInstanceKey().asc())
            .send()
            .join()
            .items();
    assertThat(all)
        .extracting(ElementInstance::getElementId, ElementInstance::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("start", ElementInstanceState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple("work", ElementInstanceState.ACTIVE));
    List<ElementInstance> now =
        rest.newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instance).state(ElementInstanceState.ACTIVE))
            .send()
            .join()
            .items();
    assertThat(now).hasSize(1);
    ElementInstance work = now.get(0);
    assertThat(work.getElementId()).isEqualTo("work");
    assertThat(work.getElementName()).isEqualTo("Do work");
    assertThat(work.getType()).isEqualTo(ElementInstanceType.SERVICE_TASK);
    assertThat(work.getState()).isEqualTo(ElementInstanceState.ACTIVE);
    assertThat(work.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(work.getStartDate()).isNotNull();
    assertThat(work.getIncident()).isFalse();

    ElementInstance byKey =
        rest.newElementInstanceGetRequest(work.getElementInstanceKey()).send().join();
    assertThat(byKey.getElementId()).isEqualTo("work");
    assertThat(byKey.getProcessInstanceKey()).isEqualTo(instance);

    rest.newCompleteCommand(activateOne(rest, processId + "-work")).send().join();
    assertThat(
            rest.newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(instance).state(ElementInstanceState.ACTIVE))
                .send()
                .join()
                .items())
        .extracting(ElementInstance::getElementId, ElementInstance::getElementName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ship", "Ship it"));
    // a completed element instance is still found, with its end date
    ElementInstance finished =
        rest.newElementInstanceGetRequest(work.getElementInstanceKey()).send().join();
    assertThat(finished.getState()).isEqualTo(ElementInstanceState.COMPLETED);
    assertThat(finished.getEndDate()).isNotNull().isAfterOrEqualTo(finished.getStartDate());
    ProblemException unknown =
        problem(() -> rest.newElementInstanceGetRequest(instance + 999_999L).send().join());
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.details().getDetail())
        .isEqualTo("Element Instance with key '" + (instance + 999_999L) + "' not found");
  }

  @Test
  void elementInstancesInsideASubProcessAreFoundByTypeAndScope() {
    String processId = id("subprocess");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("stage")
            .embeddedSubProcess()
            .startEvent()
            .userTask("approve", u -> u.zeebeUserTask().name("Approve"))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done();
    rest.newDeployResourceCommand().addProcessModel(model, "stage.bpmn").send().join();
    long instance = start(rest, processId);

    List<ElementInstance> all =
        rest.newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instance).state(ElementInstanceState.ACTIVE))
            .sort(s -> s.elementInstanceKey().asc())
            .send()
            .join()
            .items();
    assertThat(all)
        .extracting(ElementInstance::getElementId, ElementInstance::getType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("stage", ElementInstanceType.SUB_PROCESS),
            org.assertj.core.groups.Tuple.tuple("approve", ElementInstanceType.USER_TASK));
    long stageKey = all.get(0).getElementInstanceKey();
    assertThat(
            rest.newElementInstanceSearchRequest()
                .filter(f -> f.elementInstanceScopeKey(stageKey))
                .sort(s -> s.elementInstanceKey().asc())
                .send()
                .join()
                .items())
        .extracting(ElementInstance::getType, ElementInstance::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED),
            org.assertj.core.groups.Tuple.tuple(
                ElementInstanceType.USER_TASK, ElementInstanceState.ACTIVE));
    assertThat(
            rest.newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(instance).type(ElementInstanceType.USER_TASK))
                .send()
                .join()
                .items())
        .extracting(ElementInstance::getElementName)
        .containsExactly("Approve");
  }

  // ------------------------------------------------------------------ variables

  @Test
  void variablesAreSearchedByInstanceScopeAndNameAndReadByKey() {
    String processId = id("variables");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("stage", sp -> sp.zeebeInputExpression("amount * 2", "doubled"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(processId + "-work"))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done();
    rest.newDeployResourceCommand().addProcessModel(model, "vars.bpmn").send().join();
    String longText = "x".repeat(9000);
    long instance =
        rest.newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("orderId", "A-1", "amount", 21, "notes", longText))
            .send()
            .join()
            .getProcessInstanceKey();

    SearchResponse<Variable> all =
        rest.newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .sort(s -> s.name().asc())
            .send()
            .join();
    assertThat(all.items())
        .extracting(Variable::getName, Variable::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("amount", "21"),
            org.assertj.core.groups.Tuple.tuple("doubled", "42"),
            // the JSON text, cut at Camunda's 8191 characters
            org.assertj.core.groups.Tuple.tuple("notes", ("\"" + longText).substring(0, 8191)),
            org.assertj.core.groups.Tuple.tuple("orderId", "\"A-1\""));
    assertThat(all.items().get(2).isTruncated()).isTrue();
    assertThat(all.items().get(0).isTruncated()).isFalse();
    Variable doubled = all.items().get(1);
    assertThat(doubled.getScopeKey()).isNotEqualTo(instance);
    assertThat(all.items().get(0).getScopeKey()).isEqualTo(instance);

    assertThat(
            rest.newVariableSearchRequest()
                .filter(f -> f.scopeKey(doubled.getScopeKey()))
                .send()
                .join()
                .items())
        .extracting(Variable::getName)
        .containsExactly("doubled");
    assertThat(
            rest.newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instance).name("notes"))
                .withFullValues()
                .send()
                .join()
                .items())
        .extracting(Variable::getValue)
        .containsExactly("\"" + longText + "\"");

    Variable orderId =
        rest.newVariableGetRequest(all.items().get(3).getVariableKey()).send().join();
    assertThat(orderId.getName()).isEqualTo("orderId");
    assertThat(orderId.getValue()).isEqualTo("\"A-1\"");
    assertThat(orderId.getProcessInstanceKey()).isEqualTo(instance);

    // finished: the final variables stay readable, under the same keys
    rest.newCompleteCommand(activateOne(rest, processId + "-work"))
        .variables(Map.of("orderId", "A-2"))
        .send()
        .join();
    assertThat(fixture.state(instance)).isEqualTo("COMPLETED");
    assertThat(
            rest.newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instance).name("orderId"))
                .send()
                .join()
                .items())
        .extracting(Variable::getValue)
        .containsExactly("\"A-2\"");
    assertThat(rest.newVariableGetRequest(orderId.getVariableKey()).send().join().getValue())
        .isEqualTo("\"A-2\"");
    ProblemException gone =
        problem(() -> rest.newVariableGetRequest(doubled.getVariableKey()).send().join());
    assertThat(gone.code()).isEqualTo(404);
    assertThat(gone.details().getDetail())
        .isEqualTo("Variable with key '" + doubled.getVariableKey() + "' not found");
  }

  /**
   * docs.camunda.io, "Search user task variables": every variable visible from the task's scope,
   * parent scopes included; a name in two scopes is two results (the task's input mapping shadows
   * the instance's {@code offer} here).
   */
  @Test
  void userTaskVariablesAreTheVariablesOfItsScopeAndEveryEnclosingOne() {
    String processId = id("task-variables");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("stage", sp -> sp.zeebeInputExpression("\"in stage\"", "note"))
            .embeddedSubProcess()
            .startEvent()
            .userTask(
                "approve",
                u -> u.zeebeUserTask().name("Approve").zeebeInputExpression("offer * 2", "offer"))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done();
    rest.newDeployResourceCommand().addProcessModel(model, "approve.bpmn").send().join();
    long instance =
        rest.newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("offer", 100, "customer", "ACME"))
            .send()
            .join()
            .getProcessInstanceKey();
    UserTask task =
        rest.newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instance))
            .send()
            .join()
            .items()
            .get(0);
    long taskKey = task.getUserTaskKey();

    SearchResponse<Variable> all =
        rest.newUserTaskVariableSearchRequest(taskKey).sort(s -> s.value().asc()).send().join();
    assertThat(all.items())
        .extracting(Variable::getName, Variable::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("customer", "\"ACME\""),
            org.assertj.core.groups.Tuple.tuple("note", "\"in stage\""),
            org.assertj.core.groups.Tuple.tuple("offer", "100"),
            org.assertj.core.groups.Tuple.tuple("offer", "200"));
    assertThat(all.page().totalItems()).isEqualTo(4);
    assertThat(all.items())
        .allSatisfy(v -> assertThat(v.getProcessInstanceKey()).isEqualTo(instance));
    assertThat(all.items().get(0).getScopeKey()).isEqualTo(instance);
    assertThat(all.items().get(3).getScopeKey()).isEqualTo(task.getElementInstanceKey());
    assertThat(all.items().get(1).getScopeKey()).isNotIn(instance, task.getElementInstanceKey());

    // filtered by name, sorted and paged as the other searches
    assertThat(
            rest.newUserTaskVariableSearchRequest(taskKey)
                .filter(f -> f.name("offer"))
                .sort(s -> s.scopeKey().desc())
                .send()
                .join()
                .items())
        .extracting(Variable::getValue)
        .containsExactly("200", "100");
    SearchResponse<Variable> firstPage =
        rest.newUserTaskVariableSearchRequest(taskKey)
            .sort(s -> s.name().desc())
            .page(p -> p.limit(1))
            .send()
            .join();
    assertThat(firstPage.items()).extracting(Variable::getName).containsExactly("offer");
    assertThat(firstPage.page().totalItems()).isEqualTo(4);

    // another instance's variables are not the task's
    rest.newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("offer", 7, "customer", "Other"))
        .send()
        .join();
    assertThat(
            rest.newUserTaskVariableSearchRequest(taskKey)
                .filter(f -> f.name("customer"))
                .send()
                .join()
                .items())
        .extracting(Variable::getValue)
        .containsExactly("\"ACME\"");

    // completed: the task's scope is gone; the finished instance's final variables remain
    rest.newCompleteUserTaskCommand(taskKey).variables(Map.of("approved", true)).send().join();
    assertThat(fixture.state(instance)).isEqualTo("COMPLETED");
    assertThat(
            rest.newUserTaskVariableSearchRequest(taskKey)
                .sort(s -> s.name().asc())
                .send()
                .join()
                .items())
        .extracting(Variable::getName, Variable::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("approved", "true"),
            org.assertj.core.groups.Tuple.tuple("customer", "\"ACME\""),
            org.assertj.core.groups.Tuple.tuple("offer", "100"));

    ProblemException unknown =
        problem(() -> rest.newUserTaskVariableSearchRequest(taskKey + 999_999L).send().join());
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.details().getTitle()).isEqualTo("NOT_FOUND");
    assertThat(unknown.details().getDetail())
        .isEqualTo("User Task with key '" + (taskKey + 999_999L) + "' not found");
    ProblemException badFilter =
        problem(
            () ->
                rest.newUserTaskVariableSearchRequest(taskKey)
                    .filter(f -> f.name(n -> n.like("off*")))
                    .send()
                    .join());
    assertThat(badFilter.code()).isEqualTo(400);
    assertThat(badFilter.details().getDetail()).contains("name");
  }

  // ------------------------------------------------------------------ jobs

  @Test
  void jobsAreSearchedByTypeStateAndInstance() {
    String processId = id("jobs");
    deploy(rest, twoTasks(processId, "v1"));
    long first = start(rest, processId);
    long second = start(rest, processId);

    SearchResponse<Job> created =
        rest.newJobSearchRequest()
            .filter(f -> f.type(processId + "-work").state(JobState.CREATED))
            .send()
            .join();
    assertThat(created.items())
        .extracting(Job::getProcessInstanceKey)
        .containsExactlyInAnyOrder(first, second);
    assertThat(created.items().get(0).getElementId()).isEqualTo("work");
    assertThat(created.items().get(0).getRetries()).isEqualTo(3);

    ActivatedJob job = activateOne(rest, processId + "-work");
    rest.newFailCommand(job)
        .retries(2)
        .retryBackoff(Duration.ofMinutes(10))
        .errorMessage("try later")
        .send()
        .join();
    List<Job> failed =
        rest.newJobSearchRequest()
            .filter(f -> f.processInstanceKey(job.getProcessInstanceKey()).elementId("work"))
            .send()
            .join()
            .items();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getState()).isEqualTo(JobState.FAILED);
    assertThat(failed.get(0).getRetries()).isEqualTo(2);
    assertThat(failed.get(0).getErrorMessage()).isEqualTo("try later");
    assertThat(failed.get(0).hasFailedWithRetriesLeft()).isTrue();
    assertThat(failed.get(0).getJobKey()).isEqualTo(job.getKey());
  }
}

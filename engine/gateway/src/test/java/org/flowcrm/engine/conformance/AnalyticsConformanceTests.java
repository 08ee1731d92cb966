package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.api.Test;

/**
 * What process analytics reads through the real client over REST: the element-instance history
 * (completed and terminated element instances with their dates, filtered, sorted and paged), the
 * per-element statistics of a process version, and open incidents and user tasks by process
 * version; all of it still there after an engine restart.
 */
class AnalyticsConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();
  private final CamundaClient client = fixture.client(Protocol.REST);

  /** start → "Check order" (service task) → "Review" (zeebe:userTask, due in the past) → end. */
  private long deploy(String processId) {
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .serviceTask("check", t -> t.name("Check order").zeebeJobType(processId + "-check"))
                .userTask(
                    "review",
                    t -> t.name("Review").zeebeUserTask().zeebeDueDate("2020-01-01T00:00:00Z"))
                .endEvent("end")
                .done());
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, processId + ".bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  private long start(String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private ActivatedJob activate(String type) {
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
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private UserTask openTask(long processInstanceKey) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  /** Four instances: one done, one waiting at the review, one with an incident, one cancelled. */
  private record Scenario(
      long definitionKey, long done, long waiting, long failed, long cancelled) {}

  private Scenario run(String processId) {
    long definitionKey = deploy(processId);
    long done = start(processId);
    long waiting = start(processId);
    long failed = start(processId);
    long cancelled = start(processId);
    String type = processId + "-check";
    for (int i = 0; i < 4; i++) {
      ActivatedJob job = activate(type);
      if (job.getProcessInstanceKey() == failed) {
        client.newFailCommand(job).retries(0).errorMessage("no stock").send().join();
      } else if (job.getProcessInstanceKey() == cancelled) {
        client.newCancelInstanceCommand(cancelled).send().join();
      } else {
        client.newCompleteCommand(job).send().join();
      }
    }
    client.newCompleteUserTaskCommand(openTask(done).getUserTaskKey()).send().join();
    return new Scenario(definitionKey, done, waiting, failed, cancelled);
  }

  private SearchResponse<ElementInstance> elements(
      java.util.function.Consumer<io.camunda.client.api.search.filter.ElementInstanceFilter>
          filter) {
    return client.newElementInstanceSearchRequest().filter(filter).send().join();
  }

  private Map<String, ProcessElementStatistics> statistics(long definitionKey) {
    return client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join().stream()
        .collect(Collectors.toMap(ProcessElementStatistics::getElementId, Function.identity()));
  }

  @Test
  void finishedElementInstancesAreSearchableWithTheirDates() {
    String processId = "analytics-history-" + ids.incrementAndGet();
    Scenario s = run(processId);

    List<ElementInstance> ofDone =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(s.done()))
            .sort(o -> o.startDate().asc())
            .send()
            .join()
            .items();
    assertThat(ofDone)
        .extracting(ElementInstance::getElementId)
        .containsExactly("start", "check", "review", "end");
    assertThat(ofDone)
        .allSatisfy(
            e -> {
              assertThat(e.getState()).isEqualTo(ElementInstanceState.COMPLETED);
              assertThat(e.getEndDate()).isNotNull().isAfterOrEqualTo(e.getStartDate());
              assertThat(e.getProcessDefinitionKey()).isEqualTo(s.definitionKey());
            });
    assertThat(ofDone.get(1).getType()).isEqualTo(ElementInstanceType.SERVICE_TASK);
    assertThat(ofDone.get(1).getElementName()).isEqualTo("Check order");

    // the cancelled instance's task was terminated when it was cancelled
    List<ElementInstance> terminated =
        elements(
                f ->
                    f.processDefinitionKey(s.definitionKey())
                        .state(ElementInstanceState.TERMINATED))
            .items();
    assertThat(terminated).hasSize(1);
    assertThat(terminated.get(0).getElementId()).isEqualTo("check");
    assertThat(terminated.get(0).getProcessInstanceKey()).isEqualTo(s.cancelled());
    assertThat(terminated.get(0).getEndDate()).isNotNull();

    // every service task: 2 completed, 1 active with an incident, 1 terminated
    SearchResponse<ElementInstance> checks =
        elements(f -> f.processDefinitionId(processId).type(ElementInstanceType.SERVICE_TASK));
    assertThat(checks.page().totalItems()).isEqualTo(4);
    assertThat(checks.items())
        .extracting(ElementInstance::getState)
        .containsExactlyInAnyOrder(
            ElementInstanceState.COMPLETED,
            ElementInstanceState.COMPLETED,
            ElementInstanceState.ACTIVE,
            ElementInstanceState.TERMINATED);
    List<ElementInstance> withIncident =
        elements(f -> f.processDefinitionKey(s.definitionKey()).hasIncident(true)).items();
    assertThat(withIncident).hasSize(1);
    assertThat(withIncident.get(0).getProcessInstanceKey()).isEqualTo(s.failed());
    assertThat(withIncident.get(0).getEndDate()).isNull();

    // a get of a completed element instance answers it, no longer 404
    ElementInstance completedCheck = ofDone.get(1);
    ElementInstance got =
        client.newElementInstanceGetRequest(completedCheck.getElementInstanceKey()).send().join();
    assertThat(got.getState()).isEqualTo(ElementInstanceState.COMPLETED);
    assertThat(got.getEndDate()).isEqualTo(completedCheck.getEndDate());

    // sort by end date descending, pages of 2: the newest first, then the next page
    SearchResponse<ElementInstance> firstPage =
        client
            .newElementInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionKey(s.definitionKey()).state(ElementInstanceState.COMPLETED))
            .sort(o -> o.endDate().desc())
            .page(p -> p.limit(2))
            .send()
            .join();
    // completed: 4 of the done instance, start + check of the waiting one, start of the failed
    // and the cancelled ones
    assertThat(firstPage.page().totalItems()).isEqualTo(8);
    assertThat(firstPage.items()).hasSize(2);
    assertThat(firstPage.items().get(0).getElementId()).isEqualTo("end");
    SearchResponse<ElementInstance> secondPage =
        client
            .newElementInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionKey(s.definitionKey()).state(ElementInstanceState.COMPLETED))
            .sort(o -> o.endDate().desc())
            .page(p -> p.from(2).limit(2))
            .send()
            .join();
    OffsetDateTime lastOfFirst = firstPage.items().get(1).getEndDate();
    assertThat(secondPage.items())
        .allSatisfy(e -> assertThat(e.getEndDate()).isBeforeOrEqualTo(lastOfFirst));
  }

  @Test
  void elementStatisticsCountActiveIncidentsCompletedAndCanceledAlsoAfterARestart() {
    String processId = "analytics-statistics-" + ids.incrementAndGet();
    Scenario s = run(processId);

    for (int round = 0; round < 2; round++) {
      Map<String, ProcessElementStatistics> stats = statistics(s.definitionKey());
      assertThat(stats).containsOnlyKeys("start", "check", "review", "end");
      assertThat(stats.get("start").getCompleted()).isEqualTo(4);
      ProcessElementStatistics check = stats.get("check");
      assertThat(check.getCompleted()).isEqualTo(2);
      assertThat(check.getActive()).isZero();
      assertThat(check.getIncidents()).isEqualTo(1);
      assertThat(check.getCanceled()).isEqualTo(1);
      ProcessElementStatistics review = stats.get("review");
      assertThat(review.getActive()).isEqualTo(1);
      assertThat(review.getCompleted()).isEqualTo(1);
      assertThat(review.getIncidents()).isZero();
      assertThat(stats.get("end").getCompleted()).isEqualTo(1);

      // the history of element instances is durable: the same answers after a restart
      assertThat(
              elements(f -> f.processInstanceKey(s.done()).state(ElementInstanceState.COMPLETED))
                  .page()
                  .totalItems())
          .isEqualTo(4);
      if (round == 0) {
        fixture.restart();
      }
    }
  }

  @Test
  void statisticsOfAnUnknownProcessDefinitionAre404() {
    ProblemException problem = null;
    try {
      client
          .newProcessDefinitionElementStatisticsRequest(2251799813685248L + 987654321L)
          .send()
          .join();
    } catch (ProblemException e) {
      problem = e;
    }
    assertThat(problem).isNotNull();
    assertThat(problem.code()).isEqualTo(404);
    assertThat(problem.details().getDetail()).contains("Process Definition with key");
  }

  @Test
  void incidentsAndOverdueUserTasksAreSearchedByProcessDefinition() {
    String processId = "analytics-incidents-" + ids.incrementAndGet();
    Scenario s = run(processId);

    List<Incident> incidents =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processDefinitionKey(s.definitionKey()))
            .send()
            .join()
            .items();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getElementId()).isEqualTo("check");
    assertThat(incidents.get(0).getProcessInstanceKey()).isEqualTo(s.failed());
    assertThat(incidents.get(0).getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processDefinitionId(processId).elementId("review"))
                .send()
                .join()
                .items())
        .isEmpty();

    // the SLA question: open tasks of this version whose due date has passed
    List<UserTask> overdue =
        client
            .newUserTaskSearchRequest()
            .filter(
                f ->
                    f.processDefinitionKey(s.definitionKey())
                        .state(io.camunda.client.api.search.enums.UserTaskState.CREATED)
                        .dueDate(d -> d.lt(OffsetDateTime.now())))
            .send()
            .join()
            .items();
    assertThat(overdue).extracting(UserTask::getProcessInstanceKey).containsExactly(s.waiting());
    List<UserTask> notYetDue =
        client
            .newUserTaskSearchRequest()
            .filter(
                f ->
                    f.processDefinitionKey(s.definitionKey())
                        .dueDate(d -> d.gt(OffsetDateTime.now())))
            .send()
            .join()
            .items();
    assertThat(notYetDue).isEmpty();
  }
}

package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.activeElements;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.onlyIncident;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.UserTask;
import org.flowcrm.engine.api.UserTaskQuery;
import org.flowcrm.engine.api.UserTaskUpdate;
import org.flowcrm.engine.store.InMemoryEngineStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserTaskTests {

  private final EngineTestSupport.TestClock clock = new EngineTestSupport.TestClock();
  private final InMemoryEngineStore store = new InMemoryEngineStore();
  private ProcessEngine engine =
      EngineFactory.onStore(
          new EngineSettings(EngineSettings.DEFAULT_MAX_PAYLOAD_BYTES, clock), store);

  @AfterEach
  void close() {
    engine.close();
  }

  private void deployApproval() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("approval")
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.name("Approve the deal")
                        .zeebeUserTask()
                        .zeebeAssigneeExpression("owner")
                        .zeebeCandidateGroups("sales, managers")
                        .zeebeCandidateUsersExpression("[\"ann\", \"bob\"]")
                        .zeebeDueDateExpression("due")
                        .zeebeFollowUpDate("2026-01-02T09:00:00Z")
                        .zeebeTaskPriorityExpression("prio")
                        .zeebeFormId("approval-form")
                        .zeebeTaskHeader("kind", "approval")
                        .zeebeInputExpression("amount * 2", "doubled")
                        .zeebeOutputExpression("decision", "approved"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
  }

  private long startApproval(String owner) {
    return start(
        engine,
        "approval",
        Map.of("owner", owner, "due", "2026-01-05T17:00:00+01:00", "prio", 80, "amount", 21));
  }

  private UserTask onlyTask(long instanceKey) {
    List<UserTask> tasks =
        engine.searchUserTasks(UserTaskQuery.all().withProcessInstanceKey(instanceKey)).items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void aUserTaskWaitsWithItsPropertiesAndCompletingItMovesOn() {
    deployApproval();
    long key = startApproval("carl");
    UserTask task = onlyTask(key);
    assertThat(task.state()).isEqualTo(UserTask.CREATED);
    assertThat(task.elementId()).isEqualTo("approve");
    assertThat(task.name()).isEqualTo("Approve the deal");
    assertThat(task.assignee()).isEqualTo("carl");
    assertThat(task.candidateGroups()).containsExactly("sales", "managers");
    assertThat(task.candidateUsers()).containsExactly("ann", "bob");
    assertThat(task.dueDate()).isEqualTo("2026-01-05T17:00+01:00");
    assertThat(task.followUpDate()).isEqualTo("2026-01-02T09:00Z");
    assertThat(task.priority()).isEqualTo(80);
    assertThat(task.formId()).isEqualTo("approval-form");
    assertThat(task.customHeaders()).containsEntry("kind", "approval");
    assertThat(task.bpmnProcessId()).isEqualTo("approval");
    assertThat(task.creationDate()).isEqualTo(clock.millis());
    assertThat(activeElements(engine, key)).containsExactly("approve");
    assertThat(instance(engine, key).elementInstances().get(0).variables())
        .containsEntry("doubled", 42L);

    engine.completeUserTask(task.key(), Map.of("decision", true), null);
    assertThat(activeElements(engine, key)).containsExactly("after");
    assertThat(instance(engine, key).variables()).containsEntry("approved", true);
    UserTask done = engine.userTask(task.key()).orElseThrow();
    assertThat(done.state()).isEqualTo(UserTask.COMPLETED);
    assertThat(done.completionDate()).isEqualTo(clock.millis());
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withState(UserTask.COMPLETED)).items())
        .extracting(UserTask::key)
        .containsExactly(task.key());
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withState(UserTask.CREATED)).total())
        .isZero();

    assertThatThrownBy(() -> engine.completeUserTask(task.key(), Map.of(), null))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND);
              assertThat(e.getMessage()).contains("no such user task was found");
            });
    assertThatThrownBy(() -> engine.completeUserTask(42, Map.of(), null))
        .isInstanceOfSatisfying(
            EngineException.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND));
    assertThat(engine.userTask(42)).isEmpty();
  }

  @Test
  void assignUnassignAndUpdate() {
    deployApproval();
    long key = startApproval("carl");
    long task = onlyTask(key).key();

    assertThatThrownBy(() -> engine.assignUserTask(task, "dora", false))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_STATE));
    engine.assignUserTask(task, "dora", true);
    assertThat(engine.userTask(task).orElseThrow().assignee()).isEqualTo("dora");
    engine.unassignUserTask(task);
    assertThat(engine.userTask(task).orElseThrow().assignee()).isNull();
    engine.assignUserTask(task, "eve", false);
    assertThat(engine.userTask(task).orElseThrow().assignee()).isEqualTo("eve");
    assertThatThrownBy(() -> engine.assignUserTask(task, "eve", false))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_STATE));

    engine.updateUserTask(
        task, new UserTaskUpdate("2026-02-01T10:00:00Z", "", List.of("board"), null, 10));
    UserTask updated = engine.userTask(task).orElseThrow();
    assertThat(updated.dueDate()).isEqualTo("2026-02-01T10:00Z");
    assertThat(updated.followUpDate()).isNull();
    assertThat(updated.candidateGroups()).containsExactly("board");
    assertThat(updated.candidateUsers()).containsExactly("ann", "bob");
    assertThat(updated.priority()).isEqualTo(10);
    assertThatThrownBy(
            () ->
                engine.updateUserTask(task, new UserTaskUpdate("tomorrow", null, null, null, null)))
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_ARGUMENT));

    engine.completeUserTask(task, Map.of("decision", false), "reject");
    assertThatThrownBy(() -> engine.assignUserTask(task, "x", true))
        .isInstanceOfSatisfying(
            EngineException.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND));
  }

  @Test
  void searchFiltersSortsAndPages() {
    deployApproval();
    long a = startApproval("carl");
    clock.advance(Duration.ofMinutes(1));
    long b = startApproval("dora");
    clock.advance(Duration.ofMinutes(1));
    long c = startApproval("carl");
    engine.updateUserTask(
        onlyTask(b).key(), new UserTaskUpdate("2026-01-01T08:00:00Z", null, null, null, 99));

    assertThat(engine.searchUserTasks(UserTaskQuery.all().withAssignee("carl")).items())
        .extracting(UserTask::processInstanceKey)
        .containsExactly(a, c);
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withCandidateGroup("managers")).total())
        .isEqualTo(3);
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withCandidateGroup("nobody")).total())
        .isZero();
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withCandidateUser("bob")).total())
        .isEqualTo(3);
    assertThat(
            engine
                .searchUserTasks(
                    UserTaskQuery.all().sortedBy(UserTaskQuery.SortBy.CREATION_DATE, true))
                .items())
        .extracting(UserTask::processInstanceKey)
        .containsExactly(c, b, a);
    assertThat(
            engine
                .searchUserTasks(UserTaskQuery.all().sortedBy(UserTaskQuery.SortBy.DUE_DATE, false))
                .items()
                .get(0)
                .processInstanceKey())
        .isEqualTo(b);
    assertThat(
            engine
                .searchUserTasks(UserTaskQuery.all().sortedBy(UserTaskQuery.SortBy.PRIORITY, true))
                .items()
                .get(0)
                .processInstanceKey())
        .isEqualTo(b);
    var page = engine.searchUserTasks(UserTaskQuery.all().page(1, 1));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.items()).extracting(UserTask::processInstanceKey).containsExactly(b);
    assertThat(
            engine
                .searchUserTasks(
                    UserTaskQuery.all().withElementId("approve").withBpmnProcessId("approval"))
                .total())
        .isEqualTo(3);
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withElementId("other")).total()).isZero();
  }

  @Test
  void cancellingTheInstanceOrAnInterruptingBoundaryCancelsTheTask() {
    deployApproval();
    long key = startApproval("carl");
    long task = onlyTask(key).key();
    engine.cancelProcessInstance(key);
    assertThat(engine.userTask(task).orElseThrow().state()).isEqualTo(UserTask.CANCELED);
    assertThat(engine.searchUserTasks(UserTaskQuery.all().withState(UserTask.CANCELED)).total())
        .isEqualTo(1);

    deploy(
        engine,
        Bpmn.createExecutableProcess("sub")
            .startEvent()
            .subProcess("body")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .moveToNode("fork")
            .serviceTask("check", t -> t.zeebeJobType("check"))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .moveToActivity("body")
            .boundaryEvent("failed", b -> b.error("BAD"))
            .endEvent("rejected")
            .done());
    long other = start(engine, "sub", Map.of());
    long review = onlyTask(other).key();
    ActivatedJob check = activateOne(engine, "check");
    engine.throwError(check.key(), "BAD", "nope", Map.of());
    assertThat(engine.userTask(review).orElseThrow().state()).isEqualTo(UserTask.CANCELED);
    assertThat(instance(engine, other).state()).isEqualTo("COMPLETED");
  }

  @Test
  void aPropertyThatCannotBeEvaluatedIsAnIncident() {
    deployApproval();
    long key =
        start(engine, "approval", Map.of("owner", "carl", "due", "soon", "prio", 1, "amount", 1));
    assertThat(onlyIncident(engine, key).errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(engine.searchUserTasks(UserTaskQuery.all()).total()).isZero();
  }

  @Test
  void openAndFinishedTasksSurviveARestart() {
    deployApproval();
    long a = startApproval("carl");
    long b = startApproval("dora");
    long doneTask = onlyTask(a).key();
    engine.completeUserTask(doneTask, Map.of("decision", true), null);
    long openTask = onlyTask(b).key();
    engine.close();

    engine =
        EngineFactory.onStore(
            new EngineSettings(EngineSettings.DEFAULT_MAX_PAYLOAD_BYTES, clock), store);
    assertThat(engine.userTask(doneTask).orElseThrow().state()).isEqualTo(UserTask.COMPLETED);
    assertThat(engine.userTask(openTask).orElseThrow().assignee()).isEqualTo("dora");
    engine.completeUserTask(openTask, Map.of("decision", false), null);
    assertThat(activeElements(engine, b)).containsExactly("after");
  }

  @Test
  void jobBasedUserTasksAreJobsWithZeebesHeaders() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("legacy")
            .startEvent()
            .userTask(
                "approve",
                t ->
                    t.zeebeAssignee("carl")
                        .zeebeCandidateGroups("sales,managers")
                        .zeebeCandidateUsersExpression("users")
                        .zeebeDueDate("2026-01-05T17:00:00Z")
                        .zeebeFollowUpDate("2026-01-04T17:00:00Z")
                        .zeebeTaskPriority("70")
                        .zeebeFormKey("camunda-forms:bpmn:form1"))
            .endEvent()
            .done());
    long key = start(engine, "legacy", Map.of("users", List.of("ann")));
    ActivatedJob job = activateOne(engine, "io.camunda.zeebe:userTask");
    assertThat(job.customHeaders())
        .containsEntry("io.camunda.zeebe:assignee", "carl")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"sales\",\"managers\"]")
        .containsEntry("io.camunda.zeebe:candidateUsers", "[\"ann\"]")
        .containsEntry("io.camunda.zeebe:dueDate", "2026-01-05T17:00Z")
        .containsEntry("io.camunda.zeebe:followUpDate", "2026-01-04T17:00Z")
        .containsEntry("io.camunda.zeebe:formKey", "camunda-forms:bpmn:form1")
        .containsEntry("io.camunda.zeebe:priority", "70");
    assertThat(engine.searchUserTasks(UserTaskQuery.all()).total()).isZero();
    engine.completeJob(job.key(), Map.of("ok", true));
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
  }
}

package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * User tasks ({@code zeebe:userTask}) and messages as docs.camunda.io describes them, through the
 * real client. User-task commands and queries and message correlation are REST-only in the client
 * whatever protocol it prefers; publishing goes over the preferred protocol.
 */
class UserTaskAndMessageConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();

  private static String id(String name, Protocol protocol) {
    return name + "-" + protocol.name().toLowerCase() + "-" + ids.incrementAndGet();
  }

  private static String userTaskProcess(String processId) {
    try (InputStream in =
        UserTaskAndMessageConformanceTests.class.getResourceAsStream("/bpmn/user-task.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PROCESS_ID", processId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance messageProcess(String processId, String message) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent("wait")
        .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
        .serviceTask("after", t -> t.zeebeJobType(processId + "-after"))
        .endEvent()
        .done();
  }

  private static long start(CamundaClient client, String processId, Map<String, Object> vars) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static ActivatedJob activateOne(CamundaClient client, String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(10)
            .timeout(Duration.ofMinutes(5))
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("activatable jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  private static List<UserTask> openTasks(CamundaClient client, long instance) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
        .sort(s -> s.creationDate().desc())
        .page(p -> p.limit(10))
        .send()
        .join()
        .items();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void userTaskIsFoundAssignedAndCompletedAndTheInstanceMovesOn(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("user-task", protocol);
    client
        .newDeployResourceCommand()
        .addResourceString(userTaskProcess(processId), StandardCharsets.UTF_8, "process.bpmn")
        .send()
        .join();
    long instance = start(client, processId, Map.of("offer", 100));

    List<UserTask> tasks = openTasks(client, instance);
    assertThat(tasks).hasSize(1);
    UserTask task = tasks.get(0);
    assertThat(task.getElementId()).isEqualTo("review");
    assertThat(task.getCandidateGroups()).containsExactly("sales", "managers");
    assertThat(task.getAssignee()).isNull();
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup("managers").processInstanceKey(instance))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(task.getUserTaskKey());

    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("anna").send().join();
    Protocol.REST.assertRejected(
        () ->
            client
                .newAssignUserTaskCommand(task.getUserTaskKey())
                .assignee("ben")
                .allowOverride(false)
                .send()
                .join(),
        409,
        Status.Code.FAILED_PRECONDITION);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.assignee("anna").processInstanceKey(instance))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(task.getUserTaskKey());
    client.newUpdateUserTaskCommand(task.getUserTaskKey()).priority(80).send().join();
    UserTask fetched = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(fetched.getAssignee()).isEqualTo("anna");
    assertThat(fetched.getPriority()).isEqualTo(80);
    assertThat(fetched.getProcessInstanceKey()).isEqualTo(instance);

    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("approved", true))
        .send()
        .join();

    ActivatedJob next = activateOne(client, processId + "-after");
    assertThat(next.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(next.getVariablesAsMap()).containsEntry("approved", true);
    assertThat(openTasks(client, instance)).isEmpty();
    assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void unknownUserTaskKeysAreNotFound(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    long unknown = (1L << 51) + 999_999_999L;

    // User tasks are REST-only in the client, whatever protocol it prefers for commands.
    Protocol.REST.assertRejected(
        () -> client.newUserTaskGetRequest(unknown).send().join(), 404, Status.Code.NOT_FOUND);
    Protocol.REST.assertRejected(
        () -> client.newAssignUserTaskCommand(unknown).assignee("anna").send().join(),
        404,
        Status.Code.NOT_FOUND);
    Protocol.REST.assertRejected(
        () -> client.newUnassignUserTaskCommand(unknown).send().join(), 404, Status.Code.NOT_FOUND);
    String message =
        Protocol.REST.assertRejected(
            () -> client.newCompleteUserTaskCommand(unknown).send().join(),
            404,
            Status.Code.NOT_FOUND);
    assertThat(message).contains(Long.toString(unknown));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void publishedMessageIsCorrelatedByKey(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("message", protocol);
    String message = processId + "-paid";
    client
        .newDeployResourceCommand()
        .addProcessModel(messageProcess(processId, message), "process.bpmn")
        .send()
        .join();
    long first = start(client, processId, Map.of("orderId", "order-1"));
    long second = start(client, processId, Map.of("orderId", "order-2"));

    PublishMessageResponse published =
        client
            .newPublishMessageCommand()
            .messageName(message)
            .correlationKey("order-2")
            .timeToLive(Duration.ofSeconds(30))
            .variables(Map.of("paid", 42))
            .send()
            .join();
    assertThat(published.getMessageKey()).isPositive();

    ActivatedJob job = activateOne(client, processId + "-after");
    assertThat(job.getProcessInstanceKey()).isEqualTo(second);
    assertThat(job.getVariablesAsMap()).containsEntry("paid", 42);
    assertThat(fixture.state(first)).isEqualTo("ACTIVE");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void correlateMessageReachesTheWaitingInstanceOrIsNotFound(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("correlate", protocol);
    String message = processId + "-paid";
    client
        .newDeployResourceCommand()
        .addProcessModel(messageProcess(processId, message), "process.bpmn")
        .send()
        .join();
    long instance = start(client, processId, Map.of("orderId", "order-7"));

    CorrelateMessageResponse correlated =
        client
            .newCorrelateMessageCommand()
            .messageName(message)
            .correlationKey("order-7")
            .variables(Map.of("paid", true))
            .send()
            .join();
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(correlated.getMessageKey()).isPositive();

    ActivatedJob job = activateOne(client, processId + "-after");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsEntry("paid", true);

    // Correlation is REST-only in the client; nothing waits for this key any more.
    Protocol.REST.assertRejected(
        () ->
            client
                .newCorrelateMessageCommand()
                .messageName(message)
                .correlationKey("order-7")
                .send()
                .join(),
        404,
        Status.Code.NOT_FOUND);
  }
}

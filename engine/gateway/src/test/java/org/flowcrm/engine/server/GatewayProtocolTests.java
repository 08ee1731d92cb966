package org.flowcrm.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobWorker;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Rejection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The protocol mapping, through the real Camunda client over REST and gRPC, against a scripted
 * engine: what each command hands the engine, what the client gets back, and how refusals look.
 * Engine behaviour itself is the conformance suite's job.
 */
class GatewayProtocolTests {

  static final long KEY = StubEngine.KEY;
  static StubEngine engine;
  static EngineServer server;
  static Map<Protocol, CamundaClient> clients = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    engine = new StubEngine();
    server = EngineServer.serve(engine, GatewaySettings.ephemeral());
    for (Protocol protocol : Protocol.values()) {
      clients.put(protocol, protocol.client(server));
    }
  }

  @AfterAll
  static void stop() {
    clients.values().forEach(CamundaClient::close);
    server.close();
  }

  @BeforeEach
  void reset() {
    engine.calls.clear();
    engine.rejectWith = null;
    engine.jobsToActivate = List.of();
    engine.activationDelay = Duration.ZERO;
  }

  @AfterEach
  void noRejection() {
    engine.rejectWith = null;
  }

  static Map<String, Object> everyJsonType() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("text", "Grüße \"quoted\" \n");
    variables.put("integer", 42);
    variables.put("long", 9_007_199_254_740_993L);
    variables.put("decimal", 12.5);
    variables.put("yes", true);
    variables.put("nothing", null);
    variables.put("list", List.of(1, "two", false));
    variables.put("object", Map.of("nested", Map.of("deep", List.of())));
    return variables;
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void topologyIsOneBrokerWithOneLeaderPartition(Protocol protocol) {
    Topology topology = clients.get(protocol).newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.9.0-flowcrm");
    assertThat(topology.getBrokers()).hasSize(1);
    assertThat(topology.getBrokers().get(0).getPartitions()).hasSize(1);
    assertThat(topology.getBrokers().get(0).getPartitions().get(0).isLeader()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  @SuppressWarnings("unchecked")
  void deployHandsOverEveryResourceAndAnswersKeysIntact(Protocol protocol) {
    byte[] bpmn =
        "<definitions>ü</definitions>\r\n--not-a-boundary".getBytes(StandardCharsets.UTF_8);

    DeploymentEvent deployment =
        clients
            .get(protocol)
            .newDeployResourceCommand()
            .addResourceBytes(bpmn, "order.bpmn")
            .addResourceBytes("<x/>".getBytes(StandardCharsets.UTF_8), "second.bpmn")
            .send()
            .join();

    List<DeployResource> received = (List<DeployResource>) engine.last("deploy").args().get(0);
    assertThat(received)
        .extracting(DeployResource::name)
        .containsExactly("order.bpmn", "second.bpmn");
    assertThat(received.get(0).content()).isEqualTo(bpmn);
    assertThat(engine.last("deploy").args().get(1)).isEqualTo("<default>");
    assertThat(deployment.getKey()).isEqualTo(KEY);
    assertThat(deployment.getProcesses()).hasSize(2);
    assertThat(deployment.getProcesses().get(0).getProcessDefinitionKey()).isEqualTo(KEY + 1);
    assertThat(deployment.getProcesses().get(0).getResourceName()).isEqualTo("order.bpmn");
    assertThat(deployment.getProcesses().get(0).getBpmnProcessId()).isEqualTo("order-process");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void createByIdAndLatestVersionKeepsEveryJsonType(Protocol protocol) {
    ProcessInstanceEvent created =
        clients
            .get(protocol)
            .newCreateInstanceCommand()
            .bpmnProcessId("order-process")
            .latestVersion()
            .variables(everyJsonType())
            .send()
            .join();

    CreateProcessInstance command =
        (CreateProcessInstance) engine.last("createProcessInstance").args().get(0);
    assertThat(command.bpmnProcessId()).isEqualTo("order-process");
    assertThat(command.version()).isEqualTo(CreateProcessInstance.LATEST_VERSION);
    assertThat(command.variables()).isEqualTo(everyJsonType());
    assertThat(created.getProcessInstanceKey()).isEqualTo(KEY + 2);
    assertThat(created.getProcessDefinitionKey()).isEqualTo(KEY + 1);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void createByKey(Protocol protocol) {
    clients.get(protocol).newCreateInstanceCommand().processDefinitionKey(KEY + 1).send().join();

    CreateProcessInstance command =
        (CreateProcessInstance) engine.last("createProcessInstance").args().get(0);
    assertThat(command.processDefinitionKey()).isEqualTo(KEY + 1);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  @SuppressWarnings("unchecked")
  void createWithResultAnswersTheVariables(Protocol protocol) {
    engine.resultVariables = everyJsonType();

    ProcessInstanceResult result =
        clients
            .get(protocol)
            .newCreateInstanceCommand()
            .bpmnProcessId("order-process")
            .latestVersion()
            .withResult()
            .fetchVariables("text", "list")
            .requestTimeout(Duration.ofSeconds(7))
            .send()
            .join();

    assertThat(result.getVariablesAsMap()).isEqualTo(everyJsonType());
    assertThat(result.getProcessInstanceKey()).isEqualTo(KEY + 2);
    StubEngine.Call call = engine.last("createProcessInstanceWithResult");
    assertThat((List<String>) call.args().get(2)).containsExactly("text", "list");
    assertThat((Duration) call.args().get(1)).isEqualTo(Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void activationWaitsForAJobAndHandsOverItsVariablesAndHeaders(Protocol protocol) {
    engine.jobsToActivate = List.of(StubEngine.job("ship", everyJsonType()));
    engine.activationDelay = Duration.ofMillis(300);

    List<ActivatedJob> jobs =
        clients
            .get(protocol)
            .newActivateJobsCommand()
            .jobType("ship")
            .maxJobsToActivate(5)
            .workerName("w1")
            .timeout(Duration.ofSeconds(30))
            .fetchVariables("text")
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();

    assertThat(jobs).hasSize(1);
    ActivatedJob job = jobs.get(0);
    assertThat(job.getKey()).isEqualTo(KEY + 10);
    assertThat(job.getVariablesAsMap()).isEqualTo(everyJsonType());
    assertThat(job.getCustomHeaders()).containsEntry("priority", "high");
    assertThat(job.getElementInstanceKey()).isEqualTo(KEY + 9);
    assertThat(job.getProcessInstanceKey()).isEqualTo(KEY + 2);
    assertThat(job.getBpmnProcessId()).isEqualTo("order-process");
    assertThat(job.getDeadline()).isEqualTo(1_700_000_000_000L);
    ActivateJobs command = (ActivateJobs) engine.last("activateJobs").args().get(0);
    assertThat(command.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(command.maxJobsToActivate()).isEqualTo(5);
    assertThat(command.worker()).isEqualTo("w1");
    assertThat(command.fetchVariables()).containsExactly("text");
    assertThat(command.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void activationWithoutJobsAnswersEmptyAfterTheRequestTimeout(Protocol protocol) {
    long started = System.nanoTime();
    List<ActivatedJob> jobs =
        clients
            .get(protocol)
            .newActivateJobsCommand()
            .jobType("nothing-here")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMillis(400))
            .send()
            .join()
            .getJobs();

    assertThat(jobs).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(350));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void jobCommandsHandTheirArgumentsToTheEngine(Protocol protocol) {
    CamundaClient client = clients.get(protocol);

    client.newCompleteCommand(KEY).variables(Map.of("done", true)).send().join();
    assertThat(engine.last("completeJob").args()).containsExactly(KEY, Map.of("done", true));

    client
        .newFailCommand(KEY)
        .retries(2)
        .retryBackoff(Duration.ofSeconds(3))
        .errorMessage("boom")
        .variables(Map.of("attempt", 1))
        .send()
        .join();
    assertThat(engine.last("failJob").args())
        .containsExactly(KEY, 2, "boom", Duration.ofSeconds(3), Map.of("attempt", 1));

    client
        .newThrowErrorCommand(KEY)
        .errorCode("NOT_AVAILABLE")
        .errorMessage("out of stock")
        .variables(Map.of("reason", "stock"))
        .send()
        .join();
    assertThat(engine.last("throwError").args())
        .containsExactly(KEY, "NOT_AVAILABLE", "out of stock", Map.of("reason", "stock"));

    client.newUpdateRetriesCommand(KEY).retries(5).send().join();
    assertThat(engine.last("updateJobRetries").args()).containsExactly(KEY, 5);

    client.newUpdateTimeoutCommand(KEY).timeout(Duration.ofMinutes(2)).send().join();
    assertThat(engine.last("updateJobTimeout").args()).containsExactly(KEY, Duration.ofMinutes(2));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void instanceCommandsHandTheirArgumentsToTheEngine(Protocol protocol) {
    CamundaClient client = clients.get(protocol);

    client.newSetVariablesCommand(KEY + 9).variables(Map.of("a", 1)).local(true).send().join();
    assertThat(engine.last("setVariables").args()).containsExactly(KEY + 9, Map.of("a", 1), true);

    client.newResolveIncidentCommand(KEY + 30).send().join();
    assertThat(engine.last("resolveIncident").args()).containsExactly(KEY + 30);

    client.newCancelInstanceCommand(KEY + 2).send().join();
    assertThat(engine.last("cancelProcessInstance").args()).containsExactly(KEY + 2);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void rejectionsMapToTheStatusACamundaGatewayAnswers(Protocol protocol) {
    CamundaClient client = clients.get(protocol);
    record Expectation(Rejection rejection, int status, Status.Code code) {}
    for (Expectation e :
        List.of(
            new Expectation(Rejection.NOT_FOUND, 404, Status.Code.NOT_FOUND),
            new Expectation(Rejection.INVALID_ARGUMENT, 400, Status.Code.INVALID_ARGUMENT),
            new Expectation(Rejection.INVALID_STATE, 409, Status.Code.FAILED_PRECONDITION),
            new Expectation(Rejection.ALREADY_EXISTS, 409, Status.Code.ALREADY_EXISTS),
            new Expectation(Rejection.RESOURCE_EXHAUSTED, 429, Status.Code.RESOURCE_EXHAUSTED),
            new Expectation(Rejection.UNAVAILABLE, 503, Status.Code.UNAVAILABLE))) {
      engine.rejectWith =
          new EngineException(
              e.rejection(), "Expected to complete job with key '" + KEY + "', but no");

      String message =
          protocol.assertRejected(
              () -> client.newCompleteCommand(KEY).send().join(), e.status(), e.code());

      assertThat(message)
          .isEqualTo(
              "Command 'COMPLETE' rejected with code '"
                  + e.rejection()
                  + "': Expected to complete job with key '"
                  + KEY
                  + "', but no");
    }
  }

  @Test
  void nonObjectVariablesAreRefusedOverGrpcWithoutReachingTheEngine() {
    CamundaClient client = clients.get(Protocol.GRPC);

    String message =
        Protocol.GRPC.assertRejected(
            () -> client.newCompleteCommand(KEY).variables("[1, 2]").send().join(),
            400,
            Status.Code.INVALID_ARGUMENT);

    assertThat(message).contains("Expected document to be a root level object, but was 'ARRAY'");
    assertThat(engine.calls).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void payloadsAboveTheLimitAreRefusedWithoutReachingTheEngine(Protocol protocol) {
    char[] big = new char[5 * 1024 * 1024];
    Arrays.fill(big, 'x');

    String message =
        protocol.assertRejected(
            () ->
                clients
                    .get(protocol)
                    .newCompleteCommand(KEY)
                    .variables(Map.of("big", new String(big)))
                    .send()
                    .join(),
            413,
            Status.Code.RESOURCE_EXHAUSTED);

    assertThat(message).containsAnyOf("maxMessageSize", "exceeds maximum size");
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void jobsActivatedForACancelledGrpcLongPollAreGivenBack() throws Exception {
    engine.jobsToActivate = List.of(StubEngine.job("late", Map.of()));
    engine.activationDelay = Duration.ofMillis(800);

    var pending =
        clients
            .get(Protocol.GRPC)
            .newActivateJobsCommand()
            .jobType("late")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send();
    Thread.sleep(200);
    pending.cancel(true);

    // Its activation times out at once instead of after the job timeout; no retry is used.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(engine.last("updateJobTimeout").args())
                    .containsExactly(KEY + 10, Duration.ofMillis(1)));
  }

  @Test
  void workerReceivesPushedJobsOverAGrpcStream() {
    List<ActivatedJob> received = new CopyOnWriteArrayList<>();
    try (JobWorker worker =
        clients
            .get(Protocol.GRPC)
            .newWorker()
            .jobType("push")
            .handler(
                (jobClient, job) -> {
                  received.add(job);
                  jobClient.newCompleteCommand(job).send().join();
                })
            .streamEnabled(true)
            .open()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !engine.sinks.isEmpty());

      boolean delivered = engine.sinks.get(0).push(StubEngine.job("push", Map.of("n", 1)));

      assertThat(delivered).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
      assertThat(received.get(0).getVariablesAsMap()).isEqualTo(Map.of("n", 1));
      assertThat(worker.isOpen()).isTrue();
    }
    assertThat(engine.last("completeJob").args().get(0)).isEqualTo(KEY + 10);
    // Closing the worker cancels the call, which closes the engine's stream.
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.sinks.isEmpty());
  }
}

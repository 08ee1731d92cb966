package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.engine.api.ProcessInstanceSnapshot;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Camunda 8's documented behaviour (docs.camunda.io: deploy, create instances, job workers,
 * incidents, variables), exercised through the real client over both protocols.
 */
class ConformanceTests {

  private static final AtomicInteger ids = new AtomicInteger();
  private final EngineFixture fixture = EngineFixture.get();
  private final List<JobWorker> workers = new ArrayList<>();

  @AfterEach
  void closeWorkers() {
    workers.forEach(JobWorker::close);
  }

  private static String id(String name, Protocol protocol) {
    return name + "-" + protocol.name().toLowerCase() + "-" + ids.incrementAndGet();
  }

  private static BpmnModelInstance tasks(String processId, String... jobTypes) {
    AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(processId).startEvent();
    for (String type : jobTypes) {
      builder = builder.serviceTask(type, t -> t.zeebeJobType(type));
    }
    return builder.endEvent().done();
  }

  private static DeploymentEvent deploy(CamundaClient client, BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  private static DeploymentEvent deployXml(CamundaClient client, String xml) {
    return client
        .newDeployResourceCommand()
        .addResourceString(xml, StandardCharsets.UTF_8, "process.bpmn")
        .send()
        .join();
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

  private JobWorker worker(CamundaClient client, String type, JobHandler handler) {
    JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler(handler)
            .timeout(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .requestTimeout(Duration.ofSeconds(5))
            .open();
    workers.add(worker);
    return worker;
  }

  private static List<ActivatedJob> activate(CamundaClient client, String type, Duration timeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .timeout(timeout)
        .requestTimeout(Duration.ofSeconds(5))
        .send()
        .join()
        .getJobs();
  }

  private static ActivatedJob activateOne(CamundaClient client, String type) {
    List<ActivatedJob> jobs = activate(client, type, Duration.ofMinutes(5));
    assertThat(jobs).as("activatable jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  private void awaitState(long processInstanceKey, String state) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(fixture.state(processInstanceKey)).isEqualTo(state));
  }

  static Map<String, Object> everyJsonType() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("text", "Grüße, \"quoted\" \\ \n ✓");
    variables.put("integer", 42);
    variables.put("negative", -7);
    variables.put("long", 9_007_199_254_740_993L);
    variables.put("decimal", 12.5);
    variables.put("yes", true);
    variables.put("no", false);
    variables.put("nothing", null);
    variables.put("emptyText", "");
    variables.put("list", List.of(1, "two", false, List.of(), Map.of()));
    variables.put("object", Map.of("nested", Map.of("deep", List.of(1.5, "x"))));
    return variables;
  }

  // --- deploy ---------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void deployAValidProcessAndRedeployItUnchanged(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("deploy", protocol);

    // The very same bytes twice (the model builder generates new ids on every build).
    String xml = Bpmn.convertToString(tasks(processId, processId + "-a"));
    DeploymentEvent first = deployXml(client, xml);
    DeploymentEvent again = deployXml(client, xml);
    DeploymentEvent changed = deploy(client, tasks(processId, processId + "-b"));

    Process process = first.getProcesses().get(0);
    assertThat(process.getBpmnProcessId()).isEqualTo(processId);
    assertThat(process.getVersion()).isEqualTo(1);
    assertThat(process.getResourceName()).isEqualTo("process.bpmn");
    assertThat(process.getProcessDefinitionKey()).isGreaterThan(1L << 51);
    // An unchanged resource is not redeployed: same version and key.
    assertThat(again.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(again.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(process.getProcessDefinitionKey());
    assertThat(changed.getProcesses().get(0).getVersion()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void deployRefusesMalformedXmlNamingTheProblem(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);

    String message =
        protocol.assertRejected(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString(
                        "<definitions><process id='broken'", StandardCharsets.UTF_8, "broken.bpmn")
                    .send()
                    .join(),
            400,
            Status.Code.INVALID_ARGUMENT);

    assertThat(message).contains("broken.bpmn");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void deployRefusesAnInvalidModelNamingTheElement(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("invalid", protocol);
    // A service task without a job type is not executable.
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("noJobType")
            .endEvent()
            .done();

    String message =
        protocol.assertRejected(() -> deploy(client, model), 400, Status.Code.INVALID_ARGUMENT);

    assertThat(message).contains("noJobType");
  }

  // --- create instances -----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void createByIdLatestByIdAndVersionAndByKey(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("create", protocol);
    long v1 = deploy(client, tasks(processId, processId + "-a")).getKey();
    Process v2 = deploy(client, tasks(processId, processId + "-b")).getProcesses().get(0);
    assertThat(v1).isPositive();
    assertThat(v2.getVersion()).isEqualTo(2);

    ProcessInstanceEvent latest =
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ProcessInstanceEvent first =
        client.newCreateInstanceCommand().bpmnProcessId(processId).version(1).send().join();
    ProcessInstanceEvent byKey =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(v2.getProcessDefinitionKey())
            .send()
            .join();

    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(byKey.getProcessDefinitionKey()).isEqualTo(v2.getProcessDefinitionKey());
    assertThat(byKey.getBpmnProcessId()).isEqualTo(processId);
    assertThat(fixture.state(latest.getProcessInstanceKey())).isEqualTo("ACTIVE");
    assertThat(activate(client, processId + "-a", Duration.ofMinutes(1))).hasSize(1);
    assertThat(activate(client, processId + "-b", Duration.ofMinutes(1))).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void createUnknownProcessIsNotFound(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);

    protocol.assertRejected(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("no-such-process")
                .latestVersion()
                .send()
                .join(),
        404,
        Status.Code.NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void createWithResultAwaitsCompletionAndFetchesVariables(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("result", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    worker(
        client,
        processId + "-a",
        (jobClient, job) ->
            jobClient
                .newCompleteCommand(job)
                .variables(Map.of("approved", true, "score", 7))
                .send()
                .join());

    ProcessInstanceResult all =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("lead", "ACME"))
            .withResult()
            .send()
            .join();
    ProcessInstanceResult some =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("lead", "ACME"))
            .withResult()
            .fetchVariables("score")
            .send()
            .join();

    assertThat(all.getVariablesAsMap())
        .isEqualTo(Map.of("lead", "ACME", "approved", true, "score", 7));
    assertThat(some.getVariablesAsMap()).isEqualTo(Map.of("score", 7));
    assertThat(fixture.state(all.getProcessInstanceKey())).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void createWithResultTimesOutWhileTheInstanceKeepsRunning(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("result-timeout", protocol);
    deploy(client, tasks(processId, processId + "-a"));

    protocol.assertRejected(
        () ->
            client
                .newCreateInstanceCommand()
                .bpmnProcessId(processId)
                .latestVersion()
                .withResult()
                .requestTimeout(Duration.ofMillis(500))
                .send()
                .join(),
        504,
        Status.Code.DEADLINE_EXCEEDED);

    assertThat(activate(client, processId + "-a", Duration.ofMinutes(1))).hasSize(1);
  }

  // --- job workers ----------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void workersCompleteAThreeTaskProcess(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("three", protocol);
    deploy(client, tasks(processId, processId + "-a", processId + "-b", processId + "-c"));
    List<String> seen = new CopyOnWriteArrayList<>();
    for (String task : List.of("a", "b", "c")) {
      worker(
          client,
          processId + "-" + task,
          (jobClient, job) -> {
            seen.add(task + new TreeSet<>(job.getVariablesAsMap().keySet()));
            jobClient.newCompleteCommand(job).variables(Map.of(task, true)).send().join();
          });
    }

    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      instances.add(start(client, processId, Map.of("n", i)));
    }

    instances.forEach(key -> awaitState(key, "COMPLETED"));
    assertThat(seen).hasSize(15).contains("c[a, b, n]");
    assertThat(fixture.instance(instances.get(0)).orElseThrow().variables())
        .containsEntry("a", true)
        .containsEntry("b", true)
        .containsEntry("c", true)
        .containsKey("n");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void failedJobComesBackAfterItsBackoffWithTheRetriesLeft(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("fail", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    long instance = start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");
    assertThat(job.getRetries()).isEqualTo(3);

    long failedAt = System.currentTimeMillis();
    client
        .newFailCommand(job)
        .retries(2)
        .retryBackoff(Duration.ofSeconds(1))
        .errorMessage("smtp down")
        .send()
        .join();

    // Not activatable during the backoff ...
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(processId + "-a")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(-1))
                .send()
                .join()
                .getJobs())
        .isEmpty();
    // ... then back, with the retries the worker left.
    ActivatedJob again = activateOne(client, processId + "-a");
    assertThat(System.currentTimeMillis() - failedAt).isGreaterThanOrEqualTo(900);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    client.newCompleteCommand(again).send().join();
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void noRetriesLeftRaisesAnIncidentThatResolvingClears(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("incident", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    long instance = start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");

    client.newFailCommand(job).retries(0).errorMessage("bad data").send().join();

    await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.incidents(instance).isEmpty());
    Incident incident = fixture.incidents(instance).get(0);
    assertThat(incident.getErrorType().name()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.getErrorMessage()).isEqualTo("bad data");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(incident.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getHasIncident())
        .isTrue();
    // The incident holds the job: completing it is refused, and it is not activatable.
    protocol.assertRejected(
        () -> client.newCompleteCommand(job).send().join(), 409, Status.Code.FAILED_PRECONDITION);

    client.newUpdateRetriesCommand(job).retries(2).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    ActivatedJob again = activateOne(client, processId + "-a");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    client.newCompleteCommand(again).send().join();
    awaitState(instance, "COMPLETED");
    assertThat(fixture.incidents(instance)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void failingHandlerMakesTheClientFailTheJobUntilAnIncident(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("handler-fails", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    AtomicInteger attempts = new AtomicInteger();
    worker(
        client,
        processId + "-a",
        (jobClient, job) -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("worker bug");
        });

    long instance = start(client, processId, Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> !fixture.incidents(instance).isEmpty());
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(fixture.incidents(instance).get(0).getErrorMessage()).contains("worker bug");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void bpmnErrorIsCaughtByTheBoundaryEvent(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("error", protocol);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("reserve", t -> t.zeebeJobType(processId + "-reserve"))
            .boundaryEvent("outOfStock", b -> b.error("NOT_AVAILABLE"))
            .serviceTask("backorder", t -> t.zeebeJobType(processId + "-backorder"))
            .endEvent("backordered")
            .moveToActivity("reserve")
            .serviceTask("ship", t -> t.zeebeJobType(processId + "-ship"))
            .endEvent("shipped")
            .done();
    deploy(client, model);
    long instance = start(client, processId, Map.of("item", "chair"));
    ActivatedJob reserve = activateOne(client, processId + "-reserve");

    client
        .newThrowErrorCommand(reserve)
        .errorCode("NOT_AVAILABLE")
        .errorMessage("no chairs left")
        .send()
        .join();

    ActivatedJob backorder = activateOne(client, processId + "-backorder");
    assertThat(backorder.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(backorder.getVariablesAsMap()).containsEntry("item", "chair");
    client.newCompleteCommand(backorder).send().join();
    awaitState(instance, "COMPLETED");
    assertThat(
            client
                .newActivateJobsCommand()
                .jobType(processId + "-ship")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(-1))
                .send()
                .join()
                .getJobs())
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void uncaughtBpmnErrorRaisesAnIncident(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("uncaught", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    long instance = start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");

    client.newThrowErrorCommand(job).errorCode("UNKNOWN_CODE").send().join();

    await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.incidents(instance).isEmpty());
    assertThat(fixture.incidents(instance).get(0).getErrorType().name())
        .isEqualTo("UNHANDLED_ERROR_EVENT");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void updateTimeoutMakesAnActivatedJobComeBackAndUpdateRetriesIsVisible(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("update", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");

    client.newUpdateRetriesCommand(job).retries(7).send().join();
    client.newUpdateTimeoutCommand(job).timeout(Duration.ofMillis(300)).send().join();

    // The activation lapses without using a retry: at-least-once delivery.
    ActivatedJob again = activateOne(client, processId + "-a");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(7);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void setVariablesOnTheInstanceIsSeenByTheNextJob(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("variables", protocol);
    deploy(client, tasks(processId, processId + "-a", processId + "-b"));
    long instance = start(client, processId, Map.of("status", "new"));
    ActivatedJob a = activateOne(client, processId + "-a");

    client
        .newSetVariablesCommand(instance)
        .variables(Map.of("status", "checked", "owner", "kim"))
        .send()
        .join();
    client
        .newSetVariablesCommand(a.getElementInstanceKey())
        .variables(Map.of("tmp", 1))
        .local(true)
        .send()
        .join();
    client.newCompleteCommand(a).send().join();

    ActivatedJob b = activateOne(client, processId + "-b");
    assertThat(b.getVariablesAsMap()).isEqualTo(Map.of("status", "checked", "owner", "kim"));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void variablesOfEveryJsonTypeRoundTrip(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("json", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    worker(
        client,
        processId + "-a",
        (jobClient, job) -> {
          Map<String, Object> back = new LinkedHashMap<>();
          back.put("seen", job.getVariablesAsMap());
          jobClient.newCompleteCommand(job).variables(back).send().join();
        });

    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(everyJsonType())
            .withResult()
            .send()
            .join();

    Map<String, Object> expected = new LinkedHashMap<>(everyJsonType());
    expected.put("seen", everyJsonType());
    assertThat(result.getVariablesAsMap()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void cancelTerminatesTheInstanceAndItsJobs(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("cancel", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    long instance = start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");

    client.newCancelInstanceCommand(instance).send().join();

    awaitState(instance, "TERMINATED");
    protocol.assertRejected(
        () -> client.newCompleteCommand(job).send().join(), 404, Status.Code.NOT_FOUND);
    protocol.assertRejected(
        () -> client.newCancelInstanceCommand(instance).send().join(), 404, Status.Code.NOT_FOUND);
  }

  // --- bad input ------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void unknownKeysAreNotFound(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    long unknown = (1L << 51) + 999_999_999L;

    String message =
        protocol.assertRejected(
            () -> client.newCompleteCommand(unknown).send().join(), 404, Status.Code.NOT_FOUND);
    protocol.assertRejected(
        () -> client.newFailCommand(unknown).retries(1).send().join(), 404, Status.Code.NOT_FOUND);
    protocol.assertRejected(
        () -> client.newResolveIncidentCommand(unknown).send().join(), 404, Status.Code.NOT_FOUND);
    protocol.assertRejected(
        () -> client.newSetVariablesCommand(unknown).variables(Map.of("a", 1)).send().join(),
        404,
        Status.Code.NOT_FOUND);

    // Queries are REST-only in the client, whatever protocol it prefers for commands.
    Protocol.REST.assertRejected(
        () -> client.newProcessInstanceGetRequest(unknown).send().join(),
        404,
        Status.Code.NOT_FOUND);

    assertThat(message).startsWith("Command 'COMPLETE' rejected with code 'NOT_FOUND'");
    assertThat(message).contains(Long.toString(unknown));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void completingTwiceIsRefusedAndChangesNothing(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("twice", protocol);
    deploy(client, tasks(processId, processId + "-a", processId + "-b"));
    long instance = start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");

    client.newCompleteCommand(job).variables(Map.of("first", true)).send().join();
    protocol.assertRejected(
        () -> client.newCompleteCommand(job).variables(Map.of("second", true)).send().join(),
        404,
        Status.Code.NOT_FOUND);

    ActivatedJob next = activateOne(client, processId + "-b");
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("first", true));
    assertThat(fixture.state(instance)).isEqualTo("ACTIVE");
  }

  @Test
  void nonObjectVariablesAreRefused() throws Exception {
    CamundaClient grpc = fixture.client(Protocol.GRPC);
    String processId = id("non-object", Protocol.GRPC);
    deploy(grpc, tasks(processId, processId + "-a"));
    long instance = start(grpc, processId, Map.of());
    ActivatedJob job = activateOne(grpc, processId + "-a");

    Protocol.GRPC.assertRejected(
        () -> grpc.newCompleteCommand(job).variables("[1, 2, 3]").send().join(),
        400,
        Status.Code.INVALID_ARGUMENT);
    // The REST client refuses such variables itself; a raw request gets a 400 problem.
    assertThatThrownBy(
            () ->
                fixture
                    .client(Protocol.REST)
                    .newCompleteCommand(job)
                    .variables("\"text\"")
                    .send()
                    .join())
        .isNotNull();
    HttpResponse<String> raw =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            fixture.server().restAddress()
                                + "/v2/jobs/"
                                + job.getKey()
                                + "/completion"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":[1,2,3]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(raw.body()).contains("root level object");

    grpc.newCompleteCommand(job).send().join();
    awaitState(instance, "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void payloadsAboveFourMegabytesAreRefusedAndChangeNothing(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = id("too-large", protocol);
    deploy(client, tasks(processId, processId + "-a"));
    long instance = start(client, processId, Map.of());
    ActivatedJob job = activateOne(client, processId + "-a");
    char[] big = new char[5 * 1024 * 1024];
    Arrays.fill(big, 'x');

    protocol.assertRejected(
        () ->
            client.newCompleteCommand(job).variables(Map.of("big", new String(big))).send().join(),
        413,
        Status.Code.RESOURCE_EXHAUSTED);

    ProcessInstanceSnapshot unchanged = fixture.instance(instance).orElseThrow();
    assertThat(unchanged.state()).isEqualTo("ACTIVE");
    assertThat(unchanged.variables()).isEmpty();
    client.newCompleteCommand(job).send().join();
    awaitState(instance, "COMPLETED");
  }

  // --- gRPC job push --------------------------------------------------------------------------

  @Test
  void streamingWorkersCompleteAThreeTaskProcessOverGrpc() {
    CamundaClient client = fixture.client(Protocol.GRPC);
    String processId = id("stream", Protocol.GRPC);
    deploy(client, tasks(processId, processId + "-a", processId + "-b", processId + "-c"));
    for (String task : List.of("a", "b", "c")) {
      workers.add(
          client
              .newWorker()
              .jobType(processId + "-" + task)
              .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
              .streamEnabled(true)
              .timeout(Duration.ofSeconds(30))
              .open());
    }

    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      instances.add(start(client, processId, Map.of("n", i)));
    }

    instances.forEach(key -> awaitState(key, "COMPLETED"));
  }
}

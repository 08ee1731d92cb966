package org.flowcrm.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flowcrm.engine.server.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durability through the gateways: instances started, some half done and one job activated but not
 * completed when the engine stops; a new engine on the same database and ports, and the same
 * clients' workers finish every instance exactly once per task.
 */
class RestartTests {

  private final EngineFixture fixture = EngineFixture.get();

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void workersFinishWhatWasRunningBeforeARestart(Protocol protocol) {
    CamundaClient client = fixture.client(protocol);
    String processId = "restart-" + protocol.name().toLowerCase();
    String a = processId + "-a";
    String b = processId + "-b";
    String c = processId + "-c";
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("a", t -> t.zeebeJobType(a))
                .serviceTask("b", t -> t.zeebeJobType(b))
                .serviceTask("c", t -> t.zeebeJobType(c))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      instances.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .variables(Map.of("n", i))
              .send()
              .join()
              .getProcessInstanceKey());
    }
    // Half of them one task further; one job taken and left hanging (its worker "crashed").
    List<ActivatedJob> firstJobs =
        client
            .newActivateJobsCommand()
            .jobType(a)
            .maxJobsToActivate(4)
            .timeout(Duration.ofSeconds(2))
            .send()
            .join()
            .getJobs();
    assertThat(firstJobs).hasSize(4);
    for (ActivatedJob job : firstJobs.subList(0, 3)) {
      client.newCompleteCommand(job).variables(Map.of("a", true)).send().join();
    }

    fixture.restart();

    Set<String> done = ConcurrentHashMap.newKeySet();
    List<String> duplicates = new ArrayList<>();
    List<JobWorker> workers = new ArrayList<>();
    try {
      for (String type : List.of(a, b, c)) {
        workers.add(
            client
                .newWorker()
                .jobType(type)
                .handler(
                    (jobClient, job) -> {
                      if (!done.add(type + "/" + job.getProcessInstanceKey())) {
                        duplicates.add(type + "/" + job.getProcessInstanceKey());
                      }
                      jobClient.newCompleteCommand(job).send().join();
                    })
                .pollInterval(Duration.ofMillis(50))
                .requestTimeout(Duration.ofSeconds(5))
                .open());
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(instances)
                      .allSatisfy(key -> assertThat(fixture.state(key)).isEqualTo("COMPLETED")));
    } finally {
      workers.forEach(JobWorker::close);
    }
    assertThat(duplicates).isEmpty();
    // 3 instances needed a, b, c after the restart; 3 only b and c (their a was completed).
    assertThat(done).hasSize(3 * 3 + 3 * 2);
    assertThat(fixture.instance(instances.get(0)).orElseThrow().variables())
        .containsEntry("a", true)
        .containsKey("n");
  }
}

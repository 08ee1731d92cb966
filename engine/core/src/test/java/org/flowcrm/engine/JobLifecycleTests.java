package org.flowcrm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.activateOne;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.instance;
import static org.flowcrm.engine.EngineTestSupport.onlyIncident;
import static org.flowcrm.engine.EngineTestSupport.start;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.api.StreamJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobLifecycleTests {

  private final EngineTestSupport.TestClock clock = new EngineTestSupport.TestClock();
  private final ProcessEngine engine =
      EngineFactory.inMemory(new EngineSettings(EngineSettings.DEFAULT_MAX_PAYLOAD_BYTES, clock));

  @BeforeEach
  void deployProcess() {
    deploy(
        engine,
        Bpmn.createExecutableProcess("p")
            .startEvent()
            .serviceTask("t", t -> t.zeebeJobType("work").zeebeJobRetries("2"))
            .endEvent()
            .done());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private static void assertRejected(Runnable command, Rejection rejection, String message) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            EngineException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(rejection);
              if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
              }
            });
  }

  @Test
  void completingAnUnknownOrCompletedJobIsNotFound() {
    start(engine, "p", Map.of());
    ActivatedJob job = activateOne(engine, "work");
    engine.completeJob(job.key(), Map.of());

    assertRejected(
        () -> engine.completeJob(job.key(), Map.of()),
        Rejection.NOT_FOUND,
        "Expected to complete job with key '" + job.key() + "', but no such job was found");
    assertRejected(
        () -> engine.completeJob(123, Map.of()),
        Rejection.NOT_FOUND,
        "Expected to complete job with key '123', but no such job was found");
  }

  @Test
  void failingWithRetriesLeftMakesTheJobActivatableAgain() {
    start(engine, "p", Map.of());
    ActivatedJob job = activateOne(engine, "work");

    engine.failJob(job.key(), 1, "flaky", Duration.ZERO, Map.of());

    ActivatedJob again = activateOne(engine, "work");
    assertThat(again.key()).isEqualTo(job.key());
    assertThat(again.retries()).isEqualTo(1);
  }

  @Test
  void retryBackOffDelaysTheNextActivation() {
    start(engine, "p", Map.of());
    ActivatedJob job = activateOne(engine, "work");

    engine.failJob(job.key(), 1, "later", Duration.ofSeconds(30), Map.of());
    assertThat(activate(engine, "work", 1)).isEmpty();
    clock.advance(Duration.ofSeconds(29));
    assertThat(activate(engine, "work", 1)).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    await().atMost(Duration.ofSeconds(2)).until(() -> activate(engine, "work", 1).size() == 1);
  }

  @Test
  void activationTimeoutMakesTheJobActivatableWithoutUsingARetry() {
    start(engine, "p", Map.of());
    List<ActivatedJob> first =
        engine
            .activateJobs(
                new ActivateJobs("work", "w1", Duration.ofSeconds(10), 1, List.of(), Duration.ZERO))
            .join();
    assertThat(first).hasSize(1);
    assertThat(activate(engine, "work", 1)).isEmpty();

    clock.advance(Duration.ofSeconds(11));

    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(activate(engine, "work", 1))
                    .singleElement()
                    .satisfies(
                        j -> {
                          assertThat(j.key()).isEqualTo(first.get(0).key());
                          assertThat(j.retries()).isEqualTo(2);
                        }));
  }

  @Test
  void updateJobTimeoutMovesTheDeadline() {
    start(engine, "p", Map.of());
    List<ActivatedJob> jobs =
        engine
            .activateJobs(
                new ActivateJobs("work", "w1", Duration.ofSeconds(10), 1, List.of(), Duration.ZERO))
            .join();
    engine.updateJobTimeout(jobs.get(0).key(), Duration.ofMinutes(10));

    clock.advance(Duration.ofSeconds(20));
    // give the scheduler a few ticks: the job must stay with its worker
    sleep(300);
    assertThat(activate(engine, "work", 1)).isEmpty();
    engine.completeJob(jobs.get(0).key(), Map.of());
  }

  @Test
  void noRetriesLeftIsAnIncidentThatOnlyResolvingClears() {
    long key = start(engine, "p", Map.of());
    ActivatedJob job = activateOne(engine, "work");

    engine.failJob(job.key(), 0, "database down", Duration.ZERO, Map.of());

    Incident incident = onlyIncident(engine, key);
    assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.errorMessage()).isEqualTo("database down");
    assertThat(incident.jobKey()).isEqualTo(job.key());
    assertRejected(() -> engine.completeJob(job.key(), Map.of()), Rejection.INVALID_STATE, null);

    engine.updateJobRetries(job.key(), 3);
    assertThat(activate(engine, "work", 1)).isEmpty();
    assertThat(engine.incidents(key)).hasSize(1);

    engine.resolveIncident(incident.key());
    assertThat(engine.incidents(key)).isEmpty();
    ActivatedJob again = activateOne(engine, "work");
    assertThat(again.key()).isEqualTo(job.key());
    assertThat(again.retries()).isEqualTo(3);
    engine.completeJob(again.key(), Map.of());
    assertThat(instance(engine, key).state()).isEqualTo("COMPLETED");
  }

  @Test
  void resolvingAJobIncidentWithoutNewRetriesIsRefused() {
    long key = start(engine, "p", Map.of());
    ActivatedJob job = activateOne(engine, "work");
    engine.failJob(job.key(), 0, null, Duration.ZERO, Map.of());
    Incident incident = onlyIncident(engine, key);
    assertThat(incident.errorMessage()).isEqualTo("No more retries left.");

    assertRejected(() -> engine.resolveIncident(incident.key()), Rejection.INVALID_STATE, null);

    assertThat(onlyIncident(engine, key).key()).isEqualTo(incident.key());
    assertThat(activate(engine, "work", 1)).isEmpty();
  }

  @Test
  void rejectsBadJobCommands() {
    start(engine, "p", Map.of());
    ActivatedJob job = activateOne(engine, "work");
    assertRejected(() -> engine.updateJobRetries(job.key(), 0), Rejection.INVALID_ARGUMENT, null);
    assertRejected(
        () -> engine.updateJobRetries(99, 2),
        Rejection.NOT_FOUND,
        "Expected to update retries for job with key '99', but no such job was found");
    assertRejected(() -> engine.resolveIncident(42), Rejection.NOT_FOUND, null);
    assertRejected(
        () -> engine.failJob(7, 1, "", Duration.ZERO, Map.of()), Rejection.NOT_FOUND, null);
    assertRejected(() -> engine.throwError(7, "CODE", "", Map.of()), Rejection.NOT_FOUND, null);
  }

  @Test
  void longPollingAnswersAsSoonAsAJobIsCreated() {
    var waiting =
        engine.activateJobs(
            new ActivateJobs(
                "work", "w", Duration.ofSeconds(30), 5, List.of(), Duration.ofSeconds(20)));
    sleep(100);
    assertThat(waiting).isNotDone();

    start(engine, "p", Map.of("x", 1));

    // answered by the same batch that created the job
    List<ActivatedJob> jobs =
        waiting.orTimeout(500, java.util.concurrent.TimeUnit.MILLISECONDS).join();
    assertThat(jobs)
        .singleElement()
        .satisfies(j -> assertThat(j.variables()).containsEntry("x", 1L));
  }

  @Test
  void aLongPollTheCallerGaveUpOnGetsNoJobs() {
    var abandoned =
        engine.activateJobs(
            new ActivateJobs(
                "work", "gone", Duration.ofSeconds(30), 5, List.of(), Duration.ofSeconds(20)));
    sleep(100);
    abandoned.cancel(false);

    start(engine, "p", Map.of());

    assertThat(activateOne(engine, "work").worker()).isEqualTo("test-worker");
  }

  @Test
  void longPollingAnswersEmptyAfterItsRequestTimeout() {
    var waiting =
        engine.activateJobs(
            new ActivateJobs(
                "none", "w", Duration.ofSeconds(30), 5, List.of(), Duration.ofMillis(200)));
    assertThat(waiting.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isEmpty();
  }

  @Test
  void jobStreamsReceiveNewJobsAndGiveBackRefusedOnes() {
    List<ActivatedJob> received = new CopyOnWriteArrayList<>();
    var stream =
        engine.openJobStream(
            new StreamJobs("work", "streamer", Duration.ofSeconds(30), List.of()),
            job -> received.add(job));
    start(engine, "p", Map.of());
    start(engine, "p", Map.of());
    await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 2);
    stream.close();

    var refusing =
        engine.openJobStream(
            new StreamJobs("work", "refuser", Duration.ofSeconds(30), List.of()), job -> false);
    start(engine, "p", Map.of());
    await().atMost(Duration.ofSeconds(2)).until(() -> activate(engine, "work", 5).size() == 1);
    refusing.close();
  }

  @Test
  void aNewJobStreamAlsoReceivesJobsThatWereAlreadyWaiting() {
    start(engine, "p", Map.of("early", true));
    List<ActivatedJob> received = new CopyOnWriteArrayList<>();
    try (var stream =
        engine.openJobStream(
            new StreamJobs("work", "late", Duration.ofSeconds(30), List.of()), received::add)) {
      await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);
    }
    assertThat(received.get(0).variables()).containsEntry("early", true);
    assertThat(received.get(0).worker()).isEqualTo("late");
  }

  @Test
  void callsAfterCloseAreUnavailable() {
    engine.close();
    assertRejected(() -> start(engine, "p", Map.of()), Rejection.UNAVAILABLE, null);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

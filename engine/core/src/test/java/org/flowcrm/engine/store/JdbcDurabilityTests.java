package org.flowcrm.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowcrm.engine.EngineTestSupport.activate;
import static org.flowcrm.engine.EngineTestSupport.deploy;
import static org.flowcrm.engine.EngineTestSupport.start;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowcrm.engine.EngineFactory;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.EngineException;
import org.flowcrm.engine.api.Incident;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.Rejection;
import org.flowcrm.engine.processing.ProcessingEngine;
import org.flowcrm.mariadb.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on a real MariaDB: stopped or crashed mid-flight, restarted, nothing lost. */
class JdbcDurabilityTests {

  private static HikariDataSource dataSource;
  private static String jdbcUrl;

  @BeforeAll
  static void startDatabase() {
    EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("engine_test"));
    HikariConfig config = new HikariConfig();
    jdbcUrl = db.jdbcUrl();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.username());
    config.setPassword(db.password());
    config.setMaximumPoolSize(4);
    dataSource = new HikariDataSource(config);
  }

  @AfterAll
  static void stopPool() {
    dataSource.close();
  }

  @BeforeEach
  void emptyDatabase() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "engine_element_instance_history",
              "engine_user_task",
              "engine_form",
              "engine_start_timer",
              "engine_message",
              "engine_process_instance_history",
              "engine_process_instance",
              "engine_process_definition",
              "engine_key",
              "engine_schema_history")) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
      // the CRM's tables live in the same database; the engine's migrations must not mind
      s.execute("CREATE TABLE IF NOT EXISTS crm_lead (id BIGINT PRIMARY KEY)");
    }
  }

  private static ProcessEngine newEngine() {
    return EngineFactory.create(EngineSettings.defaults(), dataSource);
  }

  /** Built once: the builder makes random flow ids, and duplicate detection compares bytes. */
  private static final BpmnModelInstance THREE_TASKS = buildThreeTasks();

  private static BpmnModelInstance threeTasks() {
    return THREE_TASKS;
  }

  private static BpmnModelInstance buildThreeTasks() {
    return Bpmn.createExecutableProcess("three")
        .startEvent()
        .serviceTask("a", t -> t.zeebeJobType("a"))
        .serviceTask("b", t -> t.zeebeJobType("b"))
        .serviceTask("c", t -> t.zeebeJobType("c").zeebeJobRetries("1"))
        .endEvent()
        .done();
  }

  private static List<ActivatedJob> activateFor(
      ProcessEngine engine, String type, Duration timeout) {
    return engine
        .activateJobs(new ActivateJobs(type, "w", timeout, 100, List.of(), Duration.ZERO))
        .join();
  }

  @Test
  void everythingIsWhereItWasAfterARestart() throws SQLException {
    ProcessEngine engine = newEngine();
    long definitionKey = deploy(engine, threeTasks()).processes().get(0).processDefinitionKey();
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      instances.add(start(engine, "three", Map.of("n", i, "payload", Map.of("list", List.of(i)))));
    }
    List<ActivatedJob> a = activateFor(engine, "a", Duration.ofMinutes(5));
    assertThat(a).hasSize(6);
    for (ActivatedJob job : a) {
      engine.completeJob(job.key(), Map.of("a", job.variables().get("n")));
    }
    // two b jobs stay activated by a worker, one goes to c and fails into an incident
    List<ActivatedJob> b = activateFor(engine, "b", Duration.ofMinutes(5));
    engine.completeJob(b.get(0).key(), Map.of());
    ActivatedJob c = activate(engine, "c", 1).get(0);
    engine.failJob(c.key(), 0, "boom", Duration.ZERO, Map.of());
    Incident incident = engine.incidents(c.processInstanceKey()).get(0);
    long keyBeforeRestart = engine.setVariables(instances.get(5), Map.of("late", true), false);
    engine.close();

    ProcessEngine restarted = newEngine();
    try {
      // activated jobs keep their worker and deadline: nobody else gets them
      assertThat(activate(restarted, "b", 100)).isEmpty();
      assertThat(restarted.incidents(c.processInstanceKey()))
          .singleElement()
          .satisfies(i -> assertThat(i.key()).isEqualTo(incident.key()));
      assertThat(restarted.processInstance(instances.get(5)).orElseThrow().variables())
          .containsEntry("late", true)
          .containsEntry("a", 5L)
          .containsEntry("payload", Map.of("list", List.of(5L)));

      // redeploying the same model is still a duplicate
      assertThat(deploy(restarted, threeTasks()).processes().get(0).processDefinitionKey())
          .isEqualTo(definitionKey);

      for (ActivatedJob job : b.subList(1, b.size())) {
        restarted.completeJob(job.key(), Map.of());
      }
      restarted.updateJobRetries(c.key(), 1);
      restarted.resolveIncident(incident.key());
      long keyAfterRestart = restarted.setVariables(instances.get(0), Map.of("x", 1), false);
      assertThat(keyAfterRestart).isGreaterThan(keyBeforeRestart);

      for (ActivatedJob job : activateFor(restarted, "c", Duration.ofMinutes(1))) {
        restarted.completeJob(job.key(), Map.of("done", true));
      }
      for (long key : instances) {
        var snapshot = restarted.processInstance(key).orElseThrow();
        assertThat(snapshot.state()).isEqualTo("COMPLETED");
        assertThat(snapshot.variables()).containsEntry("done", true);
      }
    } finally {
      restarted.close();
    }
    assertThat(count("engine_process_instance")).isZero();
    assertThat(count("engine_process_instance_history")).isEqualTo(6);
  }

  @Test
  void aCrashLosesNoAcknowledgedCommandAndNoJobCompletesTwice() throws Exception {
    ProcessEngine engine = newEngine();
    deploy(engine, threeTasks());
    int count = 40;
    Set<Long> instances = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < count; i++) {
      instances.add(start(engine, "three", Map.of()));
    }
    Set<Long> completedJobs = ConcurrentHashMap.newKeySet();
    Set<Long> allKeys = ConcurrentHashMap.newKeySet(); // every key the engine handed out
    allKeys.addAll(instances);
    AtomicBoolean crashed = new AtomicBoolean();
    Thread worker =
        new Thread(
            () -> {
              while (!crashed.get()) {
                try {
                  for (String type : List.of("a", "b", "c")) {
                    for (ActivatedJob job : activateFor(engine, type, Duration.ofSeconds(1))) {
                      allKeys.add(job.key());
                      engine.completeJob(job.key(), Map.of(type, true));
                      assertThat(completedJobs.add(job.key())).as("completed once").isTrue();
                    }
                  }
                } catch (RuntimeException e) {
                  // the crash makes pending commands fail: exactly what a worker would see
                }
              }
            });
    worker.start();
    // crash in the middle: about a third of the jobs done
    long waitUntil = System.currentTimeMillis() + 20_000;
    while (completedJobs.size() < count && System.currentTimeMillis() < waitUntil) {
      Thread.sleep(1);
    }
    ((ProcessingEngine) engine).halt(); // no close: like a killed JVM, nothing more is written
    crashed.set(true);
    worker.join();
    assertThat(completedJobs.size()).as("crashed mid-flight").isBetween(count, 3 * count - 1);

    ProcessEngine restarted = newEngine();
    try {
      // an acknowledged completion is durable: the job is gone
      for (long jobKey : completedJobs) {
        assertThatThrownBy(() -> restarted.completeJob(jobKey, Map.of()))
            .isInstanceOfSatisfying(
                EngineException.class,
                e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND));
      }
      // jobs activated by the crashed worker come back once their timeout (1 s) passes
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline && !allDone(restarted, instances)) {
        for (String type : List.of("a", "b", "c")) {
          for (ActivatedJob job : activateFor(restarted, type, Duration.ofSeconds(30))) {
            assertThat(allKeys.add(job.key()) || !completedJobs.contains(job.key()))
                .as("a completed job is never handed out again")
                .isTrue();
            restarted.completeJob(job.key(), Map.of(type, true));
            assertThat(completedJobs.add(job.key())).as("completed once").isTrue();
          }
        }
        Thread.sleep(50);
      }
      assertThat(allDone(restarted, instances)).isTrue();
      assertThat(completedJobs).hasSize(count * 3);
      long newKey = start(restarted, "three", Map.of());
      assertThat(allKeys).doesNotContain(newKey);
      assertThat(newKey)
          .isGreaterThan(allKeys.stream().mapToLong(Long::longValue).max().orElseThrow());
    } finally {
      restarted.close();
    }
  }

  @Test
  void aKilledJvmLosesNothingItAcknowledged() throws Exception {
    try (ProcessEngine deployer = newEngine()) {
      deploy(deployer, threeTasks());
    }
    int count = 30;
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledEngineMain.class.getName(),
                jdbcUrl,
                "three",
                Integer.toString(count))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Set<Long> instances = new HashSet<>();
    Set<Long> completedJobs = new HashSet<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("STARTED ")) {
          instances.add(Long.parseLong(line.substring(8)));
        } else if (line.startsWith("DONE ")) {
          completedJobs.add(Long.parseLong(line.substring(5)));
          if (completedJobs.size() == count) {
            // SIGKILL, in the middle of the work; through the handle, so that the lines the
            // child already wrote can still be read (Process.destroy closes its streams)
            child.toHandle().destroyForcibly();
          }
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(instances).hasSize(count);
    assertThat(completedJobs).hasSizeGreaterThanOrEqualTo(count);

    ProcessEngine restarted = newEngine();
    try {
      for (long jobKey : completedJobs) {
        assertThatThrownBy(() -> restarted.completeJob(jobKey, Map.of()))
            .isInstanceOfSatisfying(
                EngineException.class,
                e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_FOUND));
      }
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && !allDone(restarted, instances)) {
        for (String type : List.of("a", "b", "c")) {
          for (ActivatedJob job : activateFor(restarted, type, Duration.ofSeconds(30))) {
            restarted.completeJob(job.key(), Map.of(type, true));
            assertThat(completedJobs.add(job.key())).as("completed once").isTrue();
          }
        }
        Thread.sleep(50);
      }
      assertThat(allDone(restarted, instances)).isTrue();
      // a completion acknowledged just before the kill may not have been printed yet: at most
      // one job per worker loop is unaccounted for, none is completed twice
      assertThat(completedJobs.size()).isBetween(3 * count - 1, 3 * count);
    } finally {
      restarted.close();
    }
  }

  private static boolean allDone(ProcessEngine engine, Set<Long> instances) {
    for (long key : instances) {
      if (!"COMPLETED".equals(engine.processInstance(key).orElseThrow().state())) {
        return false;
      }
    }
    return true;
  }

  private static long count(String table) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void keysStayUniqueAcrossRestarts() {
    Set<Long> keys = new HashSet<>();
    for (int run = 0; run < 3; run++) {
      ProcessEngine engine = newEngine();
      var deployment =
          deploy(engine, Bpmn.createExecutableProcess("k" + run).startEvent().endEvent().done());
      assertThat(keys.add(deployment.key())).isTrue();
      for (int i = 0; i < 5; i++) {
        assertThat(keys.add(start(engine, "k" + run, Map.of()))).isTrue();
      }
      if (run == 1) {
        ((ProcessingEngine) engine).halt();
      } else {
        engine.close();
      }
    }
    assertThat(keys).allSatisfy(k -> assertThat(k >> 51).isEqualTo(1L));
  }

  @Test
  void anOpenUserTaskSurvivesARestartAndCanBeCompletedAfter() {
    ProcessEngine engine = newEngine();
    deploy(
        engine,
        Bpmn.createExecutableProcess("approval")
            .startEvent()
            .userTask(
                "approve",
                t -> t.zeebeUserTask().zeebeAssignee("carl").zeebeCandidateGroups("sales"))
            .endEvent()
            .done());
    long done = start(engine, "approval", Map.of());
    long open = start(engine, "approval", Map.of());
    long doneTask =
        engine
            .searchUserTasks(
                org.flowcrm.engine.api.UserTaskQuery.all().withProcessInstanceKey(done))
            .items()
            .get(0)
            .key();
    engine.completeUserTask(doneTask, Map.of("ok", true), null);
    long openTask =
        engine
            .searchUserTasks(
                org.flowcrm.engine.api.UserTaskQuery.all().withProcessInstanceKey(open))
            .items()
            .get(0)
            .key();
    engine.assignUserTask(openTask, "dora", true);
    engine.close();

    ProcessEngine restarted = newEngine();
    try {
      var task = restarted.userTask(openTask).orElseThrow();
      assertThat(task.state()).isEqualTo("CREATED");
      assertThat(task.assignee()).isEqualTo("dora");
      assertThat(task.candidateGroups()).containsExactly("sales");
      assertThat(restarted.userTask(doneTask).orElseThrow().state()).isEqualTo("COMPLETED");
      assertThat(
              restarted
                  .searchUserTasks(
                      org.flowcrm.engine.api.UserTaskQuery.all().withState("COMPLETED"))
                  .total())
          .isEqualTo(1);
      restarted.completeUserTask(openTask, Map.of("ok", false), null);
      assertThat(restarted.processInstance(open).orElseThrow().state()).isEqualTo("COMPLETED");
      assertThat(restarted.processInstance(open).orElseThrow().variables())
          .containsEntry("ok", false);
    } finally {
      restarted.close();
    }
  }

  @Test
  void timersThatCameDueWhileTheEngineWasDownFireOnceAfterStart() throws SQLException {
    org.flowcrm.engine.EngineTestSupport.TestClock clock =
        new org.flowcrm.engine.EngineTestSupport.TestClock();
    EngineSettings settings = new EngineSettings(EngineSettings.DEFAULT_MAX_PAYLOAD_BYTES, clock);
    ProcessEngine engine = EngineFactory.create(settings, dataSource);
    deploy(
        engine,
        Bpmn.createExecutableProcess("waiting")
            .startEvent()
            .intermediateCatchEvent("pause", e -> e.timerWithDuration("PT1H"))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    deploy(
        engine,
        Bpmn.createExecutableProcess("scheduled")
            .startEvent("at")
            .timerWithDate("2026-01-01T02:00:00Z")
            .serviceTask("report", t -> t.zeebeJobType("report"))
            .endEvent()
            .done());
    long waiting = start(engine, "waiting", Map.of());
    engine.close();
    clock.advance(Duration.ofHours(3));

    ProcessEngine restarted = EngineFactory.create(settings, dataSource);
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !activateFor(restarted, "after", Duration.ofHours(10)).isEmpty());
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !activateFor(restarted, "report", Duration.ofHours(10)).isEmpty());
      Thread.sleep(300);
      assertThat(activateFor(restarted, "after", Duration.ofHours(10))).isEmpty();
      assertThat(activateFor(restarted, "report", Duration.ofHours(10))).isEmpty();
      assertThat(
              restarted.processInstance(waiting).orElseThrow().elementInstances().stream()
                  .map(e -> e.elementId())
                  .toList())
          .containsExactly("after");
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM engine_start_timer")) {
        rows.next();
        assertThat(rows.getInt(1)).isZero();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      restarted.close();
    }
    // and once more after another restart: nothing fires again
    ProcessEngine again = EngineFactory.create(settings, dataSource);
    try {
      clock.advance(Duration.ofHours(1));
      Thread.sleep(300);
      assertThat(activateFor(again, "report", Duration.ofHours(10))).isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      again.close();
    }
  }

  @Test
  void aBufferedMessageSurvivesARestartAndCorrelatesOnce() {
    ProcessEngine engine = newEngine();
    deploy(
        engine,
        Bpmn.createExecutableProcess("paying")
            .startEvent()
            .intermediateCatchEvent(
                "paid",
                e -> e.message(m -> m.name("invoice-paid").zeebeCorrelationKeyExpression("inv")))
            .serviceTask("after", t -> t.zeebeJobType("after"))
            .endEvent()
            .done());
    engine.publishMessage("invoice-paid", "I-1", Duration.ofHours(1), "id-1", Map.of("sum", 7));
    engine.close();

    ProcessEngine restarted = newEngine();
    try {
      assertThatThrownBy(
              () ->
                  restarted.publishMessage(
                      "invoice-paid", "I-1", Duration.ofHours(1), "id-1", Map.of()))
          .isInstanceOfSatisfying(
              EngineException.class,
              e -> assertThat(e.rejection()).isEqualTo(Rejection.ALREADY_EXISTS));
      long first = start(restarted, "paying", Map.of("inv", "I-1"));
      long second = start(restarted, "paying", Map.of("inv", "I-1"));
      assertThat(restarted.processInstance(first).orElseThrow().variables())
          .containsEntry("sum", 7L);
      assertThat(
              restarted.processInstance(second).orElseThrow().elementInstances().stream()
                  .map(e -> e.elementId())
                  .toList())
          .containsExactly("paid");
    } finally {
      restarted.close();
    }
  }
}

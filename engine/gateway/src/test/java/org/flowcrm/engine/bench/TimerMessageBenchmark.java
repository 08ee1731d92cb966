package org.flowcrm.engine.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.server.EngineServer;
import org.flowcrm.engine.server.GatewaySettings;
import org.flowcrm.mariadb.EmbeddedMariaDb;

/**
 * The timer-heavy and message-heavy workloads of issue #4, through the real Camunda client against
 * the durable engine on MariaDB ({@code innodb_flush_log_at_trx_commit=1}), like {@link
 * EngineBenchmark}:
 *
 * <ul>
 *   <li>{@code --workload timers}: {@code --instances} (10,000) instances each wait on an
 *       intermediate timer of {@code --timer-ms} (1,000 ms), then a service task. <b>Lateness</b>
 *       of a timer = when its follow-up job reached the worker minus (when the create command was
 *       sent + the timer's duration). That is an upper bound: the timer starts when the engine
 *       enters the catch event, a little after the send, and the job's delivery is included.
 *   <li>{@code --workload messages}: {@code --instances} instances wait at a message catch event
 *       with their own correlation key; once all wait, one message per key is published ({@code
 *       --in-flight} publish commands outstanding). <b>Latency</b> = publish sent → the job after
 *       the catch event reached the worker.
 *   <li>{@code --workload user-tasks}: see {@link #userTasks}.
 * </ul>
 *
 * {@code --mode} chooses the client's protocol: {@code grpc-stream} (default: jobs pushed to the
 * worker, the smallest delivery delay) or {@code rest} (long polling, the Camunda client's
 * default). Run it with {@code ./bench engine-timers} or {@code ./bench engine-messages}.
 */
public final class TimerMessageBenchmark {

  private TimerMessageBenchmark() {}

  record Options(
      String workload, int instances, int timerMillis, int inFlight, String mode, int rate) {
    static Options parse(String[] args) {
      Map<String, String> o = new ConcurrentHashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        String name = args[i].replaceFirst("^--", "");
        if (!java.util.Set.of("workload", "instances", "timer-ms", "in-flight", "mode", "rate")
                .contains(name)
            || i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "Unknown option or missing value: "
                  + args[i]
                  + "; known: --workload timers|messages|user-tasks, --instances, --timer-ms, --in-flight,"
                  + " --mode grpc-stream|rest, --rate (instances created per second, 0 = as fast as"
                  + " possible)");
        }
        o.put(name, args[i + 1]);
      }
      return new Options(
          o.getOrDefault("workload", "timers"),
          Integer.parseInt(o.getOrDefault("instances", "10000")),
          Integer.parseInt(o.getOrDefault("timer-ms", "1000")),
          Integer.parseInt(o.getOrDefault("in-flight", "200")),
          o.getOrDefault("mode", "grpc-stream"),
          Integer.parseInt(o.getOrDefault("rate", "0")));
    }
  }

  public static void main(String[] args) {
    try {
      run(Options.parse(args));
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1); // the client's threads are not daemons
    }
  }

  private static void run(Options options) throws Exception {
    EmbeddedMariaDb db =
        EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("engine_timer_bench"));
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("bench");
    pool.setJdbcUrl(db.jdbcUrl());
    pool.setUsername(db.username());
    pool.setPassword(db.password());
    try (HikariDataSource dataSource = new HikariDataSource(pool);
        EngineServer server =
            EngineServer.start(dataSource, EngineSettings.defaults(), GatewaySettings.ephemeral());
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .restAddress(server.restAddress())
                .grpcAddress(server.grpcAddress())
                .preferRestOverGrpc(options.mode().startsWith("rest"))
                .numJobWorkerExecutionThreads(8)
                // On the shared, loaded machine a deployment can take longer than the default 10 s.
                .defaultRequestTimeout(Duration.ofSeconds(60))
                .build()) {
      switch (options.workload()) {
        case "timers" -> timers(client, options);
        case "messages" -> messages(client, options);
        case "user-tasks" -> userTasks(client, options);
        default ->
            throw new IllegalArgumentException(
                "--workload must be timers, messages or user-tasks (was "
                    + options.workload()
                    + ")");
      }
    }
  }

  private static void timers(CamundaClient client, Options options) throws Exception {
    String processId = "bench-timer";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait", e -> e.timerWithDuration("PT" + options.timerMillis() / 1000.0 + "S"))
            .serviceTask("after", t -> t.zeebeJobType("after-timer"))
            .endEvent()
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();

    int total = options.instances();
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(total);
    AtomicLong lastDone = new AtomicLong();
    JobWorker worker =
        worker(
            client,
            options,
            "after-timer",
            (jobClient, job) -> {
              long delivered = System.nanoTime();
              Long sent = sentAt.get(job.getProcessInstanceKey());
              if (sent != null) {
                lateness.add(delivered - sent - options.timerMillis() * 1_000_000L);
              }
              jobClient.newCompleteCommand(job).send().join();
              lastDone.set(System.nanoTime());
              done.countDown();
            });
    Semaphore inFlight = new Semaphore(options.inFlight());
    long started = System.nanoTime();
    for (int i = 0; i < total; i++) {
      inFlight.acquire();
      if (options.rate() > 0) {
        // An even arrival rate: instance i is created at i / rate seconds.
        long due = started + i * 1_000_000_000L / options.rate();
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      long sent = System.nanoTime();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .send()
          .whenComplete(
              (created, error) -> {
                inFlight.release();
                if (error != null) {
                  System.err.println("create failed: " + error);
                  done.countDown();
                } else {
                  sentAt.put(created.getProcessInstanceKey(), sent);
                }
              });
    }
    long created = System.nanoTime();
    if (!done.await(15, TimeUnit.MINUTES)) {
      System.err.println("did not finish: " + done.getCount() + " instances left");
    }
    worker.close();
    double createSeconds = (created - started) / 1e9;
    double allSeconds = (lastDone.get() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%nTimers (%s, rate %s): %,d instances, %d ms timer each. Created in %.1f s (%.0f instances/s);"
            + " all done %.1f s after the first create: %.0f instances/s end to end.%n"
            + "| instances | timer | created/s | completed/s (end to end) | lateness p50 ms | p90"
            + " ms | p99 ms | max ms | late samples |%n"
            + "| %,d | %d ms | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %,d |%n",
        options.mode(),
        options.rate() == 0 ? "as fast as possible" : options.rate() + "/s",
        total,
        options.timerMillis(),
        createSeconds,
        total / createSeconds,
        allSeconds,
        total / allSeconds,
        total,
        options.timerMillis(),
        total / createSeconds,
        total / allSeconds,
        percentile(lateness, 0.50),
        percentile(lateness, 0.90),
        percentile(lateness, 0.99),
        percentile(lateness, 1.0),
        lateness.size());
  }

  private static void messages(CamundaClient client, Options options) throws Exception {
    String processId = "bench-message";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "paid",
                e -> e.message(m -> m.name("bench-paid").zeebeCorrelationKeyExpression("key")))
            .serviceTask("after", t -> t.zeebeJobType("after-message"))
            .endEvent()
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();

    int total = options.instances();
    Semaphore inFlight = new Semaphore(options.inFlight());
    // Phase 1: every instance waits at the catch event (the subscription opens when it is entered,
    // in the same command as the creation).
    long createStarted = System.nanoTime();
    CountDownLatch created = new CountDownLatch(total);
    for (int i = 0; i < total; i++) {
      inFlight.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(Map.of("key", "order-" + i))
          .send()
          .whenComplete(
              (instance, error) -> {
                inFlight.release();
                if (error != null) {
                  System.err.println("create failed: " + error);
                }
                created.countDown();
              });
    }
    created.await(15, TimeUnit.MINUTES);
    double createSeconds = (System.nanoTime() - createStarted) / 1e9;

    // Phase 2: one message per key.
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> publishes = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(total);
    AtomicLong lastDone = new AtomicLong();
    JobWorker worker =
        worker(
            client,
            options,
            "after-message",
            (jobClient, job) -> {
              long delivered = System.nanoTime();
              Long sent = sentAt.get((String) job.getVariablesAsMap().get("key"));
              if (sent != null) {
                latencies.add(delivered - sent);
              }
              jobClient.newCompleteCommand(job).send().join();
              lastDone.set(System.nanoTime());
              done.countDown();
            });
    long started = System.nanoTime();
    for (int i = 0; i < total; i++) {
      inFlight.acquire();
      String key = "order-" + i;
      long sent = System.nanoTime();
      sentAt.put(key, sent);
      client
          .newPublishMessageCommand()
          .messageName("bench-paid")
          .correlationKey(key)
          .timeToLive(Duration.ZERO)
          .send()
          .whenComplete(
              (published, error) -> {
                inFlight.release();
                publishes.add(System.nanoTime() - sent);
                if (error != null) {
                  System.err.println("publish failed: " + error);
                  done.countDown();
                }
              });
    }
    long publishedAll = System.nanoTime();
    if (!done.await(15, TimeUnit.MINUTES)) {
      System.err.println("did not finish: " + done.getCount() + " instances left");
    }
    worker.close();
    double publishSeconds = (publishedAll - started) / 1e9;
    double allSeconds = (lastDone.get() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%nMessages (%s): %,d waiting instances created in %.1f s (%.0f/s). %,d messages"
            + " published in %.1f s; all follow-up jobs done %.1f s after the first publish.%n"
            + "| messages | published/s | correlated and done/s | publish round trip p50 ms |"
            + " latency p50 ms | p90 ms | p99 ms | max ms |%n"
            + "| %,d | %.0f | %.0f | %.1f | %.0f | %.0f | %.0f | %.0f |%n",
        options.mode(),
        total,
        createSeconds,
        total / createSeconds,
        total,
        publishSeconds,
        allSeconds,
        total,
        total / publishSeconds,
        total / allSeconds,
        percentile(publishes, 0.50),
        percentile(latencies, 0.50),
        percentile(latencies, 0.90),
        percentile(latencies, 0.99),
        percentile(latencies, 1.0));
  }

  /**
   * Issue #4's "a user task created by the engine is visible through the client's user-task search
   * within 50 ms of its creation": one instance at a time (nothing queues), each a start event
   * followed by a {@code zeebe:userTask}. <b>Visible</b> = create-instance command sent → the first
   * user-task search (by process instance key, polled back to back) that returns the task; also
   * reported from the create command's response, and the round trip of completing the task.
   */
  private static void userTasks(CamundaClient client, Options options) throws Exception {
    String processId = "bench-user-task";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review")
            .zeebeUserTask()
            .zeebeCandidateGroups("sales")
            .endEvent()
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    int warmup = Math.min(50, options.instances() / 10);
    ConcurrentLinkedQueue<Long> fromSend = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> fromResponse = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> completion = new ConcurrentLinkedQueue<>();
    int searches = 0;
    long started = System.nanoTime();
    for (int i = 0; i < warmup + options.instances(); i++) {
      long sent = System.nanoTime();
      long key =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      long created = System.nanoTime();
      Long taskKey = null;
      while (taskKey == null) {
        searches++;
        var page =
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .send()
                .join()
                .items();
        taskKey = page.isEmpty() ? null : page.get(0).getUserTaskKey();
      }
      long visible = System.nanoTime();
      client.newCompleteUserTaskCommand(taskKey).send().join();
      long completed = System.nanoTime();
      if (i >= warmup) {
        fromSend.add(visible - sent);
        fromResponse.add(visible - created);
        completion.add(completed - visible);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "user-tasks: %d measured (+%d warm-up) in %.1f s, %d searches (%.2f per task)%n"
            + "  create sent -> task in search: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
            + "  create answered -> task in search: p50 %.1f ms, p99 %.1f ms%n"
            + "  complete round trip: p50 %.1f ms, p99 %.1f ms%n",
        options.instances(),
        warmup,
        seconds,
        searches,
        searches / (double) (warmup + options.instances()),
        percentile(fromSend, 0.5),
        percentile(fromSend, 0.99),
        percentile(fromSend, 1.0),
        percentile(fromResponse, 0.5),
        percentile(fromResponse, 0.99),
        percentile(completion, 0.5),
        percentile(completion, 0.99));
  }

  private static JobWorker worker(
      CamundaClient client,
      Options options,
      String type,
      io.camunda.client.api.worker.JobHandler handler) {
    return client
        .newWorker()
        .jobType(type)
        .handler(handler)
        .maxJobsActive(128)
        .pollInterval(Duration.ofMillis(100))
        .timeout(Duration.ofSeconds(60))
        .streamEnabled(options.mode().endsWith("stream"))
        .open();
  }

  private static double percentile(ConcurrentLinkedQueue<Long> nanos, double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}

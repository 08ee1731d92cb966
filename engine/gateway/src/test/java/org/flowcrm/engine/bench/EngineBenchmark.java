package org.flowcrm.engine.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Throughput and job latency of the durable engine through the real Camunda client: a process of
 * three sequential service tasks, workers in the same JVM, MariaDB with {@code
 * innodb_flush_log_at_trx_commit=1}. Runs REST long polling and gRPC streaming one after the other.
 *
 * <pre>
 * mvn -q -pl engine/gateway test-compile exec:java \
 *     -Dexec.mainClass=org.flowcrm.engine.bench.EngineBenchmark \
 *     -Dexec.args="--instances 3000 --in-flight 200"
 * </pre>
 *
 * <p>Job latency is "created → delivered": from the moment the command that creates the job is sent
 * (create instance for the first task, completion of the previous task for the others) to the
 * moment the worker's handler receives it. That bounds the real creation time from above, because a
 * job exists only once its creating command is committed.
 */
public final class EngineBenchmark {

  private EngineBenchmark() {}

  record Options(
      int instances, int warmup, int inFlight, List<String> modes, int threads, int pollMillis) {
    static Options parse(String[] args) {
      Map<String, String> o = new ConcurrentHashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      return new Options(
          Integer.parseInt(o.getOrDefault("instances", "3000")),
          Integer.parseInt(o.getOrDefault("warmup", "300")),
          Integer.parseInt(o.getOrDefault("in-flight", "200")),
          Arrays.asList(o.getOrDefault("modes", "rest,grpc-stream").split(",")),
          Integer.parseInt(o.getOrDefault("threads", "8")),
          Integer.parseInt(o.getOrDefault("poll-ms", "100")));
    }
  }

  record Result(
      String mode,
      int instances,
      double seconds,
      double instancesPerSecond,
      double jobsPerSecond,
      double p50,
      double p99,
      double commandP50) {}

  public static void main(String[] args) {
    try {
      run(Options.parse(args));
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1); // exec:java would otherwise wait for the client's non-daemon threads
    }
  }

  private static void run(Options options) throws Exception {
    EmbeddedMariaDb db = EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("engine_bench"));
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("bench");
    pool.setJdbcUrl(db.jdbcUrl());
    pool.setUsername(db.username());
    pool.setPassword(db.password());
    List<Result> results = new ArrayList<>();
    try (HikariDataSource dataSource = new HikariDataSource(pool);
        EngineServer server =
            EngineServer.start(
                dataSource, EngineSettings.defaults(), GatewaySettings.ephemeral())) {
      for (String mode : options.modes()) {
        results.add(run(server, mode, options));
      }
    }
    System.out.printf(
        "%n%-12s %9s %8s %12s %8s %10s %10s %14s%n",
        "mode",
        "instances",
        "seconds",
        "instances/s",
        "jobs/s",
        "p50 ms",
        "p99 ms",
        "complete p50");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-12s %9d %8.1f %12.1f %8.1f %10.1f %10.1f %14.1f%n",
          r.mode(),
          r.instances(),
          r.seconds(),
          r.instancesPerSecond(),
          r.jobsPerSecond(),
          r.p50(),
          r.p99(),
          r.commandP50());
    }
  }

  private static Result run(EngineServer server, String mode, Options options)
      throws InterruptedException {
    boolean rest = mode.startsWith("rest");
    boolean stream = mode.endsWith("stream");
    String processId = "bench-" + mode;
    String[] types = {processId + "-a", processId + "-b", processId + "-c"};
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType(types[0]))
            .serviceTask("b", t -> t.zeebeJobType(types[1]))
            .serviceTask("c", t -> t.zeebeJobType(types[2]))
            .endEvent()
            .done();
    try (CamundaClient client =
        CamundaClient.newClientBuilder()
            .restAddress(server.restAddress())
            .grpcAddress(server.grpcAddress())
            .preferRestOverGrpc(rest)
            .numJobWorkerExecutionThreads(options.threads())
            .build()) {
      client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();

      int total = options.warmup() + options.instances();
      Semaphore inFlight = new Semaphore(options.inFlight());
      CountDownLatch done = new CountDownLatch(total);
      Map<Long, Long> sentAt = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> commands = new ConcurrentLinkedQueue<>();
      AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
      AtomicLong completedCount = new AtomicLong();

      List<JobWorker> workers = new ArrayList<>();
      for (int i = 0; i < types.length; i++) {
        boolean last = i == types.length - 1;
        workers.add(
            client
                .newWorker()
                .jobType(types[i])
                .handler(
                    (jobClient, job) -> {
                      long delivered = System.nanoTime();
                      Long sent = sentAt.remove(job.getProcessInstanceKey());
                      boolean measuring = completedCount.get() >= options.warmup();
                      if (sent != null && measuring) {
                        latencies.add(delivered - sent);
                      }
                      long before = System.nanoTime();
                      if (!last) {
                        sentAt.put(job.getProcessInstanceKey(), before);
                      }
                      jobClient.newCompleteCommand(job).send().join();
                      if (measuring) {
                        commands.add(System.nanoTime() - before);
                      }
                      if (last) {
                        if (completedCount.incrementAndGet() == options.warmup()) {
                          measuredFrom.set(System.nanoTime());
                        }
                        inFlight.release();
                        done.countDown();
                      }
                    })
                .maxJobsActive(64)
                .pollInterval(Duration.ofMillis(options.pollMillis()))
                .timeout(Duration.ofSeconds(60))
                .streamEnabled(stream)
                .open());
      }

      long started = System.nanoTime();
      for (int i = 0; i < total; i++) {
        inFlight.acquire();
        long sent = System.nanoTime();
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("n", i))
            .send()
            .whenComplete(
                (created, error) -> {
                  if (error != null) {
                    System.err.println("create failed: " + error);
                    inFlight.release();
                    done.countDown();
                  } else {
                    // Only if the first job has not been delivered yet (it can beat the answer).
                    sentAt.putIfAbsent(created.getProcessInstanceKey(), sent);
                  }
                });
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        System.err.println("benchmark did not finish: " + done.getCount() + " instances left");
      }
      long finished = System.nanoTime();
      workers.forEach(JobWorker::close);
      long from = options.warmup() == 0 ? started : measuredFrom.get();
      double seconds = (finished - from) / 1e9;
      double instancesPerSecond = options.instances() / seconds;
      return new Result(
          mode,
          options.instances(),
          seconds,
          instancesPerSecond,
          instancesPerSecond * 3,
          percentile(latencies, 0.50),
          percentile(latencies, 0.99),
          percentile(commands, 0.50));
    }
  }

  private static double percentile(ConcurrentLinkedQueue<Long> nanos, double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}

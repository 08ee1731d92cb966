package org.flowcrm.engine.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowcrm.engine.EngineFactory;
import org.flowcrm.engine.EngineSettings;
import org.flowcrm.engine.api.ActivateJobs;
import org.flowcrm.engine.api.ActivatedJob;
import org.flowcrm.engine.api.CreateProcessInstance;
import org.flowcrm.engine.api.DeployResource;
import org.flowcrm.engine.api.ProcessEngine;
import org.flowcrm.engine.api.ProcessInstanceResult;
import org.flowcrm.mariadb.EmbeddedMariaDb;

/**
 * Runs a process of three service tasks with long-polling workers in this JVM, directly on the
 * engine API (no gateway), durable in an embedded MariaDB, and prints instances/s and job latency
 * (created → delivered). Usage: {@code CoreBenchmark [instances] [inFlight] [db|memory] [instances
 * per second]}.
 */
public final class CoreBenchmark {

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    boolean memory = args.length > 2 && args[2].equals("memory");
    // 0 = as fast as possible; otherwise instances started per second
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    ProcessEngine engine;
    HikariDataSource dataSource = null;
    if (memory) {
      engine = EngineFactory.inMemory(EngineSettings.defaults());
    } else {
      EmbeddedMariaDb db =
          EmbeddedMariaDb.start(EmbeddedMariaDb.Settings.ephemeral("engine_bench"));
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(db.jdbcUrl());
      config.setUsername(db.username());
      config.setPassword(db.password());
      dataSource = new HikariDataSource(config);
      engine = EngineFactory.create(EngineSettings.defaults(), dataSource);
    }
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess("bench")
                .startEvent()
                .serviceTask("t1", t -> t.zeebeJobType("t1"))
                .serviceTask("t2", t -> t.zeebeJobType("t2"))
                .serviceTask("t3", t -> t.zeebeJobType("t3"))
                .endEvent()
                .done());
    engine.deploy(
        List.of(new DeployResource("bench.bpmn", xml.getBytes(StandardCharsets.UTF_8))), null);

    Map<Long, Long> createdAt = new ConcurrentHashMap<>(); // element instance → nanos when created
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    // like the client: the handler's completion is sent asynchronously, the poller goes on
    java.util.concurrent.ExecutorService completions =
        java.util.concurrent.Executors.newFixedThreadPool(32);
    List<Thread> workers = new ArrayList<>();
    for (String type : List.of("t1", "t2", "t3")) {
      Thread worker =
          new Thread(
              () -> {
                while (!stop.get()) {
                  List<ActivatedJob> jobs =
                      engine
                          .activateJobs(
                              new ActivateJobs(
                                  type,
                                  "bench",
                                  Duration.ofMinutes(1),
                                  32,
                                  List.of(),
                                  Duration.ofSeconds(1)))
                          .join();
                  long now = System.nanoTime();
                  for (ActivatedJob job : jobs) {
                    Long created = createdAt.remove(job.processInstanceKey() * 4 + type.charAt(1));
                    if (created != null) {
                      latencies.add(now - created);
                    }
                    long done = System.nanoTime();
                    if (!type.equals("t3")) {
                      createdAt.put(job.processInstanceKey() * 4 + type.charAt(1) + 1, done);
                    }
                    completions.execute(() -> engine.completeJob(job.key(), Map.of()));
                  }
                }
              },
              "worker-" + type);
      worker.start();
      workers.add(worker);
    }

    Semaphore permits = new Semaphore(inFlight);
    CountDownLatch done = new CountDownLatch(instances);
    long started = System.nanoTime();
    for (int i = 0; i < instances; i++) {
      permits.acquire();
      if (rate > 0) {
        long due = started + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      engine
          .createProcessInstanceWithResult(
              new CreateProcessInstance(0, "bench", -1, Map.of("i", i), null),
              Duration.ofSeconds(60),
              List.of())
          .whenComplete(
              (ProcessInstanceResult r, Throwable e) -> {
                if (e != null) {
                  System.err.println("instance failed: " + e);
                }
                permits.release();
                done.countDown();
              });
    }
    done.await();
    double seconds = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    completions.shutdown();
    // the first fifth of the samples is the JIT's warm-up: left out
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies.subList(latencies.size() / 5, latencies.size()));
    }
    Collections.sort(sorted);
    System.out.printf(
        "%d instances in %.1f s: %.0f instances/s, %.0f jobs/s; job latency (job created ->"
            + " delivered, tasks 2 and 3, after warm-up) p50 %.1f ms, p99 %.1f ms (%d samples)%n",
        instances,
        seconds,
        instances / seconds,
        3 * instances / seconds,
        percentile(sorted, 0.5),
        percentile(sorted, 0.99),
        sorted.size());
    engine.close();
    if (dataSource != null) {
      dataSource.close();
    }
    System.exit(0);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}

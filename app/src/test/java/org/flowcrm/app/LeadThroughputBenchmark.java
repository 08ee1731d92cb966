package org.flowcrm.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowcrm.FlowcrmApplication;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.user.UserCommand;
import org.flowcrm.crm.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Leads per second processed from creation to the "Qualify lead" task in the assigned manager's
 * inbox, in the assembled application (CRM, workers, embedded engine, MariaDB). Leads are created
 * through {@link LeadService} at a steady rate; one observer polls the inbox query (user-task
 * search through the Camunda client: open "Qualify lead" tasks, newest first) every few
 * milliseconds and records when each lead's task appears, assigned to the lead's responsible.
 *
 * <p>Not part of the normal build (the name ends in neither Tests nor IT). Run it with
 *
 * <pre>
 * ./mvnw -q -pl embedded-mariadb,engine/core,engine/gateway,processes,crm-api,workers,ui,app verify \
 *     -Dskip.npm -Dtest=LeadThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
 * </pre>
 *
 * {@code -Dbenchmark.rate=50} (leads/s), {@code -Dbenchmark.seconds=60}, {@code
 * -Dbenchmark.managers=6}. Prints the result and writes it to {@code
 * app/target/lead-throughput.txt}; docs/benchmarks.md ("Lead processing") records the numbers.
 */
@SpringBootTest(classes = FlowcrmApplication.class)
@ActiveProfiles("test")
class LeadThroughputBenchmark {

  private static final long POLL_MILLIS = 5;

  @Autowired LeadService leads;
  @Autowired UserService users;
  @Autowired UserDetailsService userDetails;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;

  @Test
  void leadsFromCreationToTheQualifyTaskInTheManagersInbox() throws Exception {
    int rate = Integer.getInteger("benchmark.rate", 50);
    int seconds = Integer.getInteger("benchmark.seconds", 60);
    int managers = Integer.getInteger("benchmark.managers", 6);
    int total = rate * seconds;
    Authentication admin = signIn();
    String run = Long.toString(System.nanoTime() % 1_000_000, 36);
    for (int i = 0; i < managers; i++) {
      users.create(new UserCommand("bench-" + run + "-" + i, "Manager " + i, null, true));
    }
    warmUp(admin, run);
    String load0 = Files.readString(Path.of("/proc/loadavg")).trim();

    Map<Long, Long> createdAt = new ConcurrentHashMap<>(); // lead id → nanoTime before create
    Map<Long, Long> visibleAt = new ConcurrentHashMap<>(); // lead id → nanoTime task first seen
    Map<Long, Long> instanceOf = new ConcurrentHashMap<>(); // process instance → lead id
    Map<Long, String> assigneeOf = new ConcurrentHashMap<>(); // lead id → task's assignee
    List<Long> createMillis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    ExecutorService creators = Executors.newFixedThreadPool(8);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger submitted = new AtomicInteger();
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(
        () -> {
          int n = submitted.getAndIncrement();
          if (n >= total) {
            return;
          }
          creators.execute(
              () -> {
                SecurityContextHolder.getContext().setAuthentication(admin);
                long t0 = System.nanoTime();
                try {
                  long id = leads.create(lead("Bench " + run + " " + n)).id();
                  createdAt.put(id, t0);
                  createMillis.add((System.nanoTime() - t0) / 1_000_000);
                } catch (RuntimeException e) {
                  failures.incrementAndGet();
                } finally {
                  SecurityContextHolder.clearContext();
                }
              });
        },
        0,
        1_000_000 / rate,
        TimeUnit.MICROSECONDS);

    // the observer: the inbox query, newest first, as often as it answers
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 120L);
    while (visibleAt.size() < total && System.nanoTime() < deadline) {
      List<UserTask> open =
          client
              .newUserTaskSearchRequest()
              .filter(f -> f.elementId("qualify-lead").state(UserTaskState.CREATED))
              .sort(s -> s.creationDate().desc())
              .page(p -> p.limit(200))
              .send()
              .join()
              .items();
      long now = System.nanoTime();
      boolean unknown = false;
      for (UserTask task : open) {
        Long lead = instanceOf.get(task.getProcessInstanceKey());
        if (lead == null) {
          unknown = true;
        } else if (task.getAssignee() != null) {
          visibleAt.putIfAbsent(lead, now);
          assigneeOf.putIfAbsent(lead, task.getAssignee());
        }
      }
      if (unknown) {
        // the process links of new leads: one query for all leads still waiting
        List<Long> waiting =
            createdAt.keySet().stream().filter(id -> !visibleAt.containsKey(id)).toList();
        if (!waiting.isEmpty()) {
          jdbc.query(
              "SELECT id, process_instance_key FROM crm_lead WHERE process_instance_key IS NOT NULL"
                  + " AND id IN ("
                  + String.join(",", waiting.stream().map(String::valueOf).toList())
                  + ")",
              rs -> {
                instanceOf.put(rs.getLong(2), rs.getLong(1));
              });
          for (UserTask task : open) {
            Long lead = instanceOf.get(task.getProcessInstanceKey());
            if (lead != null && task.getAssignee() != null) {
              visibleAt.putIfAbsent(lead, now);
              assigneeOf.putIfAbsent(lead, task.getAssignee());
            }
          }
        }
      }
      Thread.sleep(POLL_MILLIS);
    }
    long end = System.nanoTime();
    ticker.shutdownNow();
    creators.shutdown();
    creators.awaitTermination(30, TimeUnit.SECONDS);
    String load1 = Files.readString(Path.of("/proc/loadavg")).trim();

    // every task seen is in the inbox of the lead's responsible
    Map<Long, String> responsible = new ConcurrentHashMap<>();
    jdbc.query(
        "SELECT l.id, u.login FROM crm_lead l JOIN crm_user u ON u.id = l.responsible_id"
            + " WHERE l.title LIKE ?",
        rs -> {
          responsible.put(rs.getLong(1), rs.getString(2));
        },
        "Bench " + run + " %");
    long wrongInbox =
        assigneeOf.entrySet().stream()
            .filter(e -> !e.getValue().equals(responsible.get(e.getKey())))
            .count();

    List<Long> latencies = new ArrayList<>();
    long lastCreated = 0;
    long lastVisible = 0;
    for (Map.Entry<Long, Long> e : createdAt.entrySet()) {
      Long seen = visibleAt.get(e.getKey());
      lastCreated = Math.max(lastCreated, e.getValue());
      if (seen != null) {
        latencies.add((seen - e.getValue()) / 1_000_000);
        lastVisible = Math.max(lastVisible, seen);
      }
    }
    Collections.sort(latencies);
    List<Long> creates = new ArrayList<>(createMillis);
    Collections.sort(creates);
    double createSeconds = (lastCreated - start) / 1e9;
    double visibleSeconds = (lastVisible - start) / 1e9;
    String report =
        String.format(
            "Lead processing benchmark: target %d leads/s for %d s (%d leads), %d managers%n"
                + "created %d (%d failed) in %.1f s = %.1f leads/s; create call p50 %d ms, p99 %d"
                + " ms%n"
                + "qualify task visible for %d of %d; last at %.1f s = %.1f leads/s end to end%n"
                + "creation -> task in the manager's inbox: p50 %d ms, p90 %d ms, p99 %d ms, max"
                + " %d ms%n"
                + "tasks not in the responsible's inbox: %d; load average before: %s, after: %s; wall %.1f s%n",
            rate,
            seconds,
            total,
            managers,
            createdAt.size(),
            failures.get(),
            createSeconds,
            createdAt.size() / createSeconds,
            pct(creates, 50),
            pct(creates, 99),
            latencies.size(),
            createdAt.size(),
            visibleSeconds,
            latencies.size() / visibleSeconds,
            pct(latencies, 50),
            pct(latencies, 90),
            pct(latencies, 99),
            latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1),
            wrongInbox,
            load0,
            load1,
            (end - start) / 1e9);
    System.out.println(report);
    Files.writeString(Path.of("target", "lead-throughput.txt"), report);
    assertThat(latencies).hasSize(createdAt.size());
  }

  private Authentication signIn() {
    UserDetails admin = userDetails.loadUserByUsername("admin");
    Authentication auth =
        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities());
    SecurityContextHolder.getContext().setAuthentication(auth);
    return auth;
  }

  /** A few leads first, so class loading and the first deployments are not measured. */
  private void warmUp(Authentication admin, String run) throws InterruptedException {
    for (int i = 0; i < 20; i++) {
      leads.create(lead("Warm-up " + run + " " + i));
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Integer unassigned =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM crm_lead WHERE title LIKE ? AND responsible_id IS NULL",
              Integer.class,
              "Warm-up " + run + " %");
      if (unassigned != null && unassigned == 0) {
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(2_000); // their notifications and tasks
    SecurityContextHolder.getContext().setAuthentication(admin);
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static LeadCommand lead(String title) {
    return new LeadCommand(
        title, "Bench", "Lead", null, null, null, LeadSource.API, null, null, null, null, null);
  }
}

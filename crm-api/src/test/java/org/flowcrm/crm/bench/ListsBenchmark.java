package org.flowcrm.crm.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowcrm.crm.CrmTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./bench lists}: the three CRM benchmarks of issue #5 over HTTP against the CRM's REST API
 * (crm-api's services, security and SQL, Tomcat on localhost), on the database {@code ./bench
 * generate} filled:
 *
 * <ol>
 *   <li>deal list: one pipeline, filtered by stage and responsible, sorted by amount, first page of
 *       50 ({@code GET /api/v1/deals?pipelineId&stageId&responsibleId&sort=-amount&limit=50});
 *   <li>contact search by part of an e-mail or a phone ({@code GET /api/v1/contacts?q=…});
 *   <li>open a deal: the deal with its rows, its contact, its company and its last 50 activities
 *       (four requests one after the other, timed together, as a client showing the card makes
 *       them);
 *   <li>open a deal in one request: the same through {@code GET /api/v1/deals/{id}/card}.
 * </ol>
 *
 * Each runs with {@code --clients} concurrent clients (default 20) after {@code --warmup} requests;
 * then once more with one client. The caller is {@code api-bench}, a director (sees everything).
 * Its password is stored as {@code {noop}} for the run: HTTP Basic checks the password on every
 * request, and a bcrypt check (measured separately, the last row) would otherwise be most of what
 * is measured. Finally it prints the EXPLAIN of every SELECT one request of each kind issues (taken
 * from MariaDB's general log).
 */
public final class ListsBenchmark {

  private static final Pattern COMPANY = Pattern.compile("\"companyId\":(\\d+)");
  private static final Pattern CONTACT = Pattern.compile("\"contactIds\":\\[(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String authorization;
  private final Samples samples;

  private ListsBenchmark(int port, String login, String password, Samples samples) {
    this.samples = samples;
    this.base = "http://localhost:" + port;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) {
    int status = 1;
    try {
      benchmark(args);
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    }
    // The embedded server's process watcher is not a daemon thread.
    System.exit(status);
  }

  private static void benchmark(String[] args) throws Exception {
    BenchOptions options =
        BenchOptions.parse(
            args, "clients", "requests", "warmup", "password", "data-dir", "port", "only");
    int clients = Math.max(1, options.integer("clients", 20));
    int requests = Math.max(1, options.integer("requests", 2000));
    int warmup = options.integer("warmup", 300);
    String password = options.text("password", "bench");
    String only = options.text("only", "all");

    String[] spring =
        Stream.concat(
                Stream.of(BenchDatabase.springArguments(options)),
                Stream.of(
                    "--server.port=0",
                    "--logging.level.org.flowcrm=warn",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.hikari.maximum-pool-size=20"))
            .toArray(String[]::new);
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CrmTestApplication.class).run(spring)) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      jdbc.update(
          "UPDATE crm_user SET password_hash = ? WHERE login = 'api-bench'", "{noop}" + password);
      Samples samples = Samples.of(jdbc);
      ListsBenchmark bench = new ListsBenchmark(port, "api-bench", password, samples);

      System.out.printf(
          "%nLists benchmark: %,d deals, %,d contacts, %,d activities; %d clients, %,d requests"
              + " after %,d warmup%n",
          count(jdbc, "crm_deal"),
          count(jdbc, "crm_contact"),
          count(jdbc, "crm_activity"),
          clients,
          requests,
          warmup);
      List<String> rows = new ArrayList<>();
      for (int c : clients == 1 ? List.of(1) : List.of(clients, 1)) {
        int n = c == 1 ? Math.max(100, requests / 4) : requests;
        int w = c == 1 ? Math.max(20, warmup / 4) : warmup;
        if (only.equals("all") || only.equals("deals")) {
          rows.add(
              bench
                  .run(c, n, w, bench::dealList)
                  .row("deal list (pipeline, stage, responsible, -amount, 50)", c));
          System.out.println(rows.get(rows.size() - 1));
        }
        if (only.equals("all") || only.equals("search")) {
          rows.add(
              bench
                  .run(c, n, w, bench::contactSearch)
                  .row("contact search (part of e-mail / phone)", c));
          System.out.println(rows.get(rows.size() - 1));
        }
        if (only.equals("all") || only.equals("card")) {
          rows.add(
              bench
                  .run(c, n, w, bench::openDeal)
                  .row("open deal (deal + contact + company + 50 activities)", c));
          System.out.println(rows.get(rows.size() - 1));
          rows.add(
              bench
                  .run(c, n, w, bench::openDealCard)
                  .row("open deal in one request (GET /deals/{id}/card)", c));
          System.out.println(rows.get(rows.size() - 1));
        }
      }
      // What a bcrypt-checked HTTP Basic caller pays: the same deal list as director.
      ListsBenchmark bcrypt = new ListsBenchmark(port, "director", password, samples);
      rows.add(bcrypt.run(1, 50, 10, bcrypt::dealList).row("deal list, HTTP Basic with bcrypt", 1));

      System.out.println();
      System.out.println(Latencies.header());
      rows.forEach(System.out::println);
      System.out.println();
      explain(jdbc, bench, samples);
    }
  }

  // --- the three requests ----------------------------------------------------------------------

  private long dealList() throws Exception {
    long[] board = samples.board();
    return timed(
        "/api/v1/deals?pipelineId=1&stageId="
            + board[0]
            + "&responsibleId="
            + board[1]
            + "&sort=-amount&limit=50");
  }

  private long contactSearch() throws Exception {
    return timed("/api/v1/contacts?limit=50&q=" + encode(samples.searchTerm()));
  }

  private long openDeal() throws Exception {
    long dealId = samples.dealId();
    long started = System.nanoTime();
    String deal = get("/api/v1/deals/" + dealId);
    Matcher contact = CONTACT.matcher(deal);
    Matcher company = COMPANY.matcher(deal);
    if (contact.find()) {
      get("/api/v1/contacts/" + contact.group(1));
    }
    if (company.find()) {
      get("/api/v1/companies/" + company.group(1));
    }
    get("/api/v1/activities?itemType=DEAL&itemId=" + dealId + "&limit=50");
    return System.nanoTime() - started;
  }

  private long openDealCard() throws Exception {
    return timed("/api/v1/deals/" + samples.dealId() + "/card");
  }

  // --- driving ---------------------------------------------------------------------------------

  private interface Request {
    long nanos() throws Exception;
  }

  private Latencies run(int clients, int requests, int warmup, Request request) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long[] measured = new long[requests];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long[] wall = new long[2];
    AtomicInteger measuredStart = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  while (true) {
                    int i = next.getAndIncrement();
                    if (i >= warmup + requests) {
                      return null;
                    }
                    if (i == warmup && measuredStart.compareAndSet(0, 1)) {
                      wall[0] = System.nanoTime();
                    }
                    long nanos = request.nanos();
                    if (i >= warmup) {
                      measured[i - warmup] = nanos;
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      wall[1] = System.nanoTime();
    } finally {
      pool.shutdownNow();
    }
    return new Latencies(measured, wall[1] - wall[0]);
  }

  private long timed(String path) throws Exception {
    long started = System.nanoTime();
    get(path);
    return System.nanoTime() - started;
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  // --- query plans -----------------------------------------------------------------------------

  /** Logs the SQL of one request of each kind and prints the EXPLAIN of each SELECT. */
  private static void explain(JdbcTemplate jdbc, ListsBenchmark bench, Samples samples)
      throws Exception {
    Map<String, Request> kinds =
        Map.of(
            "deal list",
            bench::dealList,
            "contact search (e-mail part)",
            () -> bench.timed("/api/v1/contacts?limit=50&q=" + encode(samples.emailTerm())),
            "contact search (phone digits)",
            () -> bench.timed("/api/v1/contacts?limit=50&q=" + encode(samples.phoneTerm())),
            "open deal",
            bench::openDeal,
            "open deal in one request",
            bench::openDealCard);
    for (var kind : new java.util.TreeMap<>(kinds).entrySet()) {
      jdbc.execute("SET GLOBAL log_output = 'TABLE'");
      jdbc.execute("TRUNCATE TABLE mysql.general_log");
      jdbc.execute("SET GLOBAL general_log = 1");
      long nanos;
      try {
        nanos = kind.getValue().nanos();
      } finally {
        jdbc.execute("SET GLOBAL general_log = 0");
      }
      List<String> statements =
          jdbc.queryForList(
              "SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE command_type IN"
                  + " ('Query', 'Execute') AND LOWER(CONVERT(argument USING utf8mb4)) LIKE"
                  + " 'select%' AND CONVERT(argument USING utf8mb4) LIKE '%crm_%' ORDER BY"
                  + " event_time",
              String.class);
      System.out.printf(
          "### %s (%.1f ms, %d SELECTs)%n%n", kind.getKey(), nanos / 1e6, statements.size());
      for (String sql : new LinkedHashSet<>(statements)) {
        System.out.println("```sql");
        System.out.println(sql.length() > 1500 ? sql.substring(0, 1500) + " …" : sql);
        System.out.println("```");
        System.out.println("| table | type | key | rows | r_rows | Extra |");
        System.out.println("|---|---|---|---:|---:|---|");
        jdbc.query(
            "ANALYZE " + sql,
            row -> {
              System.out.printf(
                  "| %s | %s | %s | %s | %s | %s |%n",
                  row.getString("table"),
                  row.getString("type"),
                  row.getString("key"),
                  row.getString("rows"),
                  row.getString("r_rows"),
                  row.getString("Extra"));
            });
        System.out.println();
      }
    }
  }

  // --- what the requests ask for ----------------------------------------------------------------

  /** Parameters drawn from the generated data, so that every request finds something. */
  private record Samples(
      List<long[]> boards, List<String> emails, List<String> phones, long deals) {

    static Samples of(JdbcTemplate jdbc) {
      List<long[]> boards =
          jdbc.query(
              "SELECT stage_id, responsible_id FROM crm_deal WHERE pipeline_id = 1 GROUP BY"
                  + " stage_id, responsible_id",
              (row, i) -> new long[] {row.getLong(1), row.getLong(2)});
      List<String> emails = new ArrayList<>();
      List<String> phones = new ArrayList<>();
      jdbc.query(
          "SELECT e.email, p.phone FROM crm_contact_email e JOIN crm_contact_phone p ON"
              + " p.contact_id = e.contact_id AND p.position = 0 WHERE e.position = 0 ORDER BY"
              + " RAND() LIMIT 1000",
          row -> {
            // "nowak.5123" of anna.nowak.5123@example.com: the part a user remembers.
            String local = row.getString(1).substring(0, row.getString(1).indexOf('@'));
            emails.add(local.substring(local.indexOf('.') + 1));
            phones.add(row.getString(2));
          });
      long deals = jdbc.queryForObject("SELECT MAX(id) FROM crm_deal", Long.class);
      if (boards.isEmpty() || emails.isEmpty()) {
        throw new IllegalStateException("The benchmark database is empty: run ./bench generate");
      }
      return new Samples(boards, emails, phones, deals);
    }

    long[] board() {
      return boards.get(ThreadLocalRandom.current().nextInt(boards.size()));
    }

    String emailTerm() {
      return emails.get(ThreadLocalRandom.current().nextInt(emails.size()));
    }

    /** The last six digits of a phone, or its beginning as written ("+48 512 345"). */
    String phoneTerm() {
      String phone = phones.get(ThreadLocalRandom.current().nextInt(phones.size()));
      String digits = phone.replaceAll("\\D", "");
      return ThreadLocalRandom.current().nextBoolean()
          ? digits.substring(digits.length() - 6)
          : phone.substring(0, Math.min(phone.length(), 11));
    }

    String searchTerm() {
      return ThreadLocalRandom.current().nextBoolean() ? emailTerm() : phoneTerm();
    }

    /** Half from the first thousand deals, which have long timelines; half from all. */
    long dealId() {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      return random.nextBoolean()
          ? 1 + random.nextLong(Math.min(1000, deals))
          : 1 + random.nextLong(deals);
    }
  }
}

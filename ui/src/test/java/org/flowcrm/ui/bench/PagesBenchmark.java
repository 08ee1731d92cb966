package org.flowcrm.ui.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcrm.ui.UiTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./bench pages}: how long the main pages take to render on the server at the benchmark
 * volume ({@code ./bench generate}): the ui pages with the CRM and the embedded engine behind them
 * ({@link UiTestApplication}, pointed at the generated database), a user signed in through the
 * login form with a session cookie, each page requested {@code --iterations} times one after the
 * other after {@code --warmup} requests. The time is the HTTP round trip on localhost until the
 * whole page is read: the server's work plus a loop-back hop.
 *
 * <p>Two users: {@code manager1} (a manager: his own records, about 1/60 of everything) and {@code
 * director} (sees all 100,000 deals on the kanban).
 */
public final class PagesBenchmark {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private PagesBenchmark(int port) {
    this.base = "http://localhost:" + port;
  }

  public static void main(String[] args) {
    int status = 1;
    try {
      benchmark(args);
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    }
    // The embedded database's process watcher is not a daemon thread.
    System.exit(status);
  }

  private static void benchmark(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "300"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
    String password = options.getOrDefault("password", "bench");
    String[] spring = {
      "--flowcrm.mariadb.ephemeral=false",
      "--flowcrm.mariadb.data-dir=" + options.getOrDefault("data-dir", "./data/bench"),
      "--flowcrm.mariadb.port=" + options.getOrDefault("port", "3407"),
      "--flowcrm.mariadb.database=flowcrm",
      "--server.port=0",
      "--logging.level.org.flowcrm=warn",
      "--spring.main.banner-mode=off"
    };
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(UiTestApplication.class).run(spring)) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<String> rows = new ArrayList<>();
      for (String login : List.of("manager1", "director")) {
        PagesBenchmark user = new PagesBenchmark(port);
        user.signIn(login, password);
        // His deal with the longest timeline among the first thousand (about 50 activities).
        Long dealId =
            jdbc.queryForObject(
                "SELECT MIN(d.id) FROM crm_deal d JOIN crm_user u ON u.id = d.responsible_id"
                    + " WHERE u.login = ? AND d.id <= 1000",
                Long.class,
                login.equals("director") ? "manager1" : login);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("lead list", "/leads");
        pages.put("deal kanban", "/deals");
        pages.put("deal card", "/deals/" + dealId);
        pages.put("contact list", "/contacts");
        pages.put("task inbox", "/tasks");
        for (var page : pages.entrySet()) {
          long[] nanos = user.measure(page.getValue(), iterations, warmup);
          String row =
              String.format(
                  "| %s | %s | `%s` | %,d | %.1f | %.1f | %.1f | %.1f | %,d |",
                  login,
                  page.getKey(),
                  page.getValue(),
                  nanos.length,
                  percentile(nanos, 50),
                  percentile(nanos, 95),
                  percentile(nanos, 99),
                  nanos[nanos.length - 1] / 1e6,
                  user.lastBytes);
          System.out.println(row);
          rows.add(row);
        }
      }
      System.out.println();
      System.out.printf(
          "Pages benchmark: %,d deals, %,d contacts, %,d leads, %,d tasks; %d iterations after"
              + " %d warmup%n%n",
          count(jdbc, "crm_deal"),
          count(jdbc, "crm_contact"),
          count(jdbc, "crm_lead"),
          count(jdbc, "crm_task"),
          iterations,
          warmup);
      System.out.println(
          "| user | page | path | requests | p50 ms | p95 ms | p99 ms | max ms | bytes |");
      System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
      rows.forEach(System.out::println);
    }
  }

  private int lastBytes;

  private long[] measure(String path, int iterations, int warmup) throws Exception {
    long[] nanos = new long[iterations];
    for (int i = 0; i < warmup + iterations; i++) {
      long started = System.nanoTime();
      HttpResponse<String> page = get(path);
      long took = System.nanoTime() - started;
      if (page.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + path + " answered " + page.statusCode() + " " + page.headers().map());
      }
      lastBytes = page.body().length();
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private void signIn(String login, String password) throws Exception {
    Matcher token = CSRF.matcher(get("/login").body());
    if (!token.find()) {
      throw new IllegalStateException("The login page has no CSRF token");
    }
    String csrf = token.group(1) != null ? token.group(1) : token.group(2);
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + login
                            + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = signedIn.headers().firstValue("Location").orElse("");
    if (signedIn.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException(
          login + " could not sign in (" + signedIn.statusCode() + " → " + location + ")");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static Map<String, String> options(String[] args) {
    List<String> known = List.of("iterations", "warmup", "password", "data-dir", "port");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Unknown option or missing value: "
                + args[i]
                + "; known: --"
                + String.join(", --", known));
      }
      options.put(name, args[++i]);
    }
    return options;
  }
}

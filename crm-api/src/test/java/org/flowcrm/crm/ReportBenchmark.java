package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.flowcrm.crm.permission.SystemUser;
import org.flowcrm.crm.report.GroupBy;
import org.flowcrm.crm.report.ReportParameters;
import org.flowcrm.crm.report.ReportService;
import org.flowcrm.crm.report.StandardReport;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs every standard report and the funnel {@code -Dbenchmark.runs} times (after 3 unmeasured
 * runs) for a period of one month and one of a year, with a director's scope (everything), and
 * prints p50 and p95 per report. Not part of the normal build (the name does not end in Tests).
 *
 * <p>Against a database filled by the data generator, given as Spring's own datasource system
 * properties (so the embedded database is not started; Flyway brings the schema up to date, V16
 * included):
 *
 * <pre>
 * ./mvnw -q -pl embedded-mariadb,crm-api test -Dtest=ReportBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dspring.datasource.url=jdbc:mariadb://localhost:3306/flowcrm \
 *     -Dspring.datasource.username=flowcrm -Dspring.datasource.password=… \
 *     -Dbenchmark.until=2026-11-30 -Dbenchmark.runs=20
 * </pre>
 *
 * Without {@code spring.datasource.url} it runs on the tests' embedded database with whatever is in
 * it (a smoke run). {@code benchmark.until} is the last day of both periods (default today); {@code
 * benchmark.user} (a login) measures that user's scope instead of a director's. Results go to
 * docs/benchmarks.md.
 */
class ReportBenchmark extends ApiTest {

  @Autowired ReportService reports;
  @Autowired SystemUser systemUser;
  @Autowired JdbcTemplate jdbc;

  private CrmUserPrincipal user;

  @Test
  void everyReportAndTheFunnel() {
    int runs = Integer.getInteger("benchmark.runs", 20);
    LocalDate until = LocalDate.parse(System.getProperty("benchmark.until", LocalDate.now() + ""));
    long deals = jdbc.queryForObject("SELECT COUNT(*) FROM crm_deal", Long.class);
    // -Dbenchmark.reports=contacts,companies measures only those (codes, and "funnel")
    List<String> only =
        List.of(System.getProperty("benchmark.reports", "").split(",")).stream()
            .map(String::strip)
            .filter(c -> !c.isEmpty())
            .toList();
    System.out.printf(
        "Report benchmark: %,d deals, %d runs each, periods ending %s%n", deals, runs, until);
    System.out.printf("%-24s %-6s %9s %9s %9s%n", "report", "period", "p50 ms", "p95 ms", "rows");
    for (String period : List.of("month", "year")) {
      LocalDate from =
          period.equals("month")
              ? until.minusMonths(1).plusDays(1)
              : until.minusYears(1).plusDays(1);
      ReportParameters parameters =
          new ReportParameters(from, until, null, null, null, GroupBy.MANAGER);
      for (StandardReport report : StandardReport.values()) {
        if (!only.isEmpty() && !only.contains(report.code())) {
          continue;
        }
        measure(
            report.code(),
            period,
            runs,
            () -> reports.run(report.code(), parameters).rows().size());
      }
      if (!only.isEmpty() && !only.contains("funnel")) {
        continue;
      }
      measure(
          "funnel",
          period,
          runs,
          () ->
              reports.funnel(parameters).pipelines().stream()
                  .mapToInt(p -> p.stages().size())
                  .sum());
    }
  }

  private void measure(String name, String period, int runs, Supplier<Integer> report) {
    int rows = 0;
    for (int i = 0; i < 3; i++) {
      rows = asCaller(report);
    }
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      asCaller(report);
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        "%-24s %-6s %9.1f %9.1f %9d%n",
        name, period, percentile(times, 50), percentile(times, 95), rows);
    assertThat(times).isNotEmpty();
  }

  /**
   * Runs as the system user (a director's scope), or with {@code -Dbenchmark.user=head1} as that
   * user, so that a head's or a manager's scope can be measured too.
   */
  private Integer asCaller(Supplier<Integer> report) {
    String login = System.getProperty("benchmark.user", "");
    if (login.isBlank()) {
      return systemUser.runAs(report);
    }
    if (user == null) {
      // looked up once, outside the measured runs
      long id = jdbc.queryForObject("SELECT id FROM crm_user WHERE login = ?", Long.class, login);
      List<String> roles =
          jdbc.queryForList(
              "SELECT r.code FROM crm_role r JOIN crm_user_role ur ON ur.role_id = r.id"
                  + " WHERE ur.user_id = ?",
              String.class,
              id);
      user = new CrmUserPrincipal(id, login, "", true, false, roles);
    }
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return report.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  private static double percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }
}

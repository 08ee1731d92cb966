package org.flowcrm.crm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.ApiTest;
import org.flowcrm.crm.security.CrmUserPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Deal volume by contact and by company answers through a ranked shape (only groups with a deal won
 * in the period are counted) when more groups have income than a report shows. These tests hold it
 * to the straightforward query (every group, sorted): the same rows in the same order, the same
 * totals, chart and truncation, for a director, a head of department and a manager, over a month
 * and a year, with and without filters, on 4,000 deals of 2016–2018 in three currencies (two with
 * rates that make per-deal rounding matter), contacts and companies whose names repeat (the chart
 * adds groups up by name), and deals with two contacts. A row limit of 20 stands for the report's
 * 1,000 so that a few thousand deals reach the ranked shape.
 */
class DealVolumeShapeTests extends ApiTest {

  private static final int ROW_LIMIT = 20;

  @Autowired ReportService reports;
  @Autowired JdbcTemplate jdbc;

  private static boolean ready;
  private static long pipeline;
  private static long departmentA;
  private static TestUser director;
  private static TestUser head;
  private static TestUser manager;

  @BeforeEach
  void fourThousandDeals() throws Exception {
    if (ready) {
      return;
    }
    departmentA = createDepartment("Volume A", null);
    long departmentB = createDepartment("Volume B", null);
    director = signInUser(null, "DIRECTOR");
    head = signInUser(departmentA, "HEAD_OF_DEPARTMENT");
    manager = signInUser(departmentA, "MANAGER");
    List<Long> managers = new ArrayList<>(List.of(manager.id()));
    managers.add(signInUser(departmentA, "MANAGER").id());
    managers.add(signInUser(departmentA, "MANAGER").id());
    for (int i = 0; i < 3; i++) {
      managers.add(signInUser(departmentB, "MANAGER").id());
    }
    String tag = unique();
    long n = Long.parseLong(tag, 36);
    String letters = "" + (char) ('A' + n % 26) + (char) ('A' + n / 26 % 26);
    String cheap = "V" + letters;
    String dear = "W" + letters;
    jdbc.update(
        "INSERT INTO crm_currency (code, name, rate, updated_at) VALUES (?, 'Cheap', 0.37, NOW(6)),"
            + " (?, 'Dear', 1.23456789, NOW(6))",
        cheap,
        dear);
    jdbc.update(
        "INSERT INTO crm_pipeline (name, sort_order, created_at, updated_at)"
            + " VALUES (?, 901, NOW(6), NOW(6))",
        "Volume " + tag);
    pipeline = jdbc.queryForObject("SELECT MAX(id) FROM crm_pipeline", Long.class);
    jdbc.update(
        "INSERT INTO crm_pipeline_stage (pipeline_id, code, name, semantic, probability, sort_order)"
            + " VALUES (?, 'NEW', 'New', 'OPEN', 10, 0), (?, 'WON', 'Won', 'WON', 100, 10),"
            + " (?, 'LOST', 'Lost', 'LOST', 0, 20)",
        pipeline,
        pipeline,
        pipeline);
    long open = stage("NEW");
    long won = stage("WON");
    long lost = stage("LOST");
    // 150 companies with 60 names, 500 contacts with 200 names
    jdbc.update(
        "INSERT INTO crm_company (name, search_text, created_at, updated_at)"
            + " SELECT CONCAT('Volume Co ', seq % 60, ' ', ?), '', NOW(6), NOW(6) FROM seq_1_to_150",
        tag);
    long firstCompany =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM crm_company WHERE name LIKE ?", Long.class, "Volume Co % " + tag);
    jdbc.update(
        "INSERT INTO crm_contact (first_name, last_name, search_text, created_at, updated_at)"
            + " SELECT 'Volume', CONCAT('L', seq % 200, ' ', ?), '', NOW(6), NOW(6)"
            + " FROM seq_1_to_500",
        tag);
    long firstContact =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM crm_contact WHERE last_name LIKE ?", Long.class, "L% " + tag);
    // a quarter won, a quarter lost, closed up to 70 days after creation; created from November
    // 2016 to February 2018, so periods cut through deals created before and closed inside
    jdbc.update(
        "INSERT INTO crm_deal (title, pipeline_id, stage_id, amount, currency, probability,"
            + " responsible_id, visible_to_all, company_id, closed, closed_at, created_at,"
            + " updated_at)"
            + " SELECT CONCAT('Volume ', seq), ?, ELT(1 + seq % 4, ?, ?, ?, ?),"
            + " ROUND(1 + (seq * 7919) % 1000003 / 100, 2), ELT(1 + seq % 3, 'EUR', ?, ?), 50,"
            + " ELT(1 + seq % 6, ?, ?, ?, ?, ?, ?), seq % 2, IF(seq % 10 = 0, NULL, ? + seq % 150),"
            + " seq % 4 < 2, IF(seq % 4 < 2, x.created + INTERVAL (seq % 70) DAY, NULL), x.created,"
            + " NOW(6)"
            + " FROM (SELECT seq, TIMESTAMP('2016-11-01') + INTERVAL (seq % 480) DAY"
            + " + INTERVAL (seq % 1440) MINUTE AS created FROM seq_1_to_4000) x",
        pipeline,
        won,
        lost,
        open,
        open,
        cheap,
        dear,
        managers.get(0),
        managers.get(1),
        managers.get(2),
        managers.get(3),
        managers.get(4),
        managers.get(5),
        firstCompany);
    jdbc.update(
        "INSERT INTO crm_deal_contact (deal_id, contact_id)"
            + " SELECT id, ? + id % 500 FROM crm_deal WHERE pipeline_id = ?"
            + " UNION SELECT id, ? + (id * 3 + 1) % 500 FROM crm_deal WHERE pipeline_id = ?"
            + " AND id % 7 = 0",
        firstContact, pipeline, firstContact, pipeline);
    ready = true;
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void byContactTheRankedShapeGivesTheStraightforwardResultInEveryScopeAndPeriod() {
    int ranked = compareEverywhere(StandardReport.CONTACTS);
    assertThat(ranked).as("cases the ranked shape answered").isGreaterThanOrEqualTo(4);
  }

  @Test
  void byCompanyTheRankedShapeGivesTheStraightforwardResultInEveryScopeAndPeriod() {
    int ranked = compareEverywhere(StandardReport.COMPANIES);
    assertThat(ranked).as("cases the ranked shape answered").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aYearForTheDirectorIsCutToTheRowLimitWithTotalsOverEveryGroup() {
    signIn(director, "DIRECTOR");
    ReportParameters year = period("2017-01-01", "2017-12-31", pipeline, null);
    Report report = reports.volume(StandardReport.CONTACTS, year, true, ROW_LIMIT);
    assertThat(report).isNotNull();
    assertThat(report.truncated()).isTrue();
    assertThat(report.rows()).hasSize(ROW_LIMIT);
    long shownWorked = report.rows().stream().mapToLong(r -> (Long) r.get("worked")).sum();
    Long allWorked =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM crm_deal d JOIN crm_deal_contact dc ON dc.deal_id = d.id"
                + " WHERE d.pipeline_id = ? AND d.created_at >= '2017-01-01'"
                + " AND d.created_at < '2018-01-01'",
            Long.class,
            pipeline);
    assertThat(report.totals().get("worked")).isEqualTo(allWorked);
    assertThat(allWorked).isGreaterThan(shownWorked);
    // incomes descend, and every bar is a name among the groups with income
    List<Map<String, Object>> rows = report.rows();
    for (int i = 1; i < rows.size(); i++) {
      assertThat((BigDecimal) rows.get(i - 1).get("income"))
          .isGreaterThanOrEqualTo((BigDecimal) rows.get(i).get("income"));
    }
    assertThat(report.chart().bars()).hasSize(ReportService.CHART_BARS);
  }

  /** Compares both shapes for each caller, period and filter; returns how often ranked applied. */
  private int compareEverywhere(StandardReport code) {
    int ranked = 0;
    List<ReportParameters> periods =
        List.of(
            period("2017-03-01", "2017-03-31", null, null),
            period("2017-01-01", "2017-12-31", null, null),
            period("2016-12-15", "2018-01-14", pipeline, null),
            period("2017-01-01", "2017-12-31", null, departmentA));
    Object[][] callers = {
      {director, "DIRECTOR"}, {head, "HEAD_OF_DEPARTMENT"}, {manager, "MANAGER"}
    };
    for (Object[] caller : callers) {
      signIn((TestUser) caller[0], (String) caller[1]);
      for (ReportParameters parameters : periods) {
        Report straightforward = reports.volume(code, parameters, false, ROW_LIMIT);
        Report fast = reports.volume(code, parameters, true, ROW_LIMIT);
        if (fast != null) {
          ranked++;
          assertThat(fast)
              .as("%s for %s over %s", code, caller[1], parameters)
              .isEqualTo(straightforward);
        } else {
          // the ranked shape steps aside only when no more groups than shown have income
          long withIncome =
              straightforward.rows().stream()
                  .filter(r -> ((BigDecimal) r.get("income")).signum() > 0)
                  .count();
          assertThat(withIncome).isLessThanOrEqualTo(ROW_LIMIT);
        }
        assertThat(reports.run(code.code(), parameters).rows()).isNotEmpty();
      }
      SecurityContextHolder.clearContext();
    }
    return ranked;
  }

  private ReportParameters period(String from, String to, Long pipelineId, Long departmentId) {
    return new ReportParameters(
        LocalDate.parse(from), LocalDate.parse(to), pipelineId, null, departmentId, null);
  }

  private void signIn(TestUser user, String role) {
    CrmUserPrincipal principal =
        new CrmUserPrincipal(user.id(), user.login(), "{noop}x", true, false, List.of(role));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities()));
  }

  private long stage(String code) {
    return jdbc.queryForObject(
        "SELECT id FROM crm_pipeline_stage WHERE pipeline_id = ? AND code = ?",
        Long.class,
        pipeline,
        code);
  }
}

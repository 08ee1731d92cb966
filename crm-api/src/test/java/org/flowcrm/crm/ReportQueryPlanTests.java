package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports' queries read index ranges (V16), not the whole deal table: by closing date (won,
 * lost, income, products), by creation date (worked, funnel), open deals by expected close date
 * (overdue, expected sales), and the funnel's per-deal look-up of the furthest stage reached. The
 * WHERE shapes are those {@code ReportService} builds for a director (no scope condition) on 3,000
 * deals of 2019 in a pipeline of their own.
 */
class ReportQueryPlanTests extends ApiTest {

  @Autowired JdbcTemplate jdbc;

  private static Long pipeline;

  @BeforeEach
  void threeThousandDeals() {
    if (pipeline != null) {
      return;
    }
    jdbc.update(
        "INSERT INTO crm_pipeline (name, sort_order, created_at, updated_at)"
            + " VALUES (?, 900, NOW(6), NOW(6))",
        "Plan " + unique());
    long id = jdbc.queryForObject("SELECT MAX(id) FROM crm_pipeline", Long.class);
    jdbc.update(
        "INSERT INTO crm_pipeline_stage (pipeline_id, code, name, semantic, probability, sort_order)"
            + " VALUES (?, 'NEW', 'New', 'OPEN', 10, 0), (?, 'WON', 'Won', 'WON', 100, 10),"
            + " (?, 'LOST', 'Lost', 'LOST', 0, 20)",
        id,
        id,
        id);
    long open =
        jdbc.queryForObject(
            "SELECT id FROM crm_pipeline_stage WHERE pipeline_id = ? AND code = 'NEW'",
            Long.class,
            id);
    long won =
        jdbc.queryForObject(
            "SELECT id FROM crm_pipeline_stage WHERE pipeline_id = ? AND code = 'WON'",
            Long.class,
            id);
    // MariaDB's sequence engine makes the rows in the database; every third deal is won
    jdbc.update(
        "INSERT INTO crm_deal (title, pipeline_id, stage_id, amount, currency, probability,"
            + " expected_close_date, visible_to_all, closed, closed_at, created_at, updated_at)"
            + " SELECT CONCAT('Plan deal ', seq), ?, IF(seq % 3 = 0, ?, ?), seq, 'EUR', 50,"
            + " DATE('2019-01-01') + INTERVAL (seq % 365) DAY, TRUE, seq % 3 = 0,"
            + " IF(seq % 3 = 0, TIMESTAMP('2019-01-01') + INTERVAL (seq % 365) DAY, NULL),"
            + " TIMESTAMP('2019-01-01') + INTERVAL (seq % 365) DAY, NOW(6) FROM seq_1_to_3000",
        id, won, open);
    jdbc.update(
        "INSERT INTO crm_deal_stage_history (deal_id, to_stage_id, to_stage_name, changed_at)"
            + " SELECT id, stage_id, 'New', created_at FROM crm_deal WHERE pipeline_id = ?",
        id);
    jdbc.execute("ANALYZE TABLE crm_deal, crm_deal_stage_history");
    pipeline = id;
  }

  @Test
  void dealsClosedInAPeriodAreAnIndexRangeOnTheClosingDate() {
    Map<String, Object> deals =
        table(
            "SELECT COUNT(*), SUM(ROUND(d.amount * cur.rate, 2)) FROM crm_deal d"
                + " JOIN crm_currency cur ON cur.code = d.currency"
                + " JOIN crm_pipeline_stage s ON s.id = d.stage_id"
                + " WHERE s.semantic = 'WON' AND d.closed_at >= '2019-03-01'"
                + " AND d.closed_at < '2019-04-01'",
            "d");
    assertThat(deals.get("key")).isEqualTo("ix_crm_deal_closed_at");
    assertThat(deals.get("type")).isEqualTo("range");
  }

  @Test
  void dealsWorkedOrClosedInAPeriodMergeBothDateIndexes() {
    Map<String, Object> deals =
        table(
            "SELECT d.responsible_id, COUNT(*) FROM crm_deal d"
                + " JOIN crm_currency cur ON cur.code = d.currency"
                + " JOIN crm_pipeline_stage s ON s.id = d.stage_id"
                + " WHERE ((d.created_at >= '2019-03-01' AND d.created_at < '2019-04-01')"
                + " OR (d.closed_at >= '2019-03-01' AND d.closed_at < '2019-04-01'))"
                + " GROUP BY d.responsible_id",
            "d");
    assertThat(deals.get("type")).isEqualTo("index_merge");
    assertThat(String.valueOf(deals.get("key")))
        .contains("ix_crm_deal_created")
        .contains("ix_crm_deal_closed_at");
  }

  @Test
  void openDealsDueInAPeriodAreAnIndexRange() {
    Map<String, Object> deals =
        table(
            "SELECT d.responsible_id, COUNT(*) FROM crm_deal d"
                + " JOIN crm_currency cur ON cur.code = d.currency"
                + " JOIN crm_pipeline_stage s ON s.id = d.stage_id"
                + " WHERE d.closed = FALSE AND d.expected_close_date >= '2019-03-01'"
                + " AND d.expected_close_date <= '2019-03-31' GROUP BY d.responsible_id",
            "d");
    assertThat(deals.get("key")).isEqualTo("ix_crm_deal_open_expected");
    assertThat(deals.get("type")).isEqualTo("range");
  }

  @Test
  void theFunnelReadsDealsByCreationAndEachDealsHistoryByIndex() {
    String sql =
        "SELECT d.pipeline_id, GREATEST(-1, COALESCE((SELECT MAX(hs.sort_order)"
            + " FROM crm_deal_stage_history h JOIN crm_pipeline_stage hs ON hs.id = h.to_stage_id"
            + " WHERE h.deal_id = d.id AND hs.semantic = 'OPEN'), -1)) AS reached"
            + " FROM crm_deal d JOIN crm_currency cur ON cur.code = d.currency"
            + " JOIN crm_pipeline_stage s ON s.id = d.stage_id"
            + " WHERE d.created_at >= '2019-03-01' AND d.created_at < '2019-04-01'"
            + " AND d.pipeline_id = "
            + pipeline;
    Map<String, Object> deals = table(sql, "d");
    assertThat(deals.get("type")).isEqualTo("range");
    assertThat(String.valueOf(deals.get("key"))).startsWith("ix_crm_deal_");
    Map<String, Object> history = table(sql, "h");
    assertThat(history.get("type")).isEqualTo("ref");
    assertThat(history.get("key")).isEqualTo("ix_crm_deal_stage_history_reached");
  }

  /** The plan row of {@code alias} in the EXPLAIN of {@code sql}. */
  private Map<String, Object> table(String sql, String alias) {
    List<Map<String, Object>> rows = jdbc.queryForList("EXPLAIN " + sql);
    return rows.stream()
        .filter(row -> alias.equals(row.get("table")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + alias + " in " + rows));
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The list queries the benchmarks name use their indexes: no full scans, no filesort. The
 * SQL is what {@code KeysetQuery} generates for these filters.
 */
class QueryPlanTests extends ApiTest {

  @Autowired JdbcTemplate jdbc;

  /**
   * Whether the board index serves the keyset query as one range without a sort. Which index the
   * optimizer prefers depends on how the test data happens to spread over responsibles; at the
   * benchmark volume the plan is in docs/benchmarks.md.
   */
  @Test
  void thePipelineBoardSortedByAmountReadsOneIndexRange() {
    Map<String, Object> plan =
        explain(
            "SELECT d.id, d.amount FROM crm_deal d FORCE INDEX (ix_crm_deal_board)"
                + " WHERE d.pipeline_id = 1 AND d.stage_id = 2"
                + " AND d.responsible_id = 3 AND (d.amount < 500 OR (d.amount = 500 AND d.id < 90))"
                + " ORDER BY d.amount DESC, d.id DESC LIMIT 51");
    assertThat(plan.get("key")).isEqualTo("ix_crm_deal_board");
    assertThat(String.valueOf(plan.get("Extra"))).doesNotContain("filesort");
  }

  @Test
  void contactSearchUsesTheFullTextIndex() {
    Map<String, Object> plan =
        explain(
            "SELECT c.id, c.id FROM crm_contact c WHERE MATCH (c.search_text)"
                + " AGAINST ('+keller*' IN BOOLEAN MODE) ORDER BY c.id DESC LIMIT 51");
    assertThat(plan.get("type")).isEqualTo("fulltext");
    assertThat(plan.get("key")).isEqualTo("ft_crm_contact_search");
  }

  @Test
  void productQuickSearchIsAnIndexRange() {
    Map<String, Object> plan =
        explain(
            "SELECT p.id, p.name FROM crm_product p WHERE p.active = TRUE AND p.name LIKE 'lap%'"
                + " ORDER BY p.name ASC, p.id ASC LIMIT 11");
    assertThat(plan.get("type")).isEqualTo("range");
    assertThat(String.valueOf(plan.get("key"))).startsWith("ix_crm_product_");
  }

  private Map<String, Object> explain(String sql) {
    List<Map<String, Object>> rows = jdbc.queryForList("EXPLAIN " + sql);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}

package org.flowcrm.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The kanban's column totals ({@code GET /api/v1/deals/totals}) are kept per stage by the database
 * (V38) rather than summed per view: after every kind of deal write – create, move, amount and
 * currency change, responsible and visibility change, delete, bulk assign/move/delete, CSV import
 * and its revert – they show exactly what the deals themselves add up to, and a manager still sees
 * only the totals of deals he may read.
 */
class DealStageTotalsTests extends ApiTest {

  @Autowired private JdbcClient jdbc;

  /** Stage id → [deals, amount in the base currency] as the totals endpoint reports them. */
  private Map<Long, String> totals(long pipeline, TestUser user) throws Exception {
    var request = get("/api/v1/deals/totals?pipelineId=" + pipeline);
    if (user != null) {
      request = request.with(as(user));
    }
    JsonNode body = read(mvc.perform(request).andExpect(status().isOk()).andReturn());
    Map<Long, String> found = new LinkedHashMap<>();
    body.forEach(
        t ->
            found.put(
                t.get("stageId").asLong(),
                t.get("deals").asLong()
                    + " / "
                    + t.get("amountInBaseCurrency").decimalValue().setScale(2)));
    return found;
  }

  /**
   * The same figures summed over the deals themselves (what the totals did per view before V38):
   * per stage and currency, converted and rounded once, for the administrator who sees every deal.
   */
  private Map<Long, String> counted(long pipeline) {
    Map<Long, String> found = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT s.id, COALESCE(SUM(k.n), 0), COALESCE(SUM(ROUND(k.a * c.rate, 2)), 0)"
                + " FROM crm_pipeline_stage s LEFT JOIN (SELECT stage_id, currency, COUNT(*) n,"
                + " SUM(amount) a FROM crm_deal GROUP BY stage_id, currency) k"
                + " ON k.stage_id = s.id LEFT JOIN crm_currency c ON c.code = k.currency"
                + " WHERE s.pipeline_id = :p GROUP BY s.id, s.sort_order ORDER BY s.sort_order, s.id")
        .param("p", pipeline)
        .query(
            (rs, i) ->
                found.put(
                    rs.getLong(1),
                    rs.getLong(2) + " / " + rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP)))
        .list();
    return found;
  }

  private void expect(long pipeline, Map<Long, String> expected) throws Exception {
    Map<Long, String> shown = totals(pipeline, null);
    assertThat(shown).containsAllEntriesOf(expected);
    assertThat(shown).as("kept totals = the deals' own sums").isEqualTo(counted(pipeline));
  }

  private long pipeline() throws Exception {
    return create(
            "/api/v1/pipelines",
            Map.of(
                "name",
                "Kept totals " + unique(),
                "stages",
                List.of(
                    Map.of("code", "FIRST", "name", "First"),
                    Map.of("code", "SECOND", "name", "Second"),
                    Map.of("code", "DONE", "name", "Done", "semantic", "WON"),
                    Map.of("code", "GONE", "name", "Gone", "semantic", "LOST"))))
        .get("id")
        .asLong();
  }

  private long stage(long pipeline, String code) throws Exception {
    for (JsonNode stage : getJson("/api/v1/pipelines/" + pipeline).get("stages")) {
      if (stage.get("code").asString().equals(code)) {
        return stage.get("id").asLong();
      }
    }
    throw new AssertionError("no stage " + code);
  }

  private long deal(Map<String, Object> fields) throws Exception {
    return create("/api/v1/deals", fields).get("id").asLong();
  }

  /** Edits the deal as a client does: with the ETag of what it read. */
  private void edit(long id, Map<String, Object> fields) throws Exception {
    String etag =
        mvc.perform(get("/api/v1/deals/" + id))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    send(put("/api/v1/deals/" + id).header("If-Match", etag), fields).andExpect(status().isOk());
  }

  private JsonNode bulk(Map<String, Object> body) throws Exception {
    return read(send(post("/api/v1/deals/bulk"), body).andExpect(status().isOk()).andReturn());
  }

  @Test
  void theTotalsFollowCreateMoveAmountCurrencyResponsibleDeleteAndBulk() throws Exception {
    String foreign = DealApiTests.currencyCode();
    create("/api/v1/currencies", Map.of("code", foreign, "name", "Half money", "rate", "0.5"));
    long admin = getJson("/api/v1/me").get("id").asLong();
    long colleague = createUser("Kept totals colleague");
    long pipeline = pipeline();
    long first = stage(pipeline, "FIRST");
    long second = stage(pipeline, "SECOND");
    long done = stage(pipeline, "DONE");

    long a = deal(Map.of("title", "A", "pipelineId", pipeline, "amount", 100));
    long b =
        deal(
            Map.of(
                "title", "B", "pipelineId", pipeline, "amount", "40.10", "responsibleId", admin));
    long c = deal(Map.of("title", "C", "pipelineId", pipeline, "amount", 7, "stageId", second));
    expect(pipeline, Map.of(first, "2 / 140.10", second, "1 / 7.00", done, "0 / 0.00"));

    // a move: the deal leaves one column and joins the other
    send(put("/api/v1/deals/" + a + "/stage"), Map.of("stageId", second))
        .andExpect(status().isOk());
    expect(pipeline, Map.of(first, "1 / 40.10", second, "2 / 107.00"));

    // amount, currency, responsible and visibility changed in one edit
    edit(
        b,
        Map.of(
            "title",
            "B",
            "amount",
            "60.15",
            "currency",
            foreign,
            "responsibleId",
            colleague,
            "visibleToAll",
            false));
    expect(pipeline, Map.of(first, "1 / 30.08"));
    // a title-only edit changes nothing
    edit(c, Map.of("title", "C renamed", "amount", 7));
    expect(pipeline, Map.of(second, "2 / 107.00"));

    // winning closes the deal; it still counts in its (won) column
    send(put("/api/v1/deals/" + c + "/stage"), Map.of("stageId", done)).andExpect(status().isOk());
    expect(pipeline, Map.of(second, "1 / 100.00", done, "1 / 7.00"));

    // bulk: assign (the totals stay), move, delete
    bulk(Map.of("action", "ASSIGN", "ids", List.of(a, b), "responsibleId", admin));
    expect(pipeline, Map.of(first, "1 / 30.08", second, "1 / 100.00"));
    bulk(Map.of("action", "MOVE_STAGE", "ids", List.of(b), "stageId", second));
    expect(pipeline, Map.of(first, "0 / 0.00", second, "2 / 130.08"));
    bulk(Map.of("action", "DELETE", "ids", List.of(a)));
    expect(pipeline, Map.of(second, "1 / 30.08"));

    // a single delete
    mvc.perform(delete("/api/v1/deals/" + b)).andExpect(status().isNoContent());
    expect(pipeline, Map.of(first, "0 / 0.00", second, "0 / 0.00", done, "1 / 7.00"));
  }

  @Test
  void importedDealsCountInTheirColumnAndLeaveItWhenTheImportIsReverted() throws Exception {
    JsonNode defaultPipeline = getJson("/api/v1/pipelines").get(0);
    long pipeline = defaultPipeline.get("id").asLong();
    long first = defaultPipeline.get("stages").get(0).get("id").asLong();
    Map<Long, String> before = totals(pipeline, null);
    assertThat(before).isEqualTo(counted(pipeline));

    String u = unique();
    String csv = "Title,Amount\nImported one " + u + ",1000.50\nImported two " + u + ",99.50\n";
    JsonNode job =
        read(
            mvc.perform(
                    multipart("/api/v1/imports")
                        .file(
                            new MockMultipartFile(
                                "file",
                                "deals.csv",
                                "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("entityType", "DEAL"))
                .andExpect(status().isCreated())
                .andReturn());
    long id = job.get("id").asLong();
    mvc.perform(post("/api/v1/imports/" + id + "/start")).andExpect(status().isAccepted());
    long deadline = System.currentTimeMillis() + 60_000;
    while (getJson("/api/v1/imports/" + id).get("status").asString().equals("RUNNING")) {
      assertThat(System.currentTimeMillis()).as("import still running").isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(getJson("/api/v1/imports/" + id).get("created").asInt()).isEqualTo(2);

    Map<Long, String> after = totals(pipeline, null);
    assertThat(after).isEqualTo(counted(pipeline));
    assertThat(after.get(first)).isEqualTo(plus(before.get(first), 2, "1100.00"));

    JsonNode revert = read(mvc.perform(post("/api/v1/imports/" + id + "/revert")).andReturn());
    assertThat(revert.get("deleted").asInt()).isEqualTo(2);
    assertThat(totals(pipeline, null)).isEqualTo(before);
  }

  private static String plus(String total, int deals, String amount) {
    String[] parts = total.split(" / ");
    return (Long.parseLong(parts[0]) + deals)
        + " / "
        + new BigDecimal(parts[1]).add(new BigDecimal(amount)).setScale(2);
  }

  @Test
  void aManagerSeesTheTotalsOfTheDealsHeMayRead() throws Exception {
    TestUser manager = signInUser(null, "MANAGER");
    TestUser colleague = signInUser(null, "MANAGER");
    long pipeline = pipeline();
    long first = stage(pipeline, "FIRST");
    Map<String, Object> fields = new HashMap<>(Map.of("pipelineId", pipeline));
    fields.putAll(Map.of("title", "Mine hidden", "amount", 10, "responsibleId", manager.id()));
    fields.put("visibleToAll", false);
    deal(fields);
    fields.putAll(Map.of("title", "Theirs hidden", "amount", 200, "responsibleId", colleague.id()));
    deal(fields);
    fields.putAll(Map.of("title", "Theirs shared", "amount", 3000, "visibleToAll", true));
    deal(fields);

    assertThat(totals(pipeline, manager).get(first)).isEqualTo("2 / 3010.00");
    assertThat(totals(pipeline, colleague).get(first)).isEqualTo("2 / 3200.00");
    assertThat(totals(pipeline, null).get(first)).isEqualTo("3 / 3210.00");
  }
}

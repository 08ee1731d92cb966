package org.flowcrm.crm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.shared.BadParameterException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the standard reports and the sales funnel as aggregate SQL over deals. Every query carries
 * the caller's scope as a condition on the deal's responsible: his REPORT scope (READ, or EXPORT
 * for CSV) and his DEAL READ scope, both applied, and never deals of pipelines his roles hide.
 * Unlike deal lists, "visible to all" does not widen a report: a manager's figures are his own
 * deals'. Amounts are converted into the base currency with each currency's rate to it (the rate
 * the currency package keeps), rounded per deal as deal lists show them.
 *
 * <p>All SQL is parameterised; the only text put into it is fixed here (column expressions chosen
 * by enum, never by request input).
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

  /** Rows a report returns at most; totals still count every matching row. */
  public static final int ROW_LIMIT = 1000;

  /** Bars a chart shows at most (largest first). */
  public static final int CHART_BARS = 12;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A deal's amount in the base currency, rounded to cents as deal lists show it. */
  private static final String BASE_AMOUNT = "ROUND(d.amount * cur.rate, 2)";

  private static final String DEALS =
      " FROM crm_deal d JOIN crm_currency cur ON cur.code = d.currency"
          + " JOIN crm_pipeline_stage s ON s.id = d.stage_id";

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final CurrencyService currencies;
  private final Clock clock;

  ReportService(JdbcClient jdbc, AccessPolicy policy, CurrencyService currencies) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.currencies = currencies;
    this.clock = Clock.systemDefaultZone();
  }

  /** Today in the server's calendar, which is what the default period and "overdue" use. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The reports the caller may open (all of them with any REPORT read scope). */
  public List<ReportSummary> list() {
    policy.requireAny(EntityType.REPORT, Action.READ);
    return Arrays.stream(StandardReport.values())
        .map(r -> new ReportSummary(r.code(), r.titleKey(), r.dateBasis()))
        .toList();
  }

  /** Refuses (403) before a CSV export writes its first byte when the caller may not export. */
  public void requireExport() {
    policy.requireAny(EntityType.REPORT, Action.READ);
    policy.requireAny(EntityType.REPORT, Action.EXPORT);
  }

  /** Runs the report with this code for JSON and pages (READ scope); 404 for an unknown code. */
  public Report run(String code, ReportParameters parameters) {
    return run(code, parameters, Action.READ);
  }

  /** As {@link #run(String, ReportParameters)} for a CSV export: the EXPORT scope applies too. */
  public Report export(String code, ReportParameters parameters) {
    requireExport();
    return run(code, parameters, Action.EXPORT);
  }

  private Report run(String code, ReportParameters parameters, Action action) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    StandardReport report =
        StandardReport.byCode(code)
            .orElseThrow(() -> new org.flowcrm.crm.shared.NotFoundException("Report", code));
    Where where = where(parameters, action);
    return switch (report) {
      case MANAGERS -> volume(report, where, VolumeDimension.MANAGER, ROW_LIMIT);
      case CONTACTS, COMPANIES -> {
        VolumeDimension dimension =
            report == StandardReport.CONTACTS ? VolumeDimension.CONTACT : VolumeDimension.COMPANY;
        yield rankedVolume(report, where, dimension, ROW_LIMIT)
            .orElseGet(() -> volume(report, where, dimension, ROW_LIMIT));
      }
      case COMPANY_PROFITABILITY -> profitability(report, where);
      case WON_DEALS -> wonDeals(report, where);
      case OVERDUE_DEALS -> overdue(report, where);
      case EXPECTED_SALES -> expected(report, where);
      case OPEN_DEALS_BY_STAGE -> openByStage(report, where);
      case PRODUCT_INCOME -> productIncome(report, where);
    };
  }

  // ---- 1–3: deal volume per manager, contact, company

  /**
   * What deal volume is grouped by: the group's key and name as SQL, the joins that reach them from
   * {@code d} (the straightforward query), and for the ranked shape ({@link #rankedVolume}) how a
   * won deal names its group ({@code candidateJoin}, {@code candidateKey}) and how a group reaches
   * its deals back ({@code groupJoins}, from the candidate key {@code w.id}); the totals need no
   * name, so they only join what decides whether a deal belongs to a group ({@code totalsJoin},
   * {@code totalsCondition}: the foreign keys guarantee the contact or company exists). Fixed text
   * only.
   */
  private enum VolumeDimension {
    MANAGER(
        "d.responsible_id",
        "MAX(u.display_name)",
        " LEFT JOIN crm_user u ON u.id = d.responsible_id",
        "manager",
        null,
        null,
        null,
        null,
        null),
    CONTACT(
        "dc.contact_id",
        "MAX(TRIM(CONCAT(c.first_name, ' ', c.last_name)))",
        " JOIN crm_deal_contact dc ON dc.deal_id = d.id"
            + " JOIN crm_contact c ON c.id = dc.contact_id",
        "contact",
        " JOIN crm_deal_contact wdc ON wdc.deal_id = d.id",
        "wdc.contact_id",
        " JOIN crm_deal_contact dc ON dc.contact_id = w.id"
            + " JOIN crm_deal d ON d.id = dc.deal_id"
            + " JOIN crm_contact c ON c.id = dc.contact_id",
        // fk_crm_deal_contact_contact: every link names an existing contact
        " JOIN crm_deal_contact dc ON dc.deal_id = d.id",
        ""),
    COMPANY(
        "d.company_id",
        "MAX(co.name)",
        " JOIN crm_company co ON co.id = d.company_id",
        "company",
        "",
        "d.company_id",
        " JOIN crm_deal d ON d.company_id = w.id JOIN crm_company co ON co.id = d.company_id",
        // fk_crm_deal_company: a company id names an existing company
        "",
        " AND d.company_id IS NOT NULL");

    final String key;
    final String label;
    final String joins;
    final String nameColumn;
    final String candidateJoin;
    final String candidateKey;
    final String groupJoins;
    final String totalsJoin;
    final String totalsCondition;

    VolumeDimension(
        String key,
        String label,
        String joins,
        String nameColumn,
        String candidateJoin,
        String candidateKey,
        String groupJoins,
        String totalsJoin,
        String totalsCondition) {
      this.key = key;
      this.label = label;
      this.joins = joins;
      this.nameColumn = nameColumn;
      this.candidateJoin = candidateJoin;
      this.candidateKey = candidateKey;
      this.groupJoins = groupJoins;
      this.totalsJoin = totalsJoin;
      this.totalsCondition = totalsCondition;
    }
  }

  /** The four measures of a deal-volume row (or of its totals, without GROUP BY). */
  private static final String VOLUME_MEASURES =
      " SUM(CASE WHEN d.created_at >= ? AND d.created_at < ? THEN 1 ELSE 0 END) AS worked,"
          + " SUM(CASE WHEN s.semantic = 'WON' AND d.closed_at >= ? AND d.closed_at < ?"
          + " THEN 1 ELSE 0 END) AS won,"
          + " SUM(CASE WHEN s.semantic = 'LOST' AND d.closed_at >= ? AND d.closed_at < ?"
          + " THEN 1 ELSE 0 END) AS lost,"
          + " SUM(CASE WHEN s.semantic = 'WON' AND d.closed_at >= ? AND d.closed_at < ? THEN "
          + BASE_AMOUNT
          + " ELSE 0 END) AS income";

  /** A deal counts for a group when it was created or closed in the period. */
  private static final String WORKED_OR_CLOSED =
      " WHERE ((d.created_at >= ? AND d.created_at < ?) OR (d.closed_at >= ? AND d.closed_at < ?))";

  private static final String VOLUME_ORDER = " ORDER BY income DESC, worked DESC, name";

  /** The straightforward deal volume: every group, sorted, the first {@code rowLimit} shown. */
  private Report volume(
      StandardReport report, Where where, VolumeDimension dimension, int rowLimit) {
    String sql =
        "SELECT "
            + dimension.key
            + " AS id, "
            + dimension.label
            + " AS name,"
            + VOLUME_MEASURES
            + DEALS
            + dimension.joins
            + WORKED_OR_CLOSED
            + where.sql()
            + " GROUP BY "
            + dimension.key
            + VOLUME_ORDER;
    List<Object> params = volumeParams(where);
    params.addAll(periodTwice(where));
    params.addAll(where.params());
    List<Map<String, Object>> rows =
        jdbc.sql(sql).params(params).query((rs, i) -> volumeRow(rs, dimension)).list();
    List<ReportColumn> columns = volumeColumns(dimension);
    return volumeResult(report, where, dimension, columns, rows, totals(columns, rows), rowLimit);
  }

  /**
   * Deal volume by contact or company without grouping every contact or company of the period: the
   * rows are ordered by income first, so when more than {@code rowLimit} groups have income, every
   * row shown (and every bar of the chart, which leaves out groups without income) is a group with
   * a deal won in the period. Only those groups are counted, from the won deals (an index range on
   * the closing date) back to each group's deals; the totals are one ungrouped sum over the
   * period's deals. Empty when too few groups have income: then rows without income are shown too,
   * and the straightforward query (cheap at that size) answers. The result equals {@link
   * #volume}'s.
   */
  private Optional<Report> rankedVolume(
      StandardReport report, Where where, VolumeDimension dimension, int rowLimit) {
    if (dimension.candidateKey == null) {
      return Optional.empty(); // a few dozen managers: the straightforward query is cheap
    }
    String candidates =
        "SELECT DISTINCT "
            + dimension.candidateKey
            + " AS id FROM crm_deal d JOIN crm_pipeline_stage s ON s.id = d.stage_id"
            + dimension.candidateJoin
            + " WHERE s.semantic = 'WON' AND d.closed_at >= ? AND d.closed_at < ?"
            + " AND "
            + dimension.candidateKey
            + " IS NOT NULL"
            + where.sql();
    // a cheap range on the closing date first: with no more such groups than a report shows, the
    // straightforward query answers without the ranked one being run for nothing
    long candidateCount =
        jdbc.sql("SELECT COUNT(*) FROM (" + candidates + ") w")
            .params(where.withPeriod())
            .query(Long.class)
            .single();
    if (candidateCount <= rowLimit) {
      return Optional.empty();
    }
    String sql =
        "SELECT w.id AS id, "
            + dimension.label
            + " AS name,"
            + VOLUME_MEASURES
            + " FROM ("
            + candidates
            + ") w"
            + dimension.groupJoins
            + " JOIN crm_currency cur ON cur.code = d.currency"
            + " JOIN crm_pipeline_stage s ON s.id = d.stage_id"
            + WORKED_OR_CLOSED
            + where.sql()
            + " GROUP BY w.id HAVING income > 0"
            + VOLUME_ORDER;
    List<Object> params = volumeParams(where);
    params.addAll(where.withPeriod());
    params.addAll(periodTwice(where));
    params.addAll(where.params());
    List<Map<String, Object>> rows =
        jdbc.sql(sql).params(params).query((rs, i) -> volumeRow(rs, dimension)).list();
    if (rows.size() <= rowLimit) {
      return Optional.empty();
    }
    String totalsSql =
        "SELECT"
            + VOLUME_MEASURES
            + DEALS
            + dimension.totalsJoin
            + WORKED_OR_CLOSED
            + dimension.totalsCondition
            + where.sql();
    List<Object> totalsParams = volumeParams(where);
    totalsParams.addAll(periodTwice(where));
    totalsParams.addAll(where.params());
    // one row of sums over every (deal, group) pair, as the straightforward totals add them up
    Map<String, Object> sums =
        jdbc.sql(totalsSql)
            .params(totalsParams)
            .query(
                (rs, i) -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("worked", rs.getLong("worked"));
                  row.put("won", rs.getLong("won"));
                  row.put("lost", rs.getLong("lost"));
                  row.put("income", money(rs.getBigDecimal("income")));
                  return row;
                })
            .single();
    List<ReportColumn> columns = volumeColumns(dimension);
    return Optional.of(
        volumeResult(
            report, where, dimension, columns, rows, totals(columns, List.of(sums)), rowLimit));
  }

  /**
   * For tests: a deal-volume report with a smaller row limit, straightforward or ranked ({@code
   * null} when the ranked shape does not apply because too few groups have income).
   */
  Report volume(StandardReport report, ReportParameters parameters, boolean ranked, int rowLimit) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    Where where = where(parameters, Action.READ);
    VolumeDimension dimension =
        switch (report) {
          case MANAGERS -> VolumeDimension.MANAGER;
          case CONTACTS -> VolumeDimension.CONTACT;
          case COMPANIES -> VolumeDimension.COMPANY;
          default -> throw new IllegalArgumentException("not a volume report: " + report);
        };
    return ranked
        ? rankedVolume(report, where, dimension, rowLimit).orElse(null)
        : volume(report, where, dimension, rowLimit);
  }

  /** The period's bounds for the four measures of {@link #VOLUME_MEASURES}. */
  private static List<Object> volumeParams(Where where) {
    Object start = where.start();
    Object end = where.end();
    return new ArrayList<>(List.of(start, end, start, end, start, end, start, end));
  }

  private static List<Object> periodTwice(Where where) {
    return List.of(where.start(), where.end(), where.start(), where.end());
  }

  private static Map<String, Object> volumeRow(ResultSet rs, VolumeDimension dimension)
      throws SQLException {
    long wonCount = rs.getLong("won");
    long lostCount = rs.getLong("lost");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", nullableLong(rs, "id"));
    row.put(dimension.nameColumn, rs.getString("name"));
    row.put("worked", rs.getLong("worked"));
    row.put("won", wonCount);
    row.put("lost", lostCount);
    row.put("wonShare", percent(wonCount, wonCount + lostCount));
    row.put("lostShare", percent(lostCount, wonCount + lostCount));
    row.put("income", money(rs.getBigDecimal("income")));
    return row;
  }

  private static List<ReportColumn> volumeColumns(VolumeDimension dimension) {
    return List.of(
        ReportColumn.text(dimension.nameColumn),
        ReportColumn.of("worked", ColumnType.INTEGER),
        ReportColumn.of("won", ColumnType.INTEGER),
        ReportColumn.of("lost", ColumnType.INTEGER),
        ReportColumn.of("wonShare", ColumnType.PERCENT),
        ReportColumn.of("lostShare", ColumnType.PERCENT),
        ReportColumn.of("income", ColumnType.MONEY));
  }

  private Report volumeResult(
      StandardReport report,
      Where where,
      VolumeDimension dimension,
      List<ReportColumn> columns,
      List<Map<String, Object>> rows,
      Map<String, Object> totals,
      int rowLimit) {
    long wonTotal = (Long) totals.get("won");
    long lostTotal = (Long) totals.get("lost");
    totals.put("wonShare", percent(wonTotal, wonTotal + lostTotal));
    totals.put("lostShare", percent(lostTotal, wonTotal + lostTotal));
    return result(
        report,
        where,
        columns,
        rows,
        totals,
        ChartHint.bars(dimension.nameColumn, "income"),
        false,
        rowLimit);
  }

  // ---- 4: income per company

  private Report profitability(StandardReport report, Where where) {
    String sql =
        "SELECT d.company_id AS id, MAX(co.name) AS name, COUNT(*) AS won, SUM("
            + BASE_AMOUNT
            + ") AS income"
            + DEALS
            + " JOIN crm_company co ON co.id = d.company_id"
            + " WHERE s.semantic = 'WON' AND d.closed_at >= ? AND d.closed_at < ?"
            + where.sql()
            + " GROUP BY d.company_id ORDER BY income DESC, name";
    List<Map<String, Object>> rows =
        jdbc.sql(sql)
            .params(where.withPeriod())
            .query(
                (rs, i) -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", rs.getLong("id"));
                  row.put("company", rs.getString("name"));
                  row.put("won", rs.getLong("won"));
                  row.put("income", money(rs.getBigDecimal("income")));
                  row.put(
                      "averageDeal",
                      money(
                          rs.getBigDecimal("income")
                              .divide(
                                  BigDecimal.valueOf(rs.getLong("won")), RoundingMode.HALF_UP)));
                  return row;
                })
            .list();
    List<ReportColumn> columns =
        List.of(
            ReportColumn.text("company"),
            ReportColumn.of("won", ColumnType.INTEGER),
            ReportColumn.of("income", ColumnType.MONEY),
            new ReportColumn("incomeShare", "report.column.incomeShare", ColumnType.PERCENT, false),
            new ReportColumn("averageDeal", "report.column.averageDeal", ColumnType.MONEY, false));
    Map<String, Object> totals = totals(columns, rows);
    BigDecimal all = (BigDecimal) totals.get("income");
    for (Map<String, Object> row : rows) {
      row.put("incomeShare", percent((BigDecimal) row.get("income"), all));
    }
    reorder(rows, columns);
    totals.put("incomeShare", rows.isEmpty() ? null : percent(all, all));
    return result(report, where, columns, rows, totals, ChartHint.bars("company", "income"), false);
  }

  // ---- 5: the won deals themselves

  private Report wonDeals(StandardReport report, Where where) {
    String condition =
        " WHERE s.semantic = 'WON' AND d.closed_at >= ? AND d.closed_at < ?" + where.sql();
    String sql =
        "SELECT d.id, d.title, d.closed_at, u.display_name AS manager, co.name AS company, "
            + BASE_AMOUNT
            + " AS amount, d.amount AS original_amount, d.currency,"
            + " (SELECT GROUP_CONCAT(r.name ORDER BY r.position SEPARATOR ', ')"
            + " FROM crm_deal_product_row r WHERE r.deal_id = d.id) AS products"
            + DEALS
            + " LEFT JOIN crm_user u ON u.id = d.responsible_id"
            + " LEFT JOIN crm_company co ON co.id = d.company_id"
            + condition
            + " ORDER BY d.closed_at DESC, d.id DESC LIMIT ?";
    List<Object> params = where.withPeriod();
    params.add(ROW_LIMIT + 1);
    List<Map<String, Object>> rows =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, i) -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", rs.getLong("id"));
                  row.put("deal", rs.getString("title"));
                  row.put("closedAt", rs.getTimestamp("closed_at").toLocalDateTime().toLocalDate());
                  row.put("manager", rs.getString("manager"));
                  row.put("company", rs.getString("company"));
                  row.put("products", rs.getString("products"));
                  row.put("originalAmount", rs.getBigDecimal("original_amount"));
                  row.put("currency", rs.getString("currency"));
                  row.put("amount", money(rs.getBigDecimal("amount")));
                  return row;
                })
            .list();
    List<ReportColumn> columns =
        List.of(
            ReportColumn.text("deal"),
            ReportColumn.of("closedAt", ColumnType.DATE),
            ReportColumn.text("manager"),
            ReportColumn.text("company"),
            ReportColumn.text("products"),
            ReportColumn.of("amount", ColumnType.MONEY));
    boolean truncated = rows.size() > ROW_LIMIT;
    // totals over every won deal, not only the rows returned
    Map<String, Object> totals =
        jdbc.sql(
                "SELECT COUNT(*) AS deals, COALESCE(SUM("
                    + BASE_AMOUNT
                    + "), 0) AS amount"
                    + DEALS
                    + condition)
            .params(where.withPeriod())
            .query(
                (rs, i) -> {
                  Map<String, Object> t = new LinkedHashMap<>();
                  t.put("deal", rs.getLong("deals"));
                  t.put("amount", money(rs.getBigDecimal("amount")));
                  return t;
                })
            .single();
    return result(
        report,
        where,
        columns,
        truncated ? rows.subList(0, ROW_LIMIT) : rows,
        totals,
        ChartHint.bars("manager", "amount"),
        truncated);
  }

  // ---- 6: open deals past their expected close date, per manager

  private Report overdue(StandardReport report, Where where) {
    LocalDate today = today();
    String sql =
        "SELECT d.responsible_id AS id, MAX(u.display_name) AS name, COUNT(*) AS deals, SUM("
            + BASE_AMOUNT
            + ") AS amount, MIN(d.expected_close_date) AS oldest"
            + DEALS
            + " LEFT JOIN crm_user u ON u.id = d.responsible_id"
            + " WHERE d.closed = FALSE AND d.expected_close_date >= ? AND d.expected_close_date <= ?"
            + " AND d.expected_close_date < ?"
            + where.sql()
            + " GROUP BY d.responsible_id ORDER BY deals DESC, amount DESC, name";
    List<Object> params =
        new ArrayList<>(
            List.of(
                Date.valueOf(where.parameters().from()),
                Date.valueOf(where.parameters().to()),
                Date.valueOf(today)));
    params.addAll(where.params());
    List<Map<String, Object>> rows =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, i) -> {
                  LocalDate oldest = rs.getDate("oldest").toLocalDate();
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", nullableLong(rs, "id"));
                  row.put("manager", rs.getString("name"));
                  row.put("deals", rs.getLong("deals"));
                  row.put("amount", money(rs.getBigDecimal("amount")));
                  row.put("oldestDue", oldest);
                  row.put("daysOverdue", today.toEpochDay() - oldest.toEpochDay());
                  return row;
                })
            .list();
    List<ReportColumn> columns =
        List.of(
            ReportColumn.text("manager"),
            ReportColumn.of("deals", ColumnType.INTEGER),
            ReportColumn.of("amount", ColumnType.MONEY),
            ReportColumn.of("oldestDue", ColumnType.DATE),
            new ReportColumn(
                "daysOverdue", "report.column.daysOverdue", ColumnType.INTEGER, false));
    return result(
        report,
        where,
        columns,
        rows,
        totals(columns, rows),
        ChartHint.bars("manager", "amount"),
        false);
  }

  // ---- 7: open deals due in the period, weighted by probability

  private Report expected(StandardReport report, Where where) {
    GroupBy groupBy = where.parameters().groupBy();
    String key =
        switch (groupBy) {
          case MANAGER -> "d.responsible_id";
          case TYPE -> "d.type";
          case CLIENT -> "d.company_id";
        };
    String label =
        switch (groupBy) {
          case MANAGER -> "MAX(u.display_name)";
          case TYPE -> "d.type";
          case CLIENT -> "MAX(co.name)";
        };
    String labelColumn =
        switch (groupBy) {
          case MANAGER -> "manager";
          case TYPE -> "type";
          case CLIENT -> "company";
        };
    String sql =
        "SELECT "
            + key
            + " AS id, "
            + label
            + " AS name, COUNT(*) AS deals, SUM("
            + BASE_AMOUNT
            + ") AS amount, SUM(ROUND(d.amount * cur.rate"
            + " * COALESCE(d.probability, s.probability, 0) / 100, 2)) AS weighted"
            + DEALS
            + " LEFT JOIN crm_user u ON u.id = d.responsible_id"
            + " LEFT JOIN crm_company co ON co.id = d.company_id"
            + " WHERE d.closed = FALSE AND d.expected_close_date >= ? AND d.expected_close_date <= ?"
            + where.sql()
            + " GROUP BY "
            + key
            + " ORDER BY weighted DESC, name";
    List<Object> params =
        new ArrayList<>(
            List.of(
                Date.valueOf(where.parameters().from()), Date.valueOf(where.parameters().to())));
    params.addAll(where.params());
    List<Map<String, Object>> rows =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, i) -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  if (groupBy != GroupBy.TYPE) {
                    row.put("id", nullableLong(rs, "id"));
                  }
                  row.put(labelColumn, rs.getString("name"));
                  row.put("deals", rs.getLong("deals"));
                  row.put("amount", money(rs.getBigDecimal("amount")));
                  row.put("weighted", money(rs.getBigDecimal("weighted")));
                  return row;
                })
            .list();
    List<ReportColumn> columns =
        List.of(
            ReportColumn.text(labelColumn),
            ReportColumn.of("deals", ColumnType.INTEGER),
            ReportColumn.of("amount", ColumnType.MONEY),
            ReportColumn.of("weighted", ColumnType.MONEY));
    return result(
        report,
        where,
        columns,
        rows,
        totals(columns, rows),
        ChartHint.bars(labelColumn, "weighted"),
        false);
  }

  // ---- 8: open deals now, per pipeline and stage

  private Report openByStage(StandardReport report, Where where) {
    String sql =
        "SELECT d.stage_id, COUNT(*) AS deals, SUM("
            + BASE_AMOUNT
            + ") AS amount"
            + DEALS
            + " WHERE d.closed = FALSE"
            + where.sql()
            + " GROUP BY d.stage_id";
    Map<Long, long[]> counts = new HashMap<>();
    Map<Long, BigDecimal> amounts = new HashMap<>();
    jdbc.sql(sql)
        .params(where.params())
        .query(
            (rs, i) -> {
              counts.put(rs.getLong("stage_id"), new long[] {rs.getLong("deals")});
              amounts.put(rs.getLong("stage_id"), rs.getBigDecimal("amount"));
              return null;
            })
        .list();
    List<OpenStage> stages = openStages(where.parameters().pipelineId());
    // pipelines with open deals, or the one asked for, so a hidden pipeline shows nothing
    Set<Long> shown = new LinkedHashSet<>();
    Map<Long, Long> pipelineTotals = new HashMap<>();
    for (OpenStage stage : stages) {
      long count = counts.getOrDefault(stage.id(), new long[] {0})[0];
      pipelineTotals.merge(stage.pipelineId(), count, Long::sum);
      if (count > 0 || Long.valueOf(stage.pipelineId()).equals(where.parameters().pipelineId())) {
        shown.add(stage.pipelineId());
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OpenStage stage : stages) {
      if (!shown.contains(stage.pipelineId())) {
        continue;
      }
      long count = counts.getOrDefault(stage.id(), new long[] {0})[0];
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", stage.id());
      row.put("pipeline", stage.pipelineName());
      row.put("stage", stage.name());
      row.put("deals", count);
      row.put("share", percent(count, pipelineTotals.get(stage.pipelineId())));
      row.put("amount", money(amounts.getOrDefault(stage.id(), BigDecimal.ZERO)));
      rows.add(row);
    }
    List<ReportColumn> columns =
        List.of(
            ReportColumn.text("pipeline"),
            ReportColumn.text("stage"),
            ReportColumn.of("deals", ColumnType.INTEGER),
            ReportColumn.of("share", ColumnType.PERCENT),
            ReportColumn.of("amount", ColumnType.MONEY));
    Map<String, Object> totals = totals(columns, rows);
    return result(report, where, columns, rows, totals, ChartHint.bars("stage", "amount"), false);
  }

  private record OpenStage(
      long id, long pipelineId, String pipelineName, String code, String name) {}

  private List<OpenStage> openStages(Long pipelineId) {
    return jdbc.sql(
            "SELECT s.id, s.pipeline_id, p.name AS pipeline_name, s.code, s.name"
                + " FROM crm_pipeline_stage s JOIN crm_pipeline p ON p.id = s.pipeline_id"
                + " WHERE s.semantic = 'OPEN' AND (? IS NULL OR s.pipeline_id = ?)"
                + " ORDER BY p.sort_order, p.id, s.sort_order")
        .params(pipelineId, pipelineId)
        .query(
            (rs, i) ->
                new OpenStage(
                    rs.getLong("id"),
                    rs.getLong("pipeline_id"),
                    rs.getString("pipeline_name"),
                    rs.getString("code"),
                    rs.getString("name")))
        .list();
  }

  // ---- 9: product rows of won deals

  private Report productIncome(StandardReport report, Where where) {
    // a row's total as ProductRow.total(): net rounded to cents, plus tax rounded to cents
    String net = "ROUND(r.quantity * r.price * (100 - r.discount_percent) / 100, 2)";
    String total = "(" + net + " + ROUND(" + net + " * r.tax_percent / 100, 2))";
    String sql =
        "SELECT r.product_id AS id, MAX(COALESCE(p.name, r.name)) AS name,"
            + " COUNT(DISTINCT d.id) AS deals, SUM(r.quantity) AS quantity,"
            + " SUM(ROUND("
            + total
            + " * cur.rate, 2)) AS amount"
            + DEALS
            + " JOIN crm_deal_product_row r ON r.deal_id = d.id"
            + " LEFT JOIN crm_product p ON p.id = r.product_id"
            + " WHERE s.semantic = 'WON' AND d.closed_at >= ? AND d.closed_at < ?"
            + where.sql()
            // rows without a catalog product are grouped by the name they were written with
            + " GROUP BY r.product_id, CASE WHEN r.product_id IS NULL THEN r.name END"
            + " ORDER BY amount DESC, name";
    List<Map<String, Object>> rows =
        jdbc.sql(sql)
            .params(where.withPeriod())
            .query(
                (rs, i) -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", nullableLong(rs, "id"));
                  row.put("product", rs.getString("name"));
                  row.put("deals", rs.getLong("deals"));
                  row.put("quantity", plain(rs.getBigDecimal("quantity")));
                  row.put("amount", money(rs.getBigDecimal("amount")));
                  return row;
                })
            .list();
    List<ReportColumn> columns =
        List.of(
            ReportColumn.text("product"),
            new ReportColumn("deals", "report.column.deals", ColumnType.INTEGER, false),
            ReportColumn.of("quantity", ColumnType.QUANTITY),
            ReportColumn.of("amount", ColumnType.MONEY));
    return result(
        report,
        where,
        columns,
        rows,
        totals(columns, rows),
        ChartHint.bars("product", "amount"),
        false);
  }

  // ---- the funnel

  /** The sales funnel of deals created in the period, per pipeline (see {@link Funnel}). */
  public Funnel funnel(ReportParameters parameters) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    Where where = where(parameters, Action.READ);
    // per deal the furthest open stage reached: its current one if open, and any open stage in
    // its history; then counted per (pipeline, outcome, furthest stage)
    String sql =
        "SELECT x.pipeline_id, x.semantic, x.reached, COUNT(*) AS deals, SUM(x.amount) AS amount"
            + " FROM (SELECT d.pipeline_id, s.semantic, "
            + BASE_AMOUNT
            + " AS amount, GREATEST(CASE WHEN s.semantic = 'OPEN' THEN s.sort_order ELSE -1 END,"
            + " COALESCE((SELECT MAX(hs.sort_order) FROM crm_deal_stage_history h"
            + " JOIN crm_pipeline_stage hs ON hs.id = h.to_stage_id"
            + " WHERE h.deal_id = d.id AND hs.semantic = 'OPEN'), -1)) AS reached"
            + DEALS
            + " WHERE d.created_at >= ? AND d.created_at < ?"
            + where.sql()
            + ") x GROUP BY x.pipeline_id, x.semantic, x.reached";
    List<Group> groups =
        jdbc.sql(sql)
            .params(where.withPeriod())
            .query(
                (rs, i) ->
                    new Group(
                        rs.getLong("pipeline_id"),
                        rs.getString("semantic"),
                        rs.getInt("reached"),
                        rs.getLong("deals"),
                        rs.getBigDecimal("amount")))
            .list();
    Set<Long> pipelines = new LinkedHashSet<>();
    groups.forEach(g -> pipelines.add(g.pipelineId()));
    List<Funnel.PipelineFunnel> result = new ArrayList<>();
    Map<Long, List<StageOrder>> stagesByPipeline = new LinkedHashMap<>();
    for (StageOrder stage : stageOrders(parameters.pipelineId())) {
      stagesByPipeline.computeIfAbsent(stage.pipelineId(), k -> new ArrayList<>()).add(stage);
    }
    if (pipelines.isEmpty()) {
      // nothing in the period: still show the stages of the asked (or first) pipeline with zeros
      stagesByPipeline.keySet().stream()
          .filter(id -> parameters.pipelineId() == null || id.equals(parameters.pipelineId()))
          .findFirst()
          .ifPresent(pipelines::add);
    }
    for (Map.Entry<Long, List<StageOrder>> entry : stagesByPipeline.entrySet()) {
      if (!pipelines.contains(entry.getKey())) {
        continue;
      }
      List<Group> mine = groups.stream().filter(g -> g.pipelineId() == entry.getKey()).toList();
      List<Funnel.Stage> stages = new ArrayList<>();
      Long previous = null;
      Map<Integer, StageOrder> bySortOrder = new HashMap<>();
      for (StageOrder stage : entry.getValue()) {
        if (!stage.semantic().equals("OPEN")) {
          continue;
        }
        bySortOrder.put(stage.sortOrder(), stage);
        long count = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (Group g : mine) {
          if (g.semantic().equals("WON") || g.reached() >= stage.sortOrder()) {
            count += g.deals();
            amount = amount.add(g.amount());
          }
        }
        BigDecimal conversion = previous == null || previous == 0 ? null : percent(count, previous);
        stages.add(
            new Funnel.Stage(
                stage.id(), stage.code(), stage.name(), count, money(amount), conversion));
        previous = count;
      }
      long entered = stages.isEmpty() ? 0 : stages.get(0).count();
      Funnel.Outcome won = outcome(mine, "WON", entered);
      Funnel.Outcome lost = outcome(mine, "LOST", entered);
      Map<Integer, Funnel.LostReason> reasons = new LinkedHashMap<>();
      for (Group g : mine) {
        if (g.semantic().equals("LOST")) {
          StageOrder at = bySortOrder.get(g.reached());
          reasons.merge(
              g.reached(),
              new Funnel.LostReason(
                  at == null ? null : at.id(),
                  at == null ? null : at.name(),
                  g.deals(),
                  g.amount()),
              (a, b) ->
                  new Funnel.LostReason(
                      a.stageId(),
                      a.stageName(),
                      a.count() + b.count(),
                      a.amount().add(b.amount())));
        }
      }
      List<Funnel.LostReason> lostReasons =
          reasons.values().stream()
              .map(
                  r ->
                      new Funnel.LostReason(
                          r.stageId(), r.stageName(), r.count(), money(r.amount())))
              .sorted(Comparator.comparingLong(Funnel.LostReason::count).reversed())
              .toList();
      result.add(
          new Funnel.PipelineFunnel(
              entry.getKey(),
              entry.getValue().get(0).pipelineName(),
              stages,
              won,
              lost,
              lostReasons));
    }
    return new Funnel(parameters, currencies.baseCode(), result);
  }

  private record StageOrder(
      long id,
      long pipelineId,
      String pipelineName,
      String code,
      String name,
      String semantic,
      int sortOrder) {}

  private List<StageOrder> stageOrders(Long pipelineId) {
    return jdbc.sql(
            "SELECT s.id, s.pipeline_id, p.name AS pipeline_name, s.code, s.name, s.semantic,"
                + " s.sort_order FROM crm_pipeline_stage s JOIN crm_pipeline p"
                + " ON p.id = s.pipeline_id WHERE (? IS NULL OR s.pipeline_id = ?)"
                + " ORDER BY p.sort_order, p.id, s.sort_order")
        .params(pipelineId, pipelineId)
        .query(
            (rs, i) ->
                new StageOrder(
                    rs.getLong("id"),
                    rs.getLong("pipeline_id"),
                    rs.getString("pipeline_name"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("semantic"),
                    rs.getInt("sort_order")))
        .list();
  }

  private static Funnel.Outcome outcome(List<Group> groups, String semantic, long entered) {
    long count = 0;
    BigDecimal amount = BigDecimal.ZERO;
    for (Group g : groups) {
      if (g.semantic().equals(semantic)) {
        count += g.deals();
        amount = amount.add(g.amount());
      }
    }
    return new Funnel.Outcome(count, money(amount), entered == 0 ? null : percent(count, entered));
  }

  /** Deals of one pipeline with one outcome (OPEN/WON/LOST) that got as far as {@code reached}. */
  private record Group(
      long pipelineId, String semantic, int reached, long deals, BigDecimal amount) {}

  // ---- scope and filters

  /**
   * The period as timestamps (from's start to the day after to's start, server time) and the
   * conditions every report adds: the caller's scope, then the optional filters.
   */
  private record Where(
      ReportParameters parameters,
      Timestamp start,
      Timestamp end,
      String sql,
      List<Object> params) {

    /** The period's two bounds followed by the filter parameters. */
    List<Object> withPeriod() {
      List<Object> all = new ArrayList<>(List.of(start, end));
      all.addAll(params);
      return all;
    }
  }

  private Where where(ReportParameters parameters, Action action) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    // "FALSE" as the visible-to-all column: a report counts the caller's scope only, never
    // colleagues' deals that happen to be visible to everybody; hidden pipelines stay hidden
    add(sql, params, policy.dealFilter(Action.READ, "d.responsible_id", "FALSE", "d.pipeline_id"));
    add(sql, params, policy.filter(EntityType.REPORT, Action.READ, "d.responsible_id"));
    if (action == Action.EXPORT) {
      add(sql, params, policy.filter(EntityType.REPORT, Action.EXPORT, "d.responsible_id"));
    }
    if (parameters.pipelineId() != null) {
      requireExists("pipelineId", "crm_pipeline", parameters.pipelineId());
      sql.append(" AND d.pipeline_id = ?");
      params.add(parameters.pipelineId());
    }
    if (parameters.responsibleId() != null) {
      requireExists("responsibleId", "crm_user", parameters.responsibleId());
      sql.append(" AND d.responsible_id = ?");
      params.add(parameters.responsibleId());
    }
    if (parameters.departmentId() != null) {
      requireExists("departmentId", "crm_department", parameters.departmentId());
      Set<Long> departments = departmentWithSubs(parameters.departmentId());
      sql.append(
              " AND d.responsible_id IN (SELECT du.id FROM crm_user du WHERE du.department_id IN (")
          .append(String.join(", ", Collections.nCopies(departments.size(), "?")))
          .append("))");
      params.addAll(departments);
    }
    return new Where(
        parameters,
        Timestamp.valueOf(parameters.from().atStartOfDay()),
        Timestamp.valueOf(parameters.to().plusDays(1).atStartOfDay()),
        sql.toString(),
        params);
  }

  private static void add(StringBuilder sql, List<Object> params, ScopeFilter filter) {
    sql.append(filter.andSql());
    params.addAll(filter.parameters());
  }

  /** {@code table} is one of the fixed names above, never request input. */
  private void requireExists(String parameter, String table, long id) {
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single()
            > 0;
    if (!exists) {
      throw new BadParameterException(parameter, "there is no record with id " + id);
    }
  }

  private Set<Long> departmentWithSubs(long department) {
    Map<Long, List<Long>> children = new HashMap<>();
    jdbc.sql("SELECT id, parent_id FROM crm_department WHERE parent_id IS NOT NULL")
        .query(
            (rs, i) ->
                children
                    .computeIfAbsent(rs.getLong("parent_id"), k -> new ArrayList<>())
                    .add(rs.getLong("id")))
        .list();
    Set<Long> all = new LinkedHashSet<>(List.of(department));
    Deque<Long> todo = new ArrayDeque<>(all);
    while (!todo.isEmpty()) {
      for (Long child : children.getOrDefault(todo.pop(), List.of())) {
        if (all.add(child)) {
          todo.push(child);
        }
      }
    }
    return all;
  }

  // ---- result building

  private Report result(
      StandardReport report,
      Where where,
      List<ReportColumn> columns,
      List<Map<String, Object>> rows,
      Map<String, Object> totals,
      ChartHint hint,
      boolean truncated) {
    return result(report, where, columns, rows, totals, hint, truncated, ROW_LIMIT);
  }

  private Report result(
      StandardReport report,
      Where where,
      List<ReportColumn> columns,
      List<Map<String, Object>> rows,
      Map<String, Object> totals,
      ChartHint hint,
      boolean truncated,
      int rowLimit) {
    boolean cut = truncated || rows.size() > rowLimit;
    List<Map<String, Object>> shown = rows.size() > rowLimit ? rows.subList(0, rowLimit) : rows;
    ColumnType valueType =
        columns.stream()
            .filter(c -> c.key().equals(hint.valueColumn()))
            .findFirst()
            .map(ReportColumn::type)
            .orElse(ColumnType.INTEGER);
    return new Report(
        report.code(),
        report.titleKey(),
        report.dateBasis(),
        where.parameters(),
        currencies.baseCode(),
        columns,
        List.copyOf(shown),
        totals,
        new Report.Chart(hint, valueType, bars(rows, hint)),
        cut);
  }

  /** Sums the value per label (a list report has several rows per manager), largest first. */
  private static List<Report.Bar> bars(List<Map<String, Object>> rows, ChartHint hint) {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Object label = row.get(hint.labelColumn());
      Object value = row.get(hint.valueColumn());
      BigDecimal number =
          value instanceof BigDecimal b
              ? b
              : value instanceof Number n ? BigDecimal.valueOf(n.longValue()) : BigDecimal.ZERO;
      sums.merge(label == null ? "" : label.toString(), number, BigDecimal::add);
    }
    return sums.entrySet().stream()
        .filter(e -> e.getValue().signum() > 0)
        .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
        .limit(CHART_BARS)
        .map(e -> new Report.Bar(e.getKey(), e.getValue()))
        .toList();
  }

  /** Sums of the summed columns over all rows; other columns stay empty. */
  private static Map<String, Object> totals(
      List<ReportColumn> columns, List<Map<String, Object>> rows) {
    Map<String, Object> totals = new LinkedHashMap<>();
    for (ReportColumn column : columns) {
      if (!column.summed()) {
        continue;
      }
      if (column.type() == ColumnType.INTEGER) {
        totals.put(
            column.key(),
            rows.stream().mapToLong(r -> ((Number) r.get(column.key())).longValue()).sum());
      } else {
        BigDecimal sum =
            rows.stream()
                .map(r -> (BigDecimal) r.get(column.key()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        totals.put(column.key(), column.type() == ColumnType.MONEY ? money(sum) : sum);
      }
    }
    return totals;
  }

  /** Puts each row's values in column order (ids first), for a stable JSON and CSV shape. */
  private static void reorder(List<Map<String, Object>> rows, List<ReportColumn> columns) {
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      Map<String, Object> ordered = new LinkedHashMap<>();
      if (row.containsKey("id")) {
        ordered.put("id", row.get("id"));
      }
      columns.forEach(c -> ordered.put(c.key(), row.get(c.key())));
      rows.set(i, ordered);
    }
  }

  /** Without trailing zeros, but never in exponent form (10, not 1E+1). */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole == null || whole.signum() == 0
        ? null
        : part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}

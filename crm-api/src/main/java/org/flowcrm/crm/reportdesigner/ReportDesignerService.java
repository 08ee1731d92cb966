package org.flowcrm.crm.reportdesigner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.currency.CurrencyService;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.permission.ScopeFilter;
import org.flowcrm.crm.report.StandardReport;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.ForbiddenException;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.PreconditionFailedException;
import org.flowcrm.crm.task.TaskService;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs designed reports and keeps saved definitions.
 *
 * <p>A run checks the definition against the catalogue ({@link DesignerQuery}), then adds the
 * caller's scope in SQL exactly as the standard reports do: his READ scope of the entity (deals:
 * the deal filter with "visible to all" not widening it and hidden pipelines left out), and his
 * REPORT scope (EXPORT too for CSV), all on the record's responsible. An entity he may not read at
 * all is a 403. The statement is bounded by {@link DesignerLimits}: rows beyond the row limit are
 * cut (the result says truncated), and MariaDB stops it after the statement time ({@code SET
 * STATEMENT max_statement_time=N FOR SELECT …}), which answers 422.
 *
 * <p>Definitions belong to their owner; shared with roles, every user with one of them can open and
 * run them (and sees his own scope's rows), only the owner changes or deletes them.
 */
@Service
@Transactional(readOnly = true)
public class ReportDesignerService {

  /** Bars a bar or pie chart shows at most (largest first); a line shows up to LINE_POINTS. */
  static final int CHART_BARS = 12;

  static final int LINE_POINTS = 100;

  /** MariaDB's error for a statement stopped by max_statement_time. */
  private static final int STATEMENT_TIMEOUT = 1969;

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final Catalogue catalogue;
  private final CurrencyService currencies;
  private final DesignerLimits limits;
  private final JsonMapper json;
  private final ActivityService activities;
  private final TaskService tasks;

  ReportDesignerService(
      JdbcClient jdbc,
      AccessPolicy policy,
      Catalogue catalogue,
      CurrencyService currencies,
      DesignerLimits limits,
      JsonMapper json,
      ActivityService activities,
      TaskService tasks) {
    this.activities = activities;
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.policy = policy;
    this.catalogue = catalogue;
    this.currencies = currencies;
    this.limits = limits;
    this.json = json;
  }

  public List<Catalogue.EntityView> catalogue() {
    policy.requireAny(EntityType.REPORT, Action.READ);
    return catalogue.views();
  }

  /** Runs an unsaved definition. */
  public DesignedReport preview(ReportDefinition definition) {
    return run(null, definition, Action.READ);
  }

  public DesignedReport run(long id) {
    DefinitionView view = get(id);
    return run(id, view.definition(), Action.READ);
  }

  /** As {@link #run(long)} for a CSV file: the REPORT EXPORT scope applies too. */
  public DesignedReport export(long id) {
    DefinitionView view = get(id);
    return run(id, view.definition(), Action.EXPORT);
  }

  // ---- saved definitions

  /** The caller's own definitions and those shared with one of his roles, by name. */
  public List<DefinitionView> list() {
    policy.requireAny(EntityType.REPORT, Action.READ);
    long caller = policy.callerId();
    List<Long> ids =
        jdbc.sql(
                "SELECT rd.id FROM crm_report_definition rd WHERE rd.owner_id = ? OR EXISTS"
                    + " (SELECT 1 FROM crm_report_definition_role rr JOIN crm_user_role ur"
                    + " ON ur.role_id = rr.role_id WHERE rr.definition_id = rd.id"
                    + " AND ur.user_id = ?) ORDER BY rd.name, rd.id")
            .params(caller, caller)
            .query(Long.class)
            .list();
    return ids.stream().map(this::load).toList();
  }

  /** 404 for a definition that does not exist or is neither the caller's nor shared with him. */
  public DefinitionView get(long id) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    DefinitionView view = load(id);
    if (!view.mine() && !sharedWithCaller(id)) {
      throw new NotFoundException("Report definition", id);
    }
    return view;
  }

  @Transactional
  public DefinitionView create(ReportDefinition definition) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    Checked checked = check(definition);
    Instant now = Instant.now();
    try {
      jdbc.sql(
              "INSERT INTO crm_report_definition (owner_id, name, entity, definition, version,"
                  + " created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)")
          .params(
              policy.callerId(),
              checked.name(),
              checked.entity().code(),
              stored(definition),
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw duplicateName(checked.name());
    }
    long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    share(id, checked.roles());
    return load(id);
  }

  @Transactional
  public DefinitionView update(long id, ReportDefinition definition, Long expectedVersion) {
    DefinitionView current = requireOwn(id, "change");
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new PreconditionFailedException(
          "Report definition "
              + id
              + " is at version "
              + current.version()
              + ", not "
              + expectedVersion
              + ": reload it");
    }
    Checked checked = check(definition);
    try {
      jdbc.sql(
              "UPDATE crm_report_definition SET name = ?, entity = ?, definition = ?,"
                  + " version = version + 1, updated_at = ? WHERE id = ?")
          .params(
              checked.name(),
              checked.entity().code(),
              stored(definition),
              Timestamp.from(Instant.now()),
              id)
          .update();
    } catch (DuplicateKeyException e) {
      throw duplicateName(checked.name());
    }
    jdbc.sql("DELETE FROM crm_report_definition_role WHERE definition_id = ?").param(id).update();
    share(id, checked.roles());
    return load(id);
  }

  @Transactional
  public void delete(long id, Long expectedVersion) {
    DefinitionView current = requireOwn(id, "delete");
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new PreconditionFailedException(
          "Report definition " + id + " is at version " + current.version() + ": reload it");
    }
    jdbc.sql("DELETE FROM crm_report_definition WHERE id = ?").param(id).update();
  }

  /**
   * Saves a copy of a standard report as the caller's definition, to start from. Those that are one
   * aggregate over one entity map; the others (per contact, overdue, the funnel) need more than a
   * definition can say, which is a 422 naming the report.
   */
  @Transactional
  public DefinitionView copyOfStandard(String code) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    ReportDefinition standard =
        StandardCopies.of(code)
            .orElseThrow(
                () ->
                    StandardCopies.known(code)
                        ? new InvalidFieldException(
                            "code",
                            "the standard report \""
                                + code
                                + "\" cannot be expressed as a designed report; start from"
                                + " another one")
                        : new NotFoundException("Report", code));
    String name = standard.name();
    for (int i = 2; nameTaken(name); i++) {
      name = standard.name() + " (" + i + ")";
    }
    return create(
        new ReportDefinition(
            name,
            standard.entity(),
            standard.columns(),
            standard.filters(),
            standard.groupBy(),
            standard.sort(),
            standard.chart(),
            standard.chartValue(),
            List.of()));
  }

  /**
   * The unsaved definition the designer page opens with for a standard report shown over {@code
   * from}–{@code to}: the copy above plus the report's period as a filter on its date (closed,
   * expected close, or for the deal-volume reports the deals created in the period, the "worked"
   * count), so the preview shows that report's figures and the user changes what he wants before
   * saving. Overdue deals are copied with the day before {@code today} as the latest due date. Deal
   * volume by contact has none (a deal counts for each of its contacts): 422.
   */
  public ReportDefinition draftOfStandard(
      String code, LocalDate from, LocalDate to, LocalDate today) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    StandardReport report =
        StandardReport.byCode(code).orElseThrow(() -> new NotFoundException("Report", code));
    if (report == StandardReport.OVERDUE_DEALS) {
      LocalDate last = to.isBefore(today) ? to : today.minusDays(1);
      return StandardCopies.overdue(from, last);
    }
    ReportDefinition copy =
        StandardCopies.of(code)
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        "code",
                        "the standard report \""
                            + code
                            + "\" cannot be expressed as a designed report; start from"
                            + " another one"));
    String dateField =
        switch (report.dateBasis()) {
          case CLOSED -> copy.entity().equals("deal-product-rows") ? "dealClosedAt" : "closedAt";
          case EXPECTED_CLOSE -> "expectedCloseDate";
          case CREATED, CREATED_OR_CLOSED -> "createdAt";
          case NONE -> null;
        };
    List<ReportDefinition.Filter> filters = new ArrayList<>(copy.filters());
    if (dateField != null) {
      filters.add(
          new ReportDefinition.Filter(
              dateField, "BETWEEN", List.of(from.toString(), to.toString())));
    }
    return new ReportDefinition(
        copy.name(),
        copy.entity(),
        copy.columns(),
        filters,
        copy.groupBy(),
        copy.sort(),
        copy.chart(),
        copy.chartValue(),
        List.of());
  }

  // ---- running

  private DesignedReport run(Long id, ReportDefinition definition, Action action) {
    policy.requireAny(EntityType.REPORT, Action.READ);
    if (action == Action.EXPORT) {
      policy.requireAny(EntityType.REPORT, Action.EXPORT);
    }
    DesignerEntity entity = entity(definition.entity());
    DesignerQuery query = DesignerQuery.compile(definition, entity, catalogue.fields(entity));
    StringBuilder scope = new StringBuilder();
    List<Object> params = new ArrayList<>();
    String owner = entity.alias() + ".responsible_id";
    if (entity.permission() != null) {
      policy.requireAny(entity.permission(), Action.READ);
    }
    if (entity.dealScoped()) {
      // as the standard reports: "visible to all" does not widen a report's figures
      add(scope, params, policy.dealFilter(Action.READ, owner, "FALSE", "d.pipeline_id"));
    } else if (entity.permission() != null) {
      add(scope, params, policy.filter(entity.permission(), Action.READ, owner));
    } else if (entity == DesignerEntity.ACTIVITIES) {
      // activities and tasks follow the records they are linked to
      add(scope, params, activities.readFilter(entity.alias()));
    } else if (entity == DesignerEntity.TASKS) {
      add(scope, params, tasks.readFilter(entity.alias()));
    }
    add(scope, params, policy.filter(EntityType.REPORT, Action.READ, owner));
    if (action == Action.EXPORT) {
      add(scope, params, policy.filter(EntityType.REPORT, Action.EXPORT, owner));
    }
    params.addAll(query.filterParams());
    int limit = limits.rowLimit();
    params.add(limit + 1);
    String sql =
        "SET STATEMENT max_statement_time="
            + limits.seconds()
            + " FOR "
            + query.sql(scope.toString(), Set.of());
    List<Map<String, Object>> rows;
    try {
      rows = jdbc.sql(sql).params(params).query((rs, i) -> row(rs, query.columns)).list();
    } catch (DataAccessException e) {
      if (isTimeout(e)) {
        throw new InvalidFieldException(
            "filters",
            "the report ran longer than the limit of "
                + limits.seconds()
                + " s and was stopped; narrow it with filters or fewer groups");
      }
      throw e;
    }
    boolean truncated = rows.size() > limit;
    if (truncated) {
      rows = new ArrayList<>(rows.subList(0, limit));
    }
    return new DesignedReport(
        id,
        definition.name(),
        entity.code(),
        currencies.baseCode(),
        query.columns,
        rows,
        totals(query, rows),
        chart(query, rows),
        truncated,
        limit);
  }

  private static void add(StringBuilder sql, List<Object> params, ScopeFilter filter) {
    sql.append(filter.andSql());
    params.addAll(filter.parameters());
  }

  private static Map<String, Object> row(ResultSet rs, List<DesignedReport.Column> columns)
      throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      DesignedReport.Column column = columns.get(i);
      String alias = "c" + i;
      Object value =
          switch (column.type()) {
            case TEXT -> rs.getString(alias);
            case INTEGER -> {
              long number = rs.getLong(alias);
              yield rs.wasNull() ? null : number;
            }
            case DECIMAL -> plain(rs.getBigDecimal(alias));
            case MONEY -> {
              BigDecimal amount = rs.getBigDecimal(alias);
              yield amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
            }
            case DATE -> {
              java.sql.Date day = rs.getDate(alias);
              yield day == null ? null : day.toLocalDate();
            }
            case DATETIME -> {
              Timestamp moment = rs.getTimestamp(alias);
              yield moment == null ? null : moment.toLocalDateTime();
            }
            case BOOLEAN -> {
              boolean flag = rs.getBoolean(alias);
              yield rs.wasNull() ? null : flag;
            }
          };
      row.put(column.key(), value);
    }
    return row;
  }

  /** Counts and sums over the rows returned (amount and number columns of a list, too). */
  private static Map<String, Object> totals(DesignerQuery query, List<Map<String, Object>> rows) {
    Map<String, Object> totals = new LinkedHashMap<>();
    for (DesignedReport.Column column : query.columns) {
      boolean summed =
          query.grouped
              ? "COUNT".equals(column.aggregate()) || "SUM".equals(column.aggregate())
              : column.type() == FieldType.MONEY || column.type() == FieldType.DECIMAL;
      if (column.group() || !summed) {
        continue;
      }
      if (column.type() == FieldType.INTEGER) {
        totals.put(
            column.key(),
            rows.stream()
                .map(r -> r.get(column.key()))
                .filter(v -> v != null)
                .mapToLong(v -> ((Number) v).longValue())
                .sum());
      } else {
        BigDecimal sum =
            rows.stream()
                .map(r -> (BigDecimal) r.get(column.key()))
                .filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        totals.put(
            column.key(),
            column.type() == FieldType.MONEY ? sum.setScale(2, RoundingMode.HALF_UP) : plain(sum));
      }
    }
    return totals;
  }

  /**
   * Bars labelled by the group columns (two levels joined with " · "), or in a list by its first
   * text column; bar and pie charts sum per label and show the largest first, a line keeps the
   * rows' order.
   */
  private static DesignedReport.Chart chart(DesignerQuery query, List<Map<String, Object>> rows) {
    List<DesignedReport.Column> labels =
        query.columns.stream().filter(DesignedReport.Column::group).toList();
    if (labels.isEmpty()) {
      labels = query.columns.stream().filter(c -> c.type() == FieldType.TEXT).limit(1).toList();
    }
    String value = query.chartValue;
    if (query.chart == ChartType.TABLE || value == null || labels.isEmpty()) {
      return new DesignedReport.Chart(query.chart, null, value, List.of());
    }
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      List<String> parts = new ArrayList<>();
      for (DesignedReport.Column label : labels) {
        Object part = row.get(label.key());
        parts.add(part == null ? "—" : part.toString());
      }
      Object number = row.get(value);
      BigDecimal amount =
          number instanceof BigDecimal b
              ? b
              : number instanceof Number n ? BigDecimal.valueOf(n.longValue()) : BigDecimal.ZERO;
      sums.merge(String.join(" · ", parts), amount, BigDecimal::add);
    }
    List<DesignedReport.Bar> bars =
        query.chart == ChartType.LINE
            ? sums.entrySet().stream()
                .limit(LINE_POINTS)
                .map(e -> new DesignedReport.Bar(e.getKey(), e.getValue()))
                .toList()
            : sums.entrySet().stream()
                .filter(e -> e.getValue().signum() > 0)
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .limit(CHART_BARS)
                .map(e -> new DesignedReport.Bar(e.getKey(), e.getValue()))
                .toList();
    return new DesignedReport.Chart(query.chart, labels.get(0).key(), value, bars);
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == STATEMENT_TIMEOUT) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  // ---- checks and storage

  private record Checked(String name, DesignerEntity entity, List<Long> roles) {}

  /** A definition fit to save: named, over a known entity, compiling, shared with known roles. */
  private Checked check(ReportDefinition definition) {
    String name = definition.name() == null ? "" : definition.name().strip();
    if (name.isEmpty()) {
      throw new BadParameterException("name", "give the report a name");
    }
    if (name.length() > 150) {
      throw new BadParameterException("name", "must be at most 150 characters");
    }
    DesignerEntity entity = entity(definition.entity());
    DesignerQuery.compile(definition, entity, catalogue.fields(entity));
    List<Long> roles = new ArrayList<>();
    for (int i = 0; i < definition.sharedWithRoles().size(); i++) {
      String code = definition.sharedWithRoles().get(i);
      Long role =
          code == null
              ? null
              : jdbc.sql("SELECT id FROM crm_role WHERE code = ?")
                  .param(code.strip())
                  .query(Long.class)
                  .optional()
                  .orElse(null);
      if (role == null) {
        throw new BadParameterException(
            "sharedWithRoles[" + i + "]", "unknown role \"" + code + "\"");
      }
      roles.add(role);
    }
    return new Checked(name, entity, roles);
  }

  private static DesignerEntity entity(String code) {
    if (code == null || code.isBlank()) {
      throw new BadParameterException("entity", "give an entity, e.g. deals");
    }
    return DesignerEntity.byCode(code.strip())
        .orElseThrow(
            () ->
                new BadParameterException(
                    "entity",
                    "unknown entity \""
                        + (code.length() > 60 ? code.substring(0, 60) : code)
                        + "\"; use one of "
                        + java.util.Arrays.stream(DesignerEntity.values())
                            .map(DesignerEntity::code)
                            .toList()));
  }

  /** The JSON document stored: the definition without name and roles (those have columns). */
  private String stored(ReportDefinition d) {
    return json.writeValueAsString(
        new ReportDefinition(
            null,
            d.entity().strip(),
            d.columns(),
            d.filters(),
            d.groupBy(),
            d.sort(),
            d.chart(),
            d.chartValue(),
            null));
  }

  private void share(long id, List<Long> roles) {
    for (Long role : new LinkedHashSet<>(roles)) {
      jdbc.sql("INSERT INTO crm_report_definition_role (definition_id, role_id) VALUES (?, ?)")
          .params(id, role)
          .update();
    }
  }

  private DefinitionView load(long id) {
    long caller = policy.callerId();
    List<String> roles =
        jdbc.sql(
                "SELECT r.code FROM crm_report_definition_role rr JOIN crm_role r"
                    + " ON r.id = rr.role_id WHERE rr.definition_id = ? ORDER BY r.code")
            .param(id)
            .query(String.class)
            .list();
    return jdbc.sql(
            "SELECT rd.id, rd.version, rd.name, rd.entity, rd.owner_id, u.display_name,"
                + " rd.definition, rd.updated_at FROM crm_report_definition rd"
                + " JOIN crm_user u ON u.id = rd.owner_id WHERE rd.id = ?")
        .param(id)
        .query(
            (rs, i) -> {
              ReportDefinition stored =
                  json.readValue(rs.getString("definition"), ReportDefinition.class);
              ReportDefinition definition =
                  new ReportDefinition(
                      rs.getString("name"),
                      rs.getString("entity"),
                      stored.columns(),
                      stored.filters(),
                      stored.groupBy(),
                      stored.sort(),
                      stored.chart(),
                      stored.chartValue(),
                      roles);
              return new DefinitionView(
                  rs.getLong("id"),
                  rs.getLong("version"),
                  rs.getString("name"),
                  rs.getString("entity"),
                  rs.getLong("owner_id"),
                  rs.getString("display_name"),
                  rs.getLong("owner_id") == caller,
                  definition,
                  rs.getTimestamp("updated_at").toInstant());
            })
        .optional()
        .orElseThrow(() -> new NotFoundException("Report definition", id));
  }

  private boolean sharedWithCaller(long id) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM crm_report_definition_role rr JOIN crm_user_role ur"
                    + " ON ur.role_id = rr.role_id WHERE rr.definition_id = ? AND ur.user_id = ?")
            .params(id, policy.callerId())
            .query(Long.class)
            .single()
        > 0;
  }

  private DefinitionView requireOwn(long id, String what) {
    DefinitionView view = get(id);
    if (!view.mine()) {
      throw new ForbiddenException(
          what.toUpperCase(java.util.Locale.ROOT),
          "REPORT_DEFINITION",
          "Only the owner (" + view.ownerName() + ") may " + what + " a shared report definition");
    }
    return view;
  }

  private boolean nameTaken(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM crm_report_definition WHERE owner_id = ? AND name = ?")
            .params(policy.callerId(), name)
            .query(Long.class)
            .single()
        > 0;
  }

  private static BadParameterException duplicateName(String name) {
    return new BadParameterException(
        "name", "you already have a report definition named \"" + name + "\"");
  }
}

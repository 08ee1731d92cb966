package org.flowcrm.crm.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.flowcrm.crm.shared.BadParameterException;

/**
 * What a report is asked for: the period ({@code from} and {@code to}, both days included; the
 * current month by default), and optional filters by pipeline, responsible user and department
 * (with its sub-departments). {@code groupBy} is used by expected sales only.
 */
public record ReportParameters(
    LocalDate from,
    LocalDate to,
    Long pipelineId,
    Long responsibleId,
    Long departmentId,
    GroupBy groupBy) {

  /** The longest period a report covers, so a typo in a year cannot scan the whole history. */
  static final int MAX_DAYS = 366 * 5;

  public ReportParameters {
    if (from.isAfter(to)) {
      throw new BadParameterException("to", "must not be before from (" + from + ")");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new BadParameterException("to", "the period may span at most 5 years");
    }
    groupBy = groupBy == null ? GroupBy.MANAGER : groupBy;
  }

  /** The current month in {@code today}'s calendar, without filters. */
  public static ReportParameters currentMonth(LocalDate today) {
    LocalDate first = today.withDayOfMonth(1);
    return new ReportParameters(
        first, first.plusMonths(1).minusDays(1), null, null, null, GroupBy.MANAGER);
  }

  /**
   * Parses query parameters as given; a missing {@code from}/{@code to} defaults to the current
   * month's first/last day. A value that does not parse is a 400 naming the parameter.
   */
  public static ReportParameters parse(
      String from,
      String to,
      String pipelineId,
      String responsibleId,
      String departmentId,
      String groupBy,
      LocalDate today) {
    ReportParameters month = currentMonth(today);
    return new ReportParameters(
        date("from", from, month.from()),
        date("to", to, month.to()),
        id("pipelineId", pipelineId),
        id("responsibleId", responsibleId),
        id("departmentId", departmentId),
        groupBy(groupBy));
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException(name, "must be a date like 2026-01-31, not '" + value + "'");
    }
  }

  private static Long id(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadParameterException(name, "must be a positive id, not '" + value + "'");
  }

  private static GroupBy groupBy(String value) {
    if (value == null || value.isBlank()) {
      return GroupBy.MANAGER;
    }
    try {
      return GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("groupBy", "must be one of MANAGER, TYPE, CLIENT");
    }
  }
}

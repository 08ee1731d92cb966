package org.flowcrm.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO 8601 timer values as Zeebe reads them: a duration ({@code PT15M}, {@code P1DT2H}, {@code
 * P1M}), a date-time with offset or zone (a local date-time is read as UTC), a repeating interval
 * {@code R<n>/<duration>}, {@code R/<duration>} (unbounded) or {@code R<n>/<start>/<duration>}.
 */
public final class Timers {

  private Timers() {}

  /**
   * When a timer is due and how often it repeats.
   *
   * @param dueDate epoch millis of the first (or only) firing
   * @param repetitions firings left including this one; -1 = unbounded
   * @param interval the duration between firings of a cycle (null for a single firing)
   */
  public record Schedule(long dueDate, int repetitions, String interval) {}

  /** A problem with a static timer value, or null when it is fine. */
  public static String check(FlowNode.TimerKind kind, String text) {
    try {
      schedule(kind, text, 0);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Reads a timer value; throws IllegalArgumentException saying what is wrong. */
  public static Schedule schedule(FlowNode.TimerKind kind, String text, long now) {
    String value = text == null ? "" : text.trim();
    return switch (kind) {
      case DURATION -> new Schedule(plus(now, duration(value)), 1, null);
      case DATE -> new Schedule(date(value), 1, null);
      case CYCLE -> cycle(value, now);
    };
  }

  private static Schedule cycle(String value, long now) {
    String[] parts = value.split("/");
    if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("R")) {
      throw new IllegalArgumentException(
          "Invalid timer cycle '"
              + value
              + "': expected a repeating interval such as 'R5/PT10S' (cron expressions are not"
              + " supported)");
    }
    int repetitions;
    try {
      repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid timer cycle '" + value + "': the repetition count is not a number");
    }
    if (repetitions == 0) {
      throw new IllegalArgumentException(
          "Invalid timer cycle '" + value + "': it repeats zero times");
    }
    String interval = parts[parts.length - 1];
    Object[] parsed = duration(interval);
    long due = parts.length == 3 ? date(parts[1]) : plus(now, parsed);
    if (plus(0, parsed) <= 0) {
      throw new IllegalArgumentException(
          "Invalid timer cycle '" + value + "': the interval must be positive");
    }
    return new Schedule(due, repetitions, interval);
  }

  /** The next firing of a cycle, {@code interval} after {@code from}. */
  public static long next(String interval, long from) {
    return plus(from, duration(interval));
  }

  /** A duration as (Period, Duration): months and years need a calendar. */
  private static Object[] duration(String value) {
    try {
      if (!value.startsWith("P") && !value.startsWith("-P")) {
        throw new DateTimeParseException("not a duration", value, 0);
      }
      int t = value.indexOf('T');
      String datePart = t < 0 ? value : value.substring(0, t);
      String timePart = t < 0 ? null : "PT" + value.substring(t + 1);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      Duration duration = timePart == null ? Duration.ZERO : Duration.parse(timePart);
      return new Object[] {period, duration};
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid timer duration '" + value + "': expected an ISO 8601 duration such as 'PT15M'");
    }
  }

  private static long plus(long from, Object[] duration) {
    ZonedDateTime start = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC);
    return start.plus((Period) duration[0]).plus((Duration) duration[1]).toInstant().toEpochMilli();
  }

  private static long date(String value) {
    try {
      return ZonedDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value).toInstant().toEpochMilli();
      } catch (DateTimeParseException again) {
        try {
          return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException last) {
          throw new IllegalArgumentException(
              "Invalid timer date '"
                  + value
                  + "': expected an ISO 8601 date-time such as '2026-01-01T09:00:00Z'");
        }
      }
    }
  }
}

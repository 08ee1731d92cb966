package org.flowcrm.engine.state;

/**
 * A timer waiting to fire: of an intermediate catch event, a boundary event (owned by the activity
 * it is attached to) or a timer start event (no instance). Persisted with its process instance,
 * start timers with the deployed process.
 */
public final class Timer {

  public long key;

  /** 0 for a timer start event. */
  public long processInstanceKey;

  /** The element instance whose scope owns the timer (the catch event, or the activity). */
  public long elementInstanceKey;

  /** The timer event to trigger. */
  public String targetElementId;

  public long processDefinitionKey;

  /** Epoch millis; never fires before. */
  public long dueDate;

  /** Firings left including the next one; -1 = unbounded. */
  public int repetitions = 1;

  /** A cycle's interval (ISO 8601), null for a single firing. */
  public String interval;
}

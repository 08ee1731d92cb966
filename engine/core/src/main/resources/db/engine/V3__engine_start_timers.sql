-- Timers of timer start events (no process instance yet): one row per scheduled timer, its due
-- date and remaining repetitions as JSON. Instance timers live in their instance's JSON.
CREATE TABLE engine_start_timer (
  timer_key BIGINT NOT NULL PRIMARY KEY,
  content BLOB NOT NULL
) ENGINE = InnoDB;

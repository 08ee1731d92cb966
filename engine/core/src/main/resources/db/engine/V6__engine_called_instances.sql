-- Instances started by a call activity remember their parent after they end, so a query for a
-- finished child still names the instance (and the call activity's element instance) that called it.
ALTER TABLE engine_process_instance_history
  ADD COLUMN parent_process_instance_key BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN parent_element_instance_key BIGINT NOT NULL DEFAULT 0;

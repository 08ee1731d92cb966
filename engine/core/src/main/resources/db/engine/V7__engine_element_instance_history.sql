-- Element instances that ended (COMPLETED or TERMINATED), one row each, inserted in the same batch
-- transaction that removed the element from its instance. Active element instances live in their
-- instance's JSON (engine_process_instance), so together the two tables hold every element
-- instance's lifecycle: what process analytics (passed counts, time spent per element) reads.
-- element_name and element_type are copied from the deployed model so searches filter in SQL.
CREATE TABLE engine_element_instance_history (
  element_instance_key BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  element_name VARCHAR(255) NOT NULL,
  element_type VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL,
  start_time BIGINT NOT NULL,
  end_time BIGINT NOT NULL,
  incident_key BIGINT NOT NULL DEFAULT 0,
  flow_scope_key BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL,
  KEY ix_engine_element_history_instance (process_instance_key),
  KEY ix_engine_element_history_definition (definition_key, element_id, state),
  KEY ix_engine_element_history_process (bpmn_process_id, element_id)
) ENGINE = InnoDB;

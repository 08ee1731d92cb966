-- User tasks (zeebe:userTask): one row per task, written in the batch that created, changed,
-- completed or cancelled it. Open tasks also live in their instance's JSON (the engine's working
-- copy); this table is the history that keeps COMPLETED and CANCELED tasks searchable.
CREATE TABLE engine_user_task (
  task_key BIGINT NOT NULL PRIMARY KEY,
  process_instance_key BIGINT NOT NULL,
  element_id VARCHAR(255) NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  state VARCHAR(16) NOT NULL,
  assignee VARCHAR(255),
  creation_date BIGINT NOT NULL,
  completion_date BIGINT NOT NULL,
  content LONGBLOB NOT NULL,
  KEY ix_engine_user_task_instance (process_instance_key),
  KEY ix_engine_user_task_state (state, task_key)
) ENGINE = InnoDB;

-- The embedded engine's state. Running instances are one JSON document each (see JdbcEngineStore).
CREATE TABLE engine_key (
  id TINYINT NOT NULL PRIMARY KEY,
  next_key BIGINT NOT NULL
) ENGINE = InnoDB;

INSERT INTO engine_key (id, next_key) VALUES (1, 0);

CREATE TABLE engine_process_definition (
  definition_key BIGINT NOT NULL PRIMARY KEY,
  bpmn_process_id VARCHAR(255) NOT NULL,
  version INT NOT NULL,
  resource_name VARCHAR(1024) NOT NULL,
  resource LONGBLOB NOT NULL,
  checksum CHAR(64) NOT NULL,
  deployment_key BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL,
  deploy_time BIGINT NOT NULL,
  UNIQUE KEY uk_engine_process_definition_version (tenant_id, bpmn_process_id, version)
) ENGINE = InnoDB;

CREATE TABLE engine_process_instance (
  instance_key BIGINT NOT NULL PRIMARY KEY,
  state LONGBLOB NOT NULL
) ENGINE = InnoDB;

CREATE TABLE engine_process_instance_history (
  instance_key BIGINT NOT NULL PRIMARY KEY,
  definition_key BIGINT NOT NULL,
  bpmn_process_id VARCHAR(255) NOT NULL,
  version INT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL,
  state VARCHAR(16) NOT NULL,
  start_time BIGINT NOT NULL,
  end_time BIGINT NOT NULL,
  variables LONGBLOB,
  KEY ix_engine_history_process (bpmn_process_id, end_time)
) ENGINE = InnoDB;

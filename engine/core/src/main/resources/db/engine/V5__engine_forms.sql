-- Deployed forms (Camunda Forms JSON): one row per form version. A user task linking a form by
-- its id gets the key of the latest version deployed when the task is created.
CREATE TABLE engine_form (
  form_key BIGINT NOT NULL PRIMARY KEY,
  form_id VARCHAR(255) NOT NULL,
  version INT NOT NULL,
  resource_name VARCHAR(1024) NOT NULL,
  form_schema LONGBLOB NOT NULL,
  checksum CHAR(64) NOT NULL,
  deployment_key BIGINT NOT NULL,
  tenant_id VARCHAR(255) NOT NULL,
  deploy_time BIGINT NOT NULL,
  UNIQUE KEY uk_engine_form_version (tenant_id, form_id, version)
) ENGINE = InnoDB;

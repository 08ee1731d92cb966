-- Report designer: definitions a user saved (entity, columns, filters, grouping, sort, chart as
-- one JSON document checked against the field catalogue by ReportDesignerService on every save
-- and run), and the roles each one is shared with. Readers of a shared definition still see only
-- the rows of their own scope: the scope is applied when it runs, never stored.

CREATE TABLE crm_report_definition (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  owner_id    BIGINT        NOT NULL,
  name        VARCHAR(150)  NOT NULL,
  entity      VARCHAR(30)   NOT NULL,
  definition  LONGTEXT      NOT NULL CHECK (JSON_VALID(definition)),
  version     BIGINT        NOT NULL DEFAULT 0,
  created_at  DATETIME(6)   NOT NULL,
  updated_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_report_definition_name (owner_id, name),
  CONSTRAINT fk_crm_report_definition_owner FOREIGN KEY (owner_id) REFERENCES crm_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_report_definition_role (
  definition_id BIGINT NOT NULL,
  role_id       BIGINT NOT NULL,
  PRIMARY KEY (definition_id, role_id),
  KEY ix_crm_report_definition_role_role (role_id),
  CONSTRAINT fk_crm_report_definition_role_definition FOREIGN KEY (definition_id) REFERENCES crm_report_definition (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_report_definition_role_role FOREIGN KEY (role_id) REFERENCES crm_role (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Departments (a hierarchy with a head), users in departments with presence, the permission matrix
-- per role (entity x action -> scope) with the four default roles' rows, deal restrictions per
-- pipeline and target stage, and the system user that processes act as.

CREATE TABLE crm_department (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  name         VARCHAR(200) NOT NULL,
  parent_id    BIGINT       NULL,
  head_user_id BIGINT       NULL,
  version      BIGINT       NOT NULL DEFAULT 0,
  created_at   DATETIME(6)  NOT NULL,
  updated_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_department_parent (parent_id),
  KEY ix_crm_department_head (head_user_id),
  CONSTRAINT fk_crm_department_parent FOREIGN KEY (parent_id) REFERENCES crm_department (id),
  CONSTRAINT fk_crm_department_head FOREIGN KEY (head_user_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE crm_user
  ADD COLUMN department_id BIGINT      NULL AFTER password_hash,
  ADD COLUMN presence      VARCHAR(10) NOT NULL DEFAULT 'WORKING' AFTER department_id,
  ADD KEY ix_crm_user_department (department_id),
  ADD CONSTRAINT fk_crm_user_department FOREIGN KEY (department_id) REFERENCES crm_department (id),
  ADD CONSTRAINT ck_crm_user_presence CHECK (presence IN ('WORKING', 'AWAY'));

-- Built-in roles keep their code; PROCESS is reserved for the system user.
ALTER TABLE crm_role
  ADD COLUMN built_in BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE crm_role SET built_in = TRUE;
INSERT INTO crm_role (code, name, built_in) VALUES ('PROCESS', 'Process (system user)', TRUE);

-- One row per role, entity type and action; a missing row means NONE.
CREATE TABLE crm_role_permission (
  role_id     BIGINT      NOT NULL,
  entity_type VARCHAR(20) NOT NULL,
  action      VARCHAR(20) NOT NULL,
  scope       VARCHAR(30) NOT NULL,
  PRIMARY KEY (role_id, entity_type, action),
  CONSTRAINT fk_crm_role_permission_role FOREIGN KEY (role_id) REFERENCES crm_role (id) ON DELETE CASCADE,
  CONSTRAINT ck_crm_role_permission_entity CHECK (entity_type IN
    ('LEAD', 'CONTACT', 'COMPANY', 'DEAL', 'QUOTE', 'INVOICE', 'PRODUCT', 'REPORT')),
  CONSTRAINT ck_crm_role_permission_action CHECK (action IN
    ('READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT', 'IMPORT')),
  CONSTRAINT ck_crm_role_permission_scope CHECK (scope IN
    ('NONE', 'OWN', 'DEPARTMENT', 'DEPARTMENT_AND_SUBS', 'ALL'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Deal restrictions of a role: with a stage (or a stage semantic) the role may not move deals into
-- it; with only a pipeline the role does not see that pipeline's deals at all.
CREATE TABLE crm_role_deal_restriction (
  id             BIGINT      NOT NULL AUTO_INCREMENT,
  role_id        BIGINT      NOT NULL,
  pipeline_id    BIGINT      NULL,
  stage_id       BIGINT      NULL,
  stage_semantic VARCHAR(10) NULL,
  PRIMARY KEY (id),
  KEY ix_crm_role_deal_restriction_role (role_id),
  CONSTRAINT fk_crm_role_deal_restriction_role FOREIGN KEY (role_id) REFERENCES crm_role (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_role_deal_restriction_pipeline FOREIGN KEY (pipeline_id) REFERENCES crm_pipeline (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_role_deal_restriction_stage FOREIGN KEY (stage_id) REFERENCES crm_pipeline_stage (id) ON DELETE CASCADE,
  CONSTRAINT ck_crm_role_deal_restriction_semantic CHECK (stage_semantic IS NULL OR stage_semantic IN ('OPEN', 'WON', 'LOST'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Defaults. Manager: his own records (products: read the catalog). Head of department: his
-- department and its sub-departments. Director: everything except deleting. Administrator and
-- the processes' system user: everything. Products have no owner: any scope but NONE means all.
INSERT INTO crm_role_permission (role_id, entity_type, action, scope)
SELECT r.id, e.entity_type, a.action,
  CASE
    WHEN r.code IN ('ADMINISTRATOR', 'PROCESS') THEN 'ALL'
    WHEN r.code = 'DIRECTOR' THEN IF(a.action = 'DELETE', 'NONE', 'ALL')
    WHEN e.entity_type = 'PRODUCT' THEN IF(a.action IN ('READ', 'EXPORT') AND (a.action = 'READ' OR r.code <> 'MANAGER'), 'ALL', 'NONE')
    WHEN e.entity_type = 'REPORT' THEN IF(a.action IN ('READ', 'EXPORT'), IF(r.code = 'MANAGER', 'OWN', 'DEPARTMENT_AND_SUBS'), 'NONE')
    WHEN r.code = 'MANAGER' THEN 'OWN'
    WHEN r.code = 'HEAD_OF_DEPARTMENT' THEN 'DEPARTMENT_AND_SUBS'
    ELSE 'NONE'
  END
FROM crm_role r
CROSS JOIN (SELECT 'LEAD' AS entity_type UNION ALL SELECT 'CONTACT' UNION ALL SELECT 'COMPANY'
            UNION ALL SELECT 'DEAL' UNION ALL SELECT 'QUOTE' UNION ALL SELECT 'INVOICE'
            UNION ALL SELECT 'PRODUCT' UNION ALL SELECT 'REPORT') e
CROSS JOIN (SELECT 'READ' AS action UNION ALL SELECT 'CREATE' UNION ALL SELECT 'UPDATE'
            UNION ALL SELECT 'DELETE' UNION ALL SELECT 'EXPORT' UNION ALL SELECT 'IMPORT') a;

-- The user processes act as. No password, and sign-in refuses the PROCESS role anyway.
INSERT INTO crm_user (login, display_name, email, password_hash, active, version, created_at, updated_at)
VALUES ('system', 'System (processes)', NULL, NULL, TRUE, 0, NOW(6), NOW(6));
INSERT INTO crm_user_role (user_id, role_id)
SELECT u.id, r.id FROM crm_user u, crm_role r WHERE u.login = 'system' AND r.code = 'PROCESS';

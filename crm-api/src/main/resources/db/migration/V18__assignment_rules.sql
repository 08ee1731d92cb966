-- Assignment rules: an ordered list the crm.assign-responsible worker walks for a new lead or deal;
-- the first active rule whose conditions all hold decides (a user, round robin in a department, or
-- nobody). No rule matching means round robin among the present managers, as before.
CREATE TABLE crm_assignment_rule (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  position             INT           NOT NULL,
  name                 VARCHAR(200)  NOT NULL,
  active               BOOLEAN       NOT NULL DEFAULT TRUE,
  entity_type          VARCHAR(10)   NULL,
  min_amount           DECIMAL(17,2) NULL,
  max_amount           DECIMAL(17,2) NULL,
  product_section_id   BIGINT        NULL,
  client_type          VARCHAR(10)   NULL,
  vip                  BOOLEAN       NULL,
  source               VARCHAR(20)   NULL,
  target               VARCHAR(12)   NOT NULL,
  target_user_id       BIGINT        NULL,
  target_department_id BIGINT        NULL,
  version              BIGINT        NOT NULL DEFAULT 0,
  created_at           DATETIME(6)   NOT NULL,
  updated_at           DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_assignment_rule_position (position, id),
  CONSTRAINT ck_crm_assignment_rule_target CHECK (target IN ('USER', 'DEPARTMENT', 'UNASSIGNED'))
);

-- VIP clients: a rule can send their leads and deals to a senior manager.
ALTER TABLE crm_company ADD COLUMN vip BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE crm_contact ADD COLUMN vip BOOLEAN NOT NULL DEFAULT FALSE;

-- Catch-up of lost lead starts: when a start was last attempted for a lead without a process, so
-- two application instances (or a catch-up racing the regular start) never start it twice.
ALTER TABLE crm_lead
  ADD COLUMN process_start_claimed_at DATETIME(6) NULL,
  ADD KEY ix_crm_lead_without_process (process_instance_key, created_at);

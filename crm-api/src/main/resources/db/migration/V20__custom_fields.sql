-- Custom fields: definitions administered at runtime; values live with each record as a JSON
-- object keyed by field code (MariaDB's JSON is LONGTEXT with a JSON_VALID check), filtered with
-- JSON_VALUE in list queries.

CREATE TABLE crm_custom_field (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  entity      VARCHAR(20)   NOT NULL,
  code        VARCHAR(40)   NOT NULL,
  label       VARCHAR(100)  NOT NULL,
  type        VARCHAR(20)   NOT NULL,
  required    BOOLEAN       NOT NULL DEFAULT FALSE,
  options     TEXT          NULL,
  position    INT           NOT NULL DEFAULT 0,
  version     BIGINT        NOT NULL DEFAULT 0,
  created_at  DATETIME(6)   NOT NULL,
  updated_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_custom_field_code (entity, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE crm_lead ADD COLUMN custom_fields JSON NULL;
ALTER TABLE crm_contact ADD COLUMN custom_fields JSON NULL;
ALTER TABLE crm_company ADD COLUMN custom_fields JSON NULL;
ALTER TABLE crm_deal ADD COLUMN custom_fields JSON NULL;
ALTER TABLE crm_product ADD COLUMN custom_fields JSON NULL;

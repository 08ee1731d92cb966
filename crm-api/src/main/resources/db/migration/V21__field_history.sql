-- Change history: one row per changed field of a lead, contact, company, deal or product, written by
-- a Hibernate flush listener in the same transaction as the change.

CREATE TABLE crm_field_change (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  entity_type  VARCHAR(20)   NOT NULL,
  entity_id    BIGINT        NOT NULL,
  field        VARCHAR(100)  NOT NULL,
  old_value    TEXT          NULL,
  new_value    TEXT          NULL,
  changed_by   BIGINT        NULL,
  changed_at   DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_field_change_record (entity_type, entity_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Authentication: password hashes on users, default roles, and an audit log of sign-ins.
-- The permission matrix per role (entity x action x scope) builds on crm_role.

ALTER TABLE crm_user
  ADD COLUMN password_hash VARCHAR(255) NULL AFTER email;

CREATE TABLE crm_role (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  code        VARCHAR(60)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_role_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO crm_role (code, name) VALUES
  ('MANAGER', 'Manager'),
  ('HEAD_OF_DEPARTMENT', 'Head of department'),
  ('DIRECTOR', 'Director'),
  ('ADMINISTRATOR', 'Administrator');

CREATE TABLE crm_user_role (
  user_id BIGINT NOT NULL,
  role_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, role_id),
  CONSTRAINT fk_crm_user_role_user FOREIGN KEY (user_id) REFERENCES crm_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_user_role_role FOREIGN KEY (role_id) REFERENCES crm_role (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_audit_event (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at    DATETIME(6)   NOT NULL,
  principal      VARCHAR(100)  NULL,
  event_type     VARCHAR(60)   NOT NULL,
  detail         VARCHAR(1000) NULL,
  remote_address VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  KEY ix_crm_audit_event_time (occurred_at),
  KEY ix_crm_audit_event_principal (principal, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

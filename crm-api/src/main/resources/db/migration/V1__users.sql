-- Flowcrm CRM, foundation: the users records are assigned to.
-- Roles and permissions are added by the security issue.

CREATE TABLE crm_user (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  login        VARCHAR(100) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  email        VARCHAR(254) NULL,
  active       BOOLEAN      NOT NULL DEFAULT TRUE,
  version      BIGINT       NOT NULL DEFAULT 0,
  created_at   DATETIME(6)  NOT NULL,
  updated_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_user_login (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- API tokens: named bearer secrets a user creates for his scripts and integrations. Only the
-- SHA-256 hash of the secret is stored (a leaked table signs in nobody), with a short prefix so
-- the owner can tell tokens apart. A token acts with exactly its user's roles.

CREATE TABLE crm_api_token (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  user_id       BIGINT        NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  secret_hash   CHAR(64)      NOT NULL,
  display_prefix VARCHAR(16)  NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  expires_at    DATETIME(6)   NULL,
  last_used_at  DATETIME(6)   NULL,
  revoked_at    DATETIME(6)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_api_token_hash (secret_hash),
  KEY ix_crm_api_token_user (user_id, created_at),
  CONSTRAINT fk_crm_api_token_user FOREIGN KEY (user_id) REFERENCES crm_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- In-app notifications, and a dedupe key on activities so a process step writes its timeline entry once.

CREATE TABLE crm_notification (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  recipient_id BIGINT        NOT NULL,
  title        VARCHAR(255)  NOT NULL,
  body         VARCHAR(2000) NULL,
  item_type    VARCHAR(10)   NULL,
  item_id      BIGINT        NULL,
  -- a redelivered job (or any repeated call) with the same key creates nothing twice
  dedupe_key   VARCHAR(200)  NULL,
  created_at   DATETIME(6)   NOT NULL,
  read_at      DATETIME(6)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_notification_dedupe (dedupe_key),
  -- "mine, newest first" pages by id within one recipient
  KEY ix_crm_notification_mine (recipient_id, id),
  -- the unread badge
  KEY ix_crm_notification_unread (recipient_id, read_at),
  CONSTRAINT fk_crm_notification_recipient FOREIGN KEY (recipient_id) REFERENCES crm_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE crm_activity
  ADD COLUMN dedupe_key VARCHAR(200) NULL AFTER location,
  ADD UNIQUE KEY uk_crm_activity_dedupe (dedupe_key);

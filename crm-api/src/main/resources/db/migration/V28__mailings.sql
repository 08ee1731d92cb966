-- Group mailings: a template sent to a list of contacts or leads in the background, one row per
-- recipient (its outcome is the campaign's progress, and what is still PENDING after a restart is
-- sent then), and per mailed contact or lead its unsubscribe token and whether it opted out.

CREATE TABLE crm_mailing (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  entity_type   VARCHAR(10)   NOT NULL,
  template_code VARCHAR(100)  NOT NULL,
  locale        VARCHAR(20)   NULL,
  status        VARCHAR(10)   NOT NULL,
  error         VARCHAR(2000) NULL,
  created_by    BIGINT        NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  finished_at   DATETIME(6)   NULL,
  PRIMARY KEY (id),
  KEY ix_crm_mailing_status (status),
  KEY ix_crm_mailing_created_by (created_by, id),
  CONSTRAINT fk_crm_mailing_created_by FOREIGN KEY (created_by) REFERENCES crm_user (id),
  CONSTRAINT ck_crm_mailing_entity CHECK (entity_type IN ('CONTACT', 'LEAD')),
  CONSTRAINT ck_crm_mailing_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_mailing_recipient (
  mailing_id BIGINT        NOT NULL,
  entity_id  BIGINT        NOT NULL,
  -- PENDING until the runner reaches it; SKIPPED_NO_EMAIL, SKIPPED_UNSUBSCRIBED, SENT or FAILED after
  status     VARCHAR(20)   NOT NULL,
  email      VARCHAR(254)  NULL,
  error      VARCHAR(1000) NULL,
  PRIMARY KEY (mailing_id, entity_id),
  KEY ix_crm_mailing_recipient_status (mailing_id, status, entity_id),
  CONSTRAINT fk_crm_mailing_recipient_mailing FOREIGN KEY (mailing_id) REFERENCES crm_mailing (id) ON DELETE CASCADE,
  CONSTRAINT ck_crm_mailing_recipient_status CHECK (status IN ('PENDING', 'SENT', 'SKIPPED_NO_EMAIL', 'SKIPPED_UNSUBSCRIBED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per contact or lead that was mailed: the token of its unsubscribe link (unguessable, the
-- public page's only name for it) and when it opted out. No foreign key: the opt-out of a deleted
-- record's address still holds for the address.
CREATE TABLE crm_mail_subscriber (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  item_type      VARCHAR(10)  NOT NULL,
  item_id        BIGINT       NOT NULL,
  email          VARCHAR(254) NOT NULL,
  token          VARCHAR(64)  NOT NULL,
  opted_out_at   DATETIME(6)  NULL,
  created_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_mail_subscriber_item (item_type, item_id),
  UNIQUE KEY uk_crm_mail_subscriber_token (token),
  KEY ix_crm_mail_subscriber_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

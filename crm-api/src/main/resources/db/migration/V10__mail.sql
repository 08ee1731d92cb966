-- Mail templates editable at runtime (Freemarker subject and body) and a record of every outgoing mail.

CREATE TABLE crm_mail_template (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  code          VARCHAR(100)  NOT NULL,
  locale        VARCHAR(20)   NOT NULL,
  name          VARCHAR(255)  NOT NULL,
  subject       VARCHAR(1000) NOT NULL,
  body          MEDIUMTEXT    NOT NULL,
  -- what a job's documentId names: the invoice is attached as PDF, a quote is put in the model
  document_type VARCHAR(10)   NULL,
  version       BIGINT        NOT NULL DEFAULT 0,
  created_at    DATETIME(6)   NOT NULL,
  updated_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_mail_template_code_locale (code, locale),
  CONSTRAINT ck_crm_mail_template_document CHECK (document_type IS NULL OR document_type IN ('QUOTE', 'INVOICE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_outbound_mail (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  -- one mail per key (a job key, a process step): a repeated send does not mail twice
  dedupe_key    VARCHAR(200)  NOT NULL,
  template_code VARCHAR(100)  NULL,
  recipients    VARCHAR(2000) NOT NULL,
  subject       VARCHAR(1000) NOT NULL,
  status        VARCHAR(10)   NOT NULL,
  error         VARCHAR(2000) NULL,
  item_type     VARCHAR(10)   NULL,
  item_id       BIGINT        NULL,
  attachments   VARCHAR(1000) NULL,
  sent_at       DATETIME(6)   NULL,
  version       BIGINT        NOT NULL DEFAULT 0,
  created_at    DATETIME(6)   NOT NULL,
  updated_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_outbound_mail_dedupe (dedupe_key),
  KEY ix_crm_outbound_mail_item (item_type, item_id),
  CONSTRAINT ck_crm_outbound_mail_status CHECK (status IN ('SENT', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The default templates the processes send are inserted at start-up when missing (DefaultMailTemplates),
-- not here: Flyway would read their dollar-brace expressions as its own placeholders.

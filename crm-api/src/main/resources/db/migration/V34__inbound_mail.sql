-- Incoming mail: one row per mail taken from the mailbox, keyed by its Message-ID, so a mail seen
-- twice (a second poll, a mail program that marks it unread again, the same mail delivered twice)
-- is filed once; what became of it, and on which CRM item.
CREATE TABLE crm_inbound_mail (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  -- the Message-ID header; a hash of sender, date and subject when the mail has none
  message_id  VARCHAR(255)  NOT NULL,
  sender      VARCHAR(254)  NULL,
  subject     VARCHAR(255)  NULL,
  -- FILED (on a known contact, company or lead), NEW_LEAD, EXCLUDED or IGNORED
  outcome     VARCHAR(20)   NOT NULL,
  activity_id BIGINT        NULL,
  lead_id     BIGINT        NULL,
  received_at DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_inbound_mail_message_id (message_id),
  CONSTRAINT ck_crm_inbound_mail_outcome CHECK (outcome IN ('FILED', 'NEW_LEAD', 'EXCLUDED', 'IGNORED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The attachments of an incoming mail, on the EMAIL activity it became; they go with the activity.
CREATE TABLE crm_inbound_mail_attachment (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  activity_id  BIGINT        NOT NULL,
  file_name    VARCHAR(255)  NOT NULL,
  content_type VARCHAR(255)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  content      LONGBLOB      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_inbound_mail_attachment_activity (activity_id),
  CONSTRAINT fk_crm_inbound_mail_attachment_activity FOREIGN KEY (activity_id) REFERENCES crm_activity (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Addresses (ada@example.com) and domains (example.com) whose mail never becomes a lead or an
-- activity, kept by administrators; the configuration's list applies as well.
CREATE TABLE crm_inbound_mail_exclusion (
  pattern VARCHAR(254) NOT NULL,
  PRIMARY KEY (pattern)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Outgoing webhooks: administrators subscribe a URL to CRM events; every change writes one
-- delivery row per matching subscription in the change's own transaction (an outbox: a rolled-back
-- change sends nothing), and a dispatcher POSTs them, signed, retrying with backoff.

CREATE TABLE crm_webhook (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  url         VARCHAR(2000) NOT NULL,
  events      VARCHAR(1000) NOT NULL,
  secret      VARCHAR(200)  NOT NULL,
  description VARCHAR(255)  NULL,
  active      BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at  DATETIME(6)   NOT NULL,
  updated_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_webhook_delivery (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  webhook_id         BIGINT        NOT NULL,
  delivery_id        CHAR(36)      NOT NULL,
  event_id           CHAR(36)      NOT NULL,
  event              VARCHAR(40)   NOT NULL,
  entity_type        VARCHAR(20)   NOT NULL,
  entity_id          BIGINT        NOT NULL,
  event_data         TEXT          NULL,
  payload            MEDIUMTEXT    NULL,
  occurred_at        DATETIME(6)   NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  attempts           INT           NOT NULL DEFAULT 0,
  next_attempt_at    DATETIME(6)   NULL,
  last_attempt_at    DATETIME(6)   NULL,
  last_response_code INT           NULL,
  last_response_body VARCHAR(500)  NULL,
  last_error         VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_webhook_delivery_id (delivery_id),
  KEY ix_crm_webhook_delivery_due (status, next_attempt_at),
  KEY ix_crm_webhook_delivery_webhook (webhook_id, id),
  CONSTRAINT fk_crm_webhook_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES crm_webhook (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

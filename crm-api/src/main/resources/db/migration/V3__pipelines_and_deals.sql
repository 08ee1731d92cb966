-- Pipelines with ordered stages, and the deals moving through them.

CREATE TABLE crm_pipeline (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  name       VARCHAR(100) NOT NULL,
  sort_order INT          NOT NULL DEFAULT 100,
  is_default BOOLEAN      NOT NULL DEFAULT FALSE,
  version    BIGINT       NOT NULL DEFAULT 0,
  created_at DATETIME(6)  NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_pipeline_stage (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  pipeline_id BIGINT       NOT NULL,
  code        VARCHAR(40)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  semantic    VARCHAR(10)  NOT NULL,
  probability INT          NULL,
  sort_order  INT          NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_pipeline_stage_code (pipeline_id, code),
  CONSTRAINT fk_crm_pipeline_stage_pipeline FOREIGN KEY (pipeline_id) REFERENCES crm_pipeline (id),
  CONSTRAINT ck_crm_pipeline_stage_semantic CHECK (semantic IN ('OPEN', 'WON', 'LOST'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_deal (
  id                   BIGINT         NOT NULL AUTO_INCREMENT,
  title                VARCHAR(255)   NOT NULL,
  pipeline_id          BIGINT         NOT NULL,
  stage_id             BIGINT         NOT NULL,
  amount               DECIMAL(17, 2) NOT NULL DEFAULT 0,
  currency             VARCHAR(3)     NOT NULL,
  probability          INT            NULL,
  expected_close_date  DATE           NULL,
  type                 VARCHAR(20)    NULL,
  responsible_id       BIGINT         NULL,
  visible_to_all       BOOLEAN        NOT NULL DEFAULT TRUE,
  company_id           BIGINT         NULL,
  closed               BOOLEAN        NOT NULL DEFAULT FALSE,
  closed_at            DATETIME(6)    NULL,
  source_lead_id       BIGINT         NULL,
  process_instance_key BIGINT         NULL,
  current_element_id   VARCHAR(255)   NULL,
  version              BIGINT         NOT NULL DEFAULT 0,
  created_at           DATETIME(6)    NOT NULL,
  updated_at           DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  -- the pipeline board: one pipeline, by stage and responsible, sorted by amount
  KEY ix_crm_deal_board (pipeline_id, stage_id, responsible_id, amount),
  KEY ix_crm_deal_pipeline_amount (pipeline_id, amount),
  KEY ix_crm_deal_pipeline_created (pipeline_id, created_at),
  KEY ix_crm_deal_responsible (responsible_id, closed),
  KEY ix_crm_deal_company (company_id),
  KEY ix_crm_deal_stage (stage_id),
  KEY ix_crm_deal_process (process_instance_key),
  KEY ix_crm_deal_lead (source_lead_id),
  FULLTEXT KEY ft_crm_deal_title (title),
  CONSTRAINT fk_crm_deal_pipeline FOREIGN KEY (pipeline_id) REFERENCES crm_pipeline (id),
  CONSTRAINT fk_crm_deal_stage FOREIGN KEY (stage_id) REFERENCES crm_pipeline_stage (id),
  CONSTRAINT fk_crm_deal_currency FOREIGN KEY (currency) REFERENCES crm_currency (code),
  CONSTRAINT fk_crm_deal_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_deal_contact (
  deal_id    BIGINT NOT NULL,
  contact_id BIGINT NOT NULL,
  PRIMARY KEY (deal_id, contact_id),
  KEY ix_crm_deal_contact_contact (contact_id),
  CONSTRAINT fk_crm_deal_contact_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_deal_product_row (
  deal_id          BIGINT         NOT NULL,
  position         INT            NOT NULL,
  product_id       BIGINT         NULL,
  name             VARCHAR(255)   NOT NULL,
  quantity         DECIMAL(15, 4) NOT NULL,
  price            DECIMAL(17, 2) NOT NULL,
  discount_percent DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  tax_percent      DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  PRIMARY KEY (deal_id, position),
  KEY ix_crm_deal_product_row_product (product_id),
  CONSTRAINT fk_crm_deal_product_row_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_deal_stage_history (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  deal_id         BIGINT       NOT NULL,
  from_stage_id   BIGINT       NULL,
  from_stage_name VARCHAR(100) NULL,
  to_stage_id     BIGINT       NOT NULL,
  to_stage_name   VARCHAR(100) NOT NULL,
  changed_by      BIGINT       NULL,
  changed_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_deal_stage_history_deal (deal_id, changed_at),
  CONSTRAINT fk_crm_deal_stage_history_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_deal_stage_history_user FOREIGN KEY (changed_by) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_deal_comment (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  deal_id    BIGINT      NOT NULL,
  author_id  BIGINT      NULL,
  text       TEXT        NOT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_deal_comment_deal (deal_id, created_at),
  CONSTRAINT fk_crm_deal_comment_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_deal_comment_author FOREIGN KEY (author_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The default pipeline.
INSERT INTO crm_pipeline (id, name, sort_order, is_default, created_at, updated_at)
VALUES (1, 'Sales', 10, TRUE, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6));

INSERT INTO crm_pipeline_stage (pipeline_id, code, name, semantic, probability, sort_order) VALUES
  (1, 'NEW',         'New',         'OPEN', 10,  0),
  (1, 'FIRST_CALL',  'First call',  'OPEN', 20,  10),
  (1, 'OFFER',       'Offer',       'OPEN', 40,  20),
  (1, 'NEGOTIATION', 'Negotiation', 'OPEN', 60,  30),
  (1, 'INVOICE',     'Invoice',     'OPEN', 80,  40),
  (1, 'PAYMENT',     'Payment',     'OPEN', 90,  50),
  (1, 'DELIVERY',    'Delivery',    'OPEN', 95,  60),
  (1, 'WON',         'Won',         'WON',  100, 70),
  (1, 'LOST',        'Lost',        'LOST', 0,   80);

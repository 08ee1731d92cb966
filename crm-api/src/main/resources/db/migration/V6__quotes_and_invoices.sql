-- Quotes and invoices, created from a deal (copying its rows) or by hand, numbered from
-- gap-free sequences.

CREATE TABLE crm_number_sequence (
  name       VARCHAR(40) NOT NULL,
  next_value BIGINT      NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO crm_number_sequence (name, next_value) VALUES ('QUOTE', 1), ('INVOICE', 1);

CREATE TABLE crm_quote (
  id             BIGINT         NOT NULL AUTO_INCREMENT,
  number         VARCHAR(30)    NOT NULL,
  status         VARCHAR(12)    NOT NULL,
  title          VARCHAR(255)   NOT NULL,
  deal_id        BIGINT         NULL,
  contact_id     BIGINT         NULL,
  company_id     BIGINT         NULL,
  currency       VARCHAR(3)     NOT NULL,
  amount         DECIMAL(17, 2) NOT NULL,
  tax_amount     DECIMAL(17, 2) NOT NULL,
  issue_date     DATE           NOT NULL,
  valid_until    DATE           NULL,
  responsible_id BIGINT         NULL,
  comments       TEXT           NULL,
  version        BIGINT         NOT NULL DEFAULT 0,
  created_at     DATETIME(6)    NOT NULL,
  updated_at     DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_quote_number (number),
  KEY ix_crm_quote_deal (deal_id),
  KEY ix_crm_quote_status (status, issue_date),
  KEY ix_crm_quote_company (company_id),
  KEY ix_crm_quote_contact (contact_id),
  CONSTRAINT fk_crm_quote_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE SET NULL,
  CONSTRAINT fk_crm_quote_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id),
  CONSTRAINT fk_crm_quote_company FOREIGN KEY (company_id) REFERENCES crm_company (id),
  CONSTRAINT fk_crm_quote_currency FOREIGN KEY (currency) REFERENCES crm_currency (code),
  CONSTRAINT fk_crm_quote_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_quote_product_row (
  quote_id         BIGINT         NOT NULL,
  position         INT            NOT NULL,
  product_id       BIGINT         NULL,
  name             VARCHAR(255)   NOT NULL,
  quantity         DECIMAL(15, 4) NOT NULL,
  price            DECIMAL(17, 2) NOT NULL,
  discount_percent DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  tax_percent      DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  PRIMARY KEY (quote_id, position),
  CONSTRAINT fk_crm_quote_product_row_quote FOREIGN KEY (quote_id) REFERENCES crm_quote (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_quote_product_row_product FOREIGN KEY (product_id) REFERENCES crm_product (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_invoice (
  id              BIGINT         NOT NULL AUTO_INCREMENT,
  number          VARCHAR(30)    NOT NULL,
  status          VARCHAR(12)    NOT NULL,
  title           VARCHAR(255)   NOT NULL,
  deal_id         BIGINT         NULL,
  quote_id        BIGINT         NULL,
  contact_id      BIGINT         NULL,
  company_id      BIGINT         NULL,
  currency        VARCHAR(3)     NOT NULL,
  amount          DECIMAL(17, 2) NOT NULL,
  tax_amount      DECIMAL(17, 2) NOT NULL,
  issue_date      DATE           NOT NULL,
  due_date        DATE           NULL,
  payment_method  VARCHAR(20)    NULL,
  payment_details VARCHAR(1000)  NULL,
  paid_at         DATETIME(6)    NULL,
  public_token    VARCHAR(64)    NOT NULL,
  responsible_id  BIGINT         NULL,
  comments        TEXT           NULL,
  version         BIGINT         NOT NULL DEFAULT 0,
  created_at      DATETIME(6)    NOT NULL,
  updated_at      DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_invoice_number (number),
  UNIQUE KEY uk_crm_invoice_token (public_token),
  KEY ix_crm_invoice_deal (deal_id),
  KEY ix_crm_invoice_status_due (status, due_date),
  KEY ix_crm_invoice_company (company_id),
  KEY ix_crm_invoice_contact (contact_id),
  CONSTRAINT fk_crm_invoice_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE SET NULL,
  CONSTRAINT fk_crm_invoice_quote FOREIGN KEY (quote_id) REFERENCES crm_quote (id) ON DELETE SET NULL,
  CONSTRAINT fk_crm_invoice_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id),
  CONSTRAINT fk_crm_invoice_company FOREIGN KEY (company_id) REFERENCES crm_company (id),
  CONSTRAINT fk_crm_invoice_currency FOREIGN KEY (currency) REFERENCES crm_currency (code),
  CONSTRAINT fk_crm_invoice_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_invoice_product_row (
  invoice_id       BIGINT         NOT NULL,
  position         INT            NOT NULL,
  product_id       BIGINT         NULL,
  name             VARCHAR(255)   NOT NULL,
  quantity         DECIMAL(15, 4) NOT NULL,
  price            DECIMAL(17, 2) NOT NULL,
  discount_percent DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  tax_percent      DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  PRIMARY KEY (invoice_id, position),
  CONSTRAINT fk_crm_invoice_product_row_invoice FOREIGN KEY (invoice_id) REFERENCES crm_invoice (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_invoice_product_row_product FOREIGN KEY (product_id) REFERENCES crm_product (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

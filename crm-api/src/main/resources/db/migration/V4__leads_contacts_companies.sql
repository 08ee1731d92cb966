-- Companies, contacts (people, belonging to any number of companies) and leads, which convert
-- into them and into deals. Each keeps a search_text column with a FULLTEXT index: names,
-- e-mails, phone numbers (also as digits and trailing digits) and company names.

CREATE TABLE crm_company (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  name                VARCHAR(255)   NOT NULL,
  industry            VARCHAR(100)   NULL,
  employees           INT            NULL,
  revenue             DECIMAL(17, 2) NULL,
  revenue_currency    VARCHAR(3)     NULL,
  website             VARCHAR(255)   NULL,
  bank_name           VARCHAR(255)   NULL,
  bank_iban           VARCHAR(34)    NULL,
  bank_bic            VARCHAR(11)    NULL,
  bank_account_holder VARCHAR(255)   NULL,
  tax_number          VARCHAR(50)    NULL,
  responsible_id      BIGINT         NULL,
  source_lead_id      BIGINT         NULL,
  notes               MEDIUMTEXT     NULL,
  search_text         TEXT           NOT NULL,
  version             BIGINT         NOT NULL DEFAULT 0,
  created_at          DATETIME(6)    NOT NULL,
  updated_at          DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_company_name (name),
  KEY ix_crm_company_responsible (responsible_id),
  KEY ix_crm_company_industry (industry),
  KEY ix_crm_company_created (created_at),
  FULLTEXT KEY ft_crm_company_search (search_text),
  CONSTRAINT fk_crm_company_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id),
  CONSTRAINT fk_crm_company_revenue_currency FOREIGN KEY (revenue_currency) REFERENCES crm_currency (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_company_phone (
  company_id BIGINT      NOT NULL,
  position   INT         NOT NULL,
  type       VARCHAR(10) NOT NULL,
  phone      VARCHAR(40) NOT NULL,
  PRIMARY KEY (company_id, position),
  CONSTRAINT fk_crm_company_phone_company FOREIGN KEY (company_id) REFERENCES crm_company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_company_email (
  company_id BIGINT       NOT NULL,
  position   INT          NOT NULL,
  type       VARCHAR(10)  NOT NULL,
  email      VARCHAR(254) NOT NULL,
  PRIMARY KEY (company_id, position),
  KEY ix_crm_company_email_email (email),
  CONSTRAINT fk_crm_company_email_company FOREIGN KEY (company_id) REFERENCES crm_company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_company_address (
  company_id  BIGINT       NOT NULL,
  position    INT          NOT NULL,
  type        VARCHAR(10)  NOT NULL,
  street      VARCHAR(255) NULL,
  city        VARCHAR(120) NULL,
  region      VARCHAR(120) NULL,
  postal_code VARCHAR(20)  NULL,
  country     VARCHAR(2)   NULL,
  PRIMARY KEY (company_id, position),
  CONSTRAINT fk_crm_company_address_company FOREIGN KEY (company_id) REFERENCES crm_company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_contact (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  first_name     VARCHAR(100) NOT NULL,
  last_name      VARCHAR(100) NOT NULL DEFAULT '',
  position_title VARCHAR(150) NULL,
  birthday       DATE         NULL,
  street         VARCHAR(255) NULL,
  city           VARCHAR(120) NULL,
  region         VARCHAR(120) NULL,
  postal_code    VARCHAR(20)  NULL,
  country        VARCHAR(2)   NULL,
  responsible_id BIGINT       NULL,
  source_lead_id BIGINT       NULL,
  notes          MEDIUMTEXT   NULL,
  search_text    TEXT         NOT NULL,
  version        BIGINT       NOT NULL DEFAULT 0,
  created_at     DATETIME(6)  NOT NULL,
  updated_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_contact_last_name (last_name, first_name),
  KEY ix_crm_contact_first_name (first_name),
  KEY ix_crm_contact_responsible (responsible_id),
  KEY ix_crm_contact_created (created_at),
  FULLTEXT KEY ft_crm_contact_search (search_text),
  CONSTRAINT fk_crm_contact_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_contact_phone (
  contact_id BIGINT      NOT NULL,
  position   INT         NOT NULL,
  type       VARCHAR(10) NOT NULL,
  phone      VARCHAR(40) NOT NULL,
  PRIMARY KEY (contact_id, position),
  CONSTRAINT fk_crm_contact_phone_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_contact_email (
  contact_id BIGINT       NOT NULL,
  position   INT          NOT NULL,
  type       VARCHAR(10)  NOT NULL,
  email      VARCHAR(254) NOT NULL,
  PRIMARY KEY (contact_id, position),
  KEY ix_crm_contact_email_email (email),
  CONSTRAINT fk_crm_contact_email_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_contact_company (
  contact_id BIGINT NOT NULL,
  company_id BIGINT NOT NULL,
  PRIMARY KEY (contact_id, company_id),
  KEY ix_crm_contact_company_company (company_id),
  CONSTRAINT fk_crm_contact_company_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_contact_company_company FOREIGN KEY (company_id) REFERENCES crm_company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_lead_status (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  code       VARCHAR(40)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  semantic   VARCHAR(10)  NOT NULL,
  sort_order INT          NOT NULL DEFAULT 100,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_lead_status_code (code),
  CONSTRAINT ck_crm_lead_status_semantic CHECK (semantic IN ('OPEN', 'CONVERTED', 'JUNK'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO crm_lead_status (code, name, semantic, sort_order) VALUES
  ('NEW',           'New',           'OPEN',      10),
  ('IN_PROCESSING', 'In processing', 'OPEN',      20),
  ('CONVERTED',     'Converted',     'CONVERTED', 90),
  ('JUNK',          'Junk',          'JUNK',      100);

CREATE TABLE crm_lead (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  title                VARCHAR(255) NOT NULL,
  first_name           VARCHAR(100) NULL,
  last_name            VARCHAR(100) NULL,
  company_name         VARCHAR(255) NULL,
  position_title       VARCHAR(150) NULL,
  street               VARCHAR(255) NULL,
  city                 VARCHAR(120) NULL,
  region               VARCHAR(120) NULL,
  postal_code          VARCHAR(20)  NULL,
  country              VARCHAR(2)   NULL,
  source               VARCHAR(20)  NOT NULL,
  status_id            BIGINT       NOT NULL,
  responsible_id       BIGINT       NULL,
  converted_contact_id BIGINT       NULL,
  converted_company_id BIGINT       NULL,
  converted_deal_id    BIGINT       NULL,
  converted_at         DATETIME(6)  NULL,
  process_instance_key BIGINT       NULL,
  current_element_id   VARCHAR(255) NULL,
  search_text          TEXT         NOT NULL,
  version              BIGINT       NOT NULL DEFAULT 0,
  created_at           DATETIME(6)  NOT NULL,
  updated_at           DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_lead_status (status_id, responsible_id),
  KEY ix_crm_lead_responsible (responsible_id),
  KEY ix_crm_lead_source (source),
  KEY ix_crm_lead_created (created_at),
  KEY ix_crm_lead_process (process_instance_key),
  FULLTEXT KEY ft_crm_lead_search (search_text),
  CONSTRAINT fk_crm_lead_status FOREIGN KEY (status_id) REFERENCES crm_lead_status (id),
  CONSTRAINT fk_crm_lead_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id),
  CONSTRAINT fk_crm_lead_contact FOREIGN KEY (converted_contact_id) REFERENCES crm_contact (id) ON DELETE SET NULL,
  CONSTRAINT fk_crm_lead_company FOREIGN KEY (converted_company_id) REFERENCES crm_company (id) ON DELETE SET NULL,
  CONSTRAINT fk_crm_lead_deal FOREIGN KEY (converted_deal_id) REFERENCES crm_deal (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_lead_phone (
  lead_id  BIGINT      NOT NULL,
  position INT         NOT NULL,
  type     VARCHAR(10) NOT NULL,
  phone    VARCHAR(40) NOT NULL,
  PRIMARY KEY (lead_id, position),
  CONSTRAINT fk_crm_lead_phone_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_lead_email (
  lead_id  BIGINT       NOT NULL,
  position INT          NOT NULL,
  type     VARCHAR(10)  NOT NULL,
  email    VARCHAR(254) NOT NULL,
  PRIMARY KEY (lead_id, position),
  KEY ix_crm_lead_email_email (email),
  CONSTRAINT fk_crm_lead_email_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_lead_product_row (
  lead_id          BIGINT         NOT NULL,
  position         INT            NOT NULL,
  product_id       BIGINT         NULL,
  name             VARCHAR(255)   NOT NULL,
  quantity         DECIMAL(15, 4) NOT NULL,
  price            DECIMAL(17, 2) NOT NULL,
  discount_percent DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  tax_percent      DECIMAL(5, 2)  NOT NULL DEFAULT 0,
  PRIMARY KEY (lead_id, position),
  CONSTRAINT fk_crm_lead_product_row_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_lead_comment (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  lead_id    BIGINT      NOT NULL,
  author_id  BIGINT      NULL,
  text       TEXT        NOT NULL,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_lead_comment_lead (lead_id, created_at),
  CONSTRAINT fk_crm_lead_comment_lead FOREIGN KEY (lead_id) REFERENCES crm_lead (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_lead_comment_author FOREIGN KEY (author_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Now that contacts and companies exist, deals point to them for real.
ALTER TABLE crm_deal
  ADD CONSTRAINT fk_crm_deal_company FOREIGN KEY (company_id) REFERENCES crm_company (id),
  ADD CONSTRAINT fk_crm_deal_lead FOREIGN KEY (source_lead_id) REFERENCES crm_lead (id) ON DELETE SET NULL;
ALTER TABLE crm_deal_contact
  ADD CONSTRAINT fk_crm_deal_contact_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id);
ALTER TABLE crm_contact
  ADD KEY ix_crm_contact_lead (source_lead_id),
  ADD CONSTRAINT fk_crm_contact_lead FOREIGN KEY (source_lead_id) REFERENCES crm_lead (id) ON DELETE SET NULL;
ALTER TABLE crm_company
  ADD KEY ix_crm_company_lead (source_lead_id),
  ADD CONSTRAINT fk_crm_company_lead FOREIGN KEY (source_lead_id) REFERENCES crm_lead (id) ON DELETE SET NULL;

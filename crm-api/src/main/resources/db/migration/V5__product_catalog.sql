-- The product catalog: products in sections nested to any depth.

CREATE TABLE crm_product_section (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  name       VARCHAR(150) NOT NULL,
  parent_id  BIGINT       NULL,
  sort_order INT          NOT NULL DEFAULT 100,
  version    BIGINT       NOT NULL DEFAULT 0,
  created_at DATETIME(6)  NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_product_section_parent (parent_id, sort_order),
  CONSTRAINT fk_crm_product_section_parent FOREIGN KEY (parent_id) REFERENCES crm_product_section (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_product (
  id          BIGINT         NOT NULL AUTO_INCREMENT,
  name        VARCHAR(255)   NOT NULL,
  sku         VARCHAR(64)    NULL,
  description TEXT           NULL,
  active      BOOLEAN        NOT NULL DEFAULT TRUE,
  price       DECIMAL(17, 2) NOT NULL,
  currency    VARCHAR(3)     NOT NULL,
  unit        VARCHAR(20)    NOT NULL,
  vat_rate    DECIMAL(5, 2)  NULL,
  section_id  BIGINT         NULL,
  version     BIGINT         NOT NULL DEFAULT 0,
  created_at  DATETIME(6)    NOT NULL,
  updated_at  DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  -- quick search by the first letters of the name: a range scan on this index
  KEY ix_crm_product_name (name),
  KEY ix_crm_product_active_name (active, name),
  KEY ix_crm_product_section (section_id, name),
  UNIQUE KEY uk_crm_product_sku (sku),
  CONSTRAINT fk_crm_product_section FOREIGN KEY (section_id) REFERENCES crm_product_section (id),
  CONSTRAINT fk_crm_product_currency FOREIGN KEY (currency) REFERENCES crm_currency (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Product rows keep their copied name and price when a product is deleted.
ALTER TABLE crm_deal_product_row
  ADD CONSTRAINT fk_crm_deal_product_row_product FOREIGN KEY (product_id) REFERENCES crm_product (id) ON DELETE SET NULL;
ALTER TABLE crm_lead_product_row
  ADD KEY ix_crm_lead_product_row_product (product_id),
  ADD CONSTRAINT fk_crm_lead_product_row_product FOREIGN KEY (product_id) REFERENCES crm_product (id) ON DELETE SET NULL;

-- Orders taken in from online stores (POST /api/v1/store-orders). One row per store and external
-- order id: a repeated order finds its row and updates the deal instead of creating a second one.
-- The row is what marks a deal as "from online store", and it keeps the client's delivery wishes
-- as the store sent them. A deleted deal leaves the row (deal_id NULL): the store then reads the
-- order as cancelled, and sending it again creates a new deal.

CREATE TABLE crm_store_order (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  store_code       VARCHAR(40)    NOT NULL,
  external_id      VARCHAR(64)    NOT NULL,
  source_format    VARCHAR(12)    NOT NULL,
  order_date       DATE           NULL,
  deal_id          BIGINT         NULL,
  contact_id       BIGINT         NULL,
  delivery_address VARCHAR(500)   NULL,
  delivery_date    DATE           NULL,
  delivery_window  VARCHAR(50)    NULL,
  delivery_comment VARCHAR(2000)  NULL,
  times_received   INT            NOT NULL DEFAULT 1,
  created_at       DATETIME(6)    NOT NULL,
  updated_at       DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_store_order_external (store_code, external_id),
  UNIQUE KEY uk_crm_store_order_deal (deal_id),
  KEY ix_crm_store_order_store_updated (store_code, updated_at),
  CONSTRAINT fk_crm_store_order_deal FOREIGN KEY (deal_id) REFERENCES crm_deal (id) ON DELETE SET NULL,
  CONSTRAINT fk_crm_store_order_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

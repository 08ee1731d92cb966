-- Currencies: one base currency (rate 1) and the value of one unit of every other in it.

CREATE TABLE crm_currency (
  code       VARCHAR(3)       NOT NULL,
  name       VARCHAR(100)   NOT NULL,
  base       BOOLEAN        NOT NULL DEFAULT FALSE,
  rate       DECIMAL(19, 8) NOT NULL,
  sort_order INT            NOT NULL DEFAULT 100,
  version    BIGINT         NOT NULL DEFAULT 0,
  updated_at DATETIME(6)    NOT NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_exchange_rate (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  currency_code VARCHAR(3)       NOT NULL,
  base_code     VARCHAR(3)       NOT NULL,
  rate          DECIMAL(19, 8) NOT NULL,
  valid_from    DATETIME(6)    NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_exchange_rate_currency (currency_code, valid_from),
  CONSTRAINT fk_crm_exchange_rate_currency FOREIGN KEY (currency_code) REFERENCES crm_currency (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The base currency to start with; an administrator adds the others with their rates
-- (or makes another one the base).
INSERT INTO crm_currency (code, name, base, rate, sort_order, updated_at)
VALUES ('EUR', 'Euro', TRUE, 1, 10, CURRENT_TIMESTAMP(6));

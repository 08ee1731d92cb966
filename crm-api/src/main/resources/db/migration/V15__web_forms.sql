-- Web forms for lead capture on any website: what they ask, how they look, who gets the leads.
-- Submissions become leads (source WEB_FORM); public_token is the only identifier the public sees.

CREATE TABLE crm_web_form (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  public_token     VARCHAR(43)   NOT NULL,
  name             VARCHAR(255)  NOT NULL,
  heading          VARCHAR(255)  NULL,
  fields           TEXT          NOT NULL,
  consent_text     VARCHAR(2000) NULL,
  button_text      VARCHAR(60)   NOT NULL,
  button_color     VARCHAR(7)    NOT NULL,
  responsible_id   BIGINT        NULL,
  thank_you        VARCHAR(2000) NULL,
  redirect_url     VARCHAR(2000) NULL,
  active           BOOLEAN       NOT NULL DEFAULT TRUE,
  submissions      BIGINT        NOT NULL DEFAULT 0,
  version          BIGINT        NOT NULL DEFAULT 0,
  created_at       DATETIME(6)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_web_form_token (public_token),
  CONSTRAINT fk_crm_web_form_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

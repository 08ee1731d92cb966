-- Web forms grow up: a form creates a lead (as before) or a contact with a deal in a chosen
-- pipeline; its responsible is a fixed user (responsible_id), one assignment rule
-- (assignment_rule_id: the lead's or deal's process applies that rule's target) or neither (the
-- processes' round robin after the ordered rules, as before); and it may hold suspected spam for an
-- administrator to accept or reject.
ALTER TABLE crm_web_form
  ADD COLUMN target              VARCHAR(20) NOT NULL DEFAULT 'LEAD',
  ADD COLUMN pipeline_id         BIGINT      NULL,
  ADD COLUMN assignment_rule_id  BIGINT      NULL,
  ADD COLUMN hold_suspected_spam BOOLEAN     NOT NULL DEFAULT FALSE,
  ADD CONSTRAINT ck_crm_web_form_target CHECK (target IN ('LEAD', 'CONTACT_AND_DEAL')),
  ADD CONSTRAINT fk_crm_web_form_pipeline FOREIGN KEY (pipeline_id) REFERENCES crm_pipeline (id)
    ON DELETE SET NULL,
  ADD CONSTRAINT fk_crm_web_form_assignment_rule FOREIGN KEY (assignment_rule_id)
    REFERENCES crm_assignment_rule (id) ON DELETE SET NULL;

-- What came in through a form. HELD: suspected spam waiting for review, with its values (data,
-- JSON: input name -> value) and why it was suspected; nothing was created. CREATED: what it
-- created (the processes read the form's assignment rule through lead_id / deal_id); its values
-- are not kept twice. A rejected submission is deleted. No foreign keys to the records: deleting
-- or merging a lead must not depend on how it came in.
CREATE TABLE crm_web_form_submission (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  form_id        BIGINT        NOT NULL,
  status         VARCHAR(10)   NOT NULL,
  data           TEXT          NULL,
  reasons        VARCHAR(2000) NULL,
  client_address VARCHAR(45)   NULL,
  lead_id        BIGINT        NULL,
  contact_id     BIGINT        NULL,
  deal_id        BIGINT        NULL,
  received_at    DATETIME(6)   NOT NULL,
  decided_at     DATETIME(6)   NULL,
  PRIMARY KEY (id),
  KEY ix_crm_web_form_submission_status (status, received_at),
  KEY ix_crm_web_form_submission_lead (lead_id),
  KEY ix_crm_web_form_submission_deal (deal_id),
  CONSTRAINT ck_crm_web_form_submission_status CHECK (status IN ('HELD', 'CREATED')),
  CONSTRAINT fk_crm_web_form_submission_form FOREIGN KEY (form_id) REFERENCES crm_web_form (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

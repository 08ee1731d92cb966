-- Import jobs (CSV and vCard): the settings a user chose, progress counters, the rows that
-- failed and what each import created or updated, so that it can be reverted.

CREATE TABLE crm_import_job (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  entity_type    VARCHAR(20)  NOT NULL,
  format         VARCHAR(10)  NOT NULL,
  file_name      VARCHAR(255) NOT NULL,
  file_size      BIGINT       NOT NULL,
  stored_as      VARCHAR(255) NOT NULL,
  status         VARCHAR(20)  NOT NULL,
  layout_key     VARCHAR(64)  NOT NULL,
  settings       MEDIUMTEXT   NOT NULL,
  total_rows     INT          NOT NULL DEFAULT 0,
  processed_rows INT          NOT NULL DEFAULT 0,
  created_count  INT          NOT NULL DEFAULT 0,
  updated_count  INT          NOT NULL DEFAULT 0,
  skipped_count  INT          NOT NULL DEFAULT 0,
  failed_count   INT          NOT NULL DEFAULT 0,
  error          VARCHAR(1000) NULL,
  created_by     BIGINT       NULL,
  created_at     DATETIME(6)  NOT NULL,
  started_at     DATETIME(6)  NULL,
  finished_at    DATETIME(6)  NULL,
  reverted_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  KEY ix_crm_import_job_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_import_failure (
  import_id   BIGINT       NOT NULL,
  row_no  BIGINT       NOT NULL,
  column_name VARCHAR(255) NULL,
  reason      VARCHAR(1000) NOT NULL,
  KEY ix_crm_import_failure_import (import_id, row_no),
  CONSTRAINT fk_crm_import_failure_job FOREIGN KEY (import_id) REFERENCES crm_import_job (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per record the import created (previous_state NULL) or updated (the record's editable
-- fields before the update, as JSON, to restore on revert; seq orders the updates, so that a record
-- updated twice by one file is restored to its state before the first).
CREATE TABLE crm_import_item (
  seq            BIGINT      NOT NULL AUTO_INCREMENT,
  import_id      BIGINT      NOT NULL,
  entity_type    VARCHAR(20) NOT NULL,
  entity_id      BIGINT      NOT NULL,
  action         VARCHAR(10) NOT NULL,
  previous_state MEDIUMTEXT  NULL,
  PRIMARY KEY (seq),
  KEY ix_crm_import_item_import (import_id, action),
  CONSTRAINT fk_crm_import_item_job FOREIGN KEY (import_id) REFERENCES crm_import_job (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The column mapping last used for a file layout (entity type + header row), offered again when
-- a file with the same layout is uploaded.
CREATE TABLE crm_import_layout (
  layout_key VARCHAR(64) NOT NULL,
  fields     TEXT        NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (layout_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Activities (calls, meetings, e-mails, notes) and tasks, linked to any CRM item.

CREATE TABLE crm_activity (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  type              VARCHAR(10)  NOT NULL,
  subject           VARCHAR(255) NOT NULL,
  description       MEDIUMTEXT   NULL,
  starts_at         DATETIME(6)  NOT NULL,
  ends_at           DATETIME(6)  NULL,
  responsible_id    BIGINT       NULL,
  reminder_at       DATETIME(6)  NULL,
  reminder_sent_at  DATETIME(6)  NULL,
  completed         BOOLEAN      NOT NULL DEFAULT FALSE,
  completed_at      DATETIME(6)  NULL,
  direction         VARCHAR(10)  NULL,
  call_result       VARCHAR(100) NULL,
  duration_seconds  INT          NULL,
  location          VARCHAR(255) NULL,
  version           BIGINT       NOT NULL DEFAULT 0,
  created_at        DATETIME(6)  NOT NULL,
  updated_at        DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  -- "my activities": a user's open ones by date
  KEY ix_crm_activity_mine (responsible_id, completed, starts_at),
  KEY ix_crm_activity_starts (starts_at),
  KEY ix_crm_activity_reminder (reminder_sent_at, reminder_at),
  CONSTRAINT fk_crm_activity_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id),
  CONSTRAINT ck_crm_activity_type CHECK (type IN ('CALL', 'MEETING', 'EMAIL', 'NOTE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_activity_link (
  activity_id BIGINT      NOT NULL,
  item_type   VARCHAR(10) NOT NULL,
  item_id     BIGINT      NOT NULL,
  PRIMARY KEY (activity_id, item_type, item_id),
  -- the timeline of an item
  KEY ix_crm_activity_link_item (item_type, item_id),
  CONSTRAINT fk_crm_activity_link_activity FOREIGN KEY (activity_id) REFERENCES crm_activity (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_task (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  title                VARCHAR(255) NOT NULL,
  description          MEDIUMTEXT   NULL,
  status               VARCHAR(12)  NOT NULL,
  responsible_id       BIGINT       NULL,
  created_by           BIGINT       NULL,
  deadline             DATETIME(6)  NULL,
  origin               VARCHAR(10)  NOT NULL,
  process_instance_key BIGINT       NULL,
  process_element_id   VARCHAR(255) NULL,
  completed_at         DATETIME(6)  NULL,
  version              BIGINT       NOT NULL DEFAULT 0,
  created_at           DATETIME(6)  NOT NULL,
  updated_at           DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_crm_task_mine (responsible_id, status, deadline),
  -- a process step creates its task once, however often the worker is retried
  UNIQUE KEY uk_crm_task_process_step (process_instance_key, process_element_id),
  CONSTRAINT fk_crm_task_responsible FOREIGN KEY (responsible_id) REFERENCES crm_user (id),
  CONSTRAINT fk_crm_task_created_by FOREIGN KEY (created_by) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_task_observer (
  task_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (task_id, user_id),
  KEY ix_crm_task_observer_user (user_id),
  CONSTRAINT fk_crm_task_observer_task FOREIGN KEY (task_id) REFERENCES crm_task (id) ON DELETE CASCADE,
  CONSTRAINT fk_crm_task_observer_user FOREIGN KEY (user_id) REFERENCES crm_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE crm_task_link (
  task_id   BIGINT      NOT NULL,
  item_type VARCHAR(10) NOT NULL,
  item_id   BIGINT      NOT NULL,
  PRIMARY KEY (task_id, item_type, item_id),
  KEY ix_crm_task_link_item (item_type, item_id),
  CONSTRAINT fk_crm_task_link_task FOREIGN KEY (task_id) REFERENCES crm_task (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

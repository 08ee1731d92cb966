-- Saved list views: a named filter + sort + visible columns of one list (leads, deals, contacts,
-- companies), a user's own or shared with everybody (only administrators share).
-- filters is the view's filter as a URL query string (q=…&status=…), columns a comma-separated
-- list of column names; both are checked against the list's known names by ListViewService.

CREATE TABLE crm_list_view (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  list_kind    VARCHAR(20)   NOT NULL,
  name         VARCHAR(100)  NOT NULL,
  owner_id     BIGINT        NOT NULL,
  shared       BOOLEAN       NOT NULL DEFAULT FALSE,
  filters      VARCHAR(2000) NOT NULL DEFAULT '',
  sort         VARCHAR(40)   NULL,
  columns      VARCHAR(500)  NOT NULL,
  version      BIGINT        NOT NULL DEFAULT 0,
  created_at   DATETIME(6)   NOT NULL,
  updated_at   DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_crm_list_view_name (list_kind, owner_id, name),
  KEY ix_crm_list_view_shared (list_kind, shared),
  CONSTRAINT fk_crm_list_view_owner FOREIGN KEY (owner_id) REFERENCES crm_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who wrote an activity: its author may always read and complete it, as the responsible may
-- (activities follow the permission scope of the records they are linked to, see docs/security.md).
-- Existing activities have no known author.

ALTER TABLE crm_activity
  ADD COLUMN created_by BIGINT NULL AFTER responsible_id,
  ADD KEY ix_crm_activity_created_by (created_by),
  ADD CONSTRAINT fk_crm_activity_created_by FOREIGN KEY (created_by) REFERENCES crm_user (id);

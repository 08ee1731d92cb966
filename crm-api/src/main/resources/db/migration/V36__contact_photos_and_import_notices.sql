-- A contact's photo (from an imported vCard's PHOTO): the image bytes with the content type read
-- from the bytes themselves, at most 1 MB (the service refuses more). One per contact; it goes
-- with the contact.
CREATE TABLE crm_contact_photo (
  contact_id   BIGINT       NOT NULL,
  content_type VARCHAR(50)  NOT NULL,
  size_bytes   INT          NOT NULL,
  image        MEDIUMBLOB   NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (contact_id),
  CONSTRAINT fk_crm_contact_photo_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An import report also notes what was left out of a row that was imported (a photo at a web
-- address, a photo too large): such a note does not count the row as failed.
ALTER TABLE crm_import_failure
  ADD COLUMN notice BOOLEAN NOT NULL DEFAULT FALSE;

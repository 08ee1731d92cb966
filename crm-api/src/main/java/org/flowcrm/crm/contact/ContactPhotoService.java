package org.flowcrm.crm.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.flowcrm.crm.permission.AccessPolicy;
import org.flowcrm.crm.permission.Action;
import org.flowcrm.crm.permission.EntityType;
import org.flowcrm.crm.shared.BadParameterException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts' photos (one each, kept in {@code crm_contact_photo} and deleted with the contact).
 * Reading one needs the right to read the contact, storing one the right to change it. Only JPEG,
 * PNG, GIF and WebP images up to {@value #MAX_BYTES} bytes are kept; the content type is read from
 * the bytes, never taken from the sender, so what is served is what it says it is.
 */
@Service
public class ContactPhotoService {

  /** 1 MB: a contact's picture, not an archive of originals. */
  public static final int MAX_BYTES = 1024 * 1024;

  private final JdbcTemplate jdbc;
  private final ContactService contacts;
  private final AccessPolicy policy;

  ContactPhotoService(JdbcTemplate jdbc, ContactService contacts, AccessPolicy policy) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.policy = policy;
  }

  /** The contact's photo, if it has one; 404 when the contact is unknown or hidden. */
  @Transactional(readOnly = true)
  public Optional<ContactPhoto> find(long contactId) {
    contacts.get(contactId);
    return jdbc
        .query(
            "SELECT content_type, image FROM crm_contact_photo WHERE contact_id = ?",
            (rs, n) -> new ContactPhoto(rs.getString(1), rs.getBytes(2)),
            contactId)
        .stream()
        .findFirst();
  }

  /** Whether the contact has a photo (without loading it); 404 as {@link #find}. */
  @Transactional(readOnly = true)
  public boolean has(long contactId) {
    contacts.get(contactId);
    return !jdbc.queryForList(
            "SELECT 1 FROM crm_contact_photo WHERE contact_id = ?", Integer.class, contactId)
        .isEmpty();
  }

  /**
   * Sets (or replaces) the contact's photo. Refused with a reason naming {@code photo} when the
   * bytes are not a JPEG, PNG, GIF or WebP image or are larger than {@value #MAX_BYTES} bytes.
   *
   * @return the content type read from the bytes
   */
  @Transactional
  public String store(long contactId, byte[] image) {
    ContactView contact = contacts.get(contactId);
    policy.require(EntityType.CONTACT, Action.UPDATE, contactId, contact.responsibleId());
    if (image.length > MAX_BYTES) {
      throw new BadParameterException(
          "photo",
          "has "
              + (image.length + 1023) / 1024
              + " KB; photos up to "
              + MAX_BYTES / 1024
              + " KB are kept");
    }
    String type =
        imageType(image)
            .orElseThrow(
                () -> new BadParameterException("photo", "is not a JPEG, PNG, GIF or WebP image"));
    jdbc.update(
        "INSERT INTO crm_contact_photo (contact_id, content_type, size_bytes, image, created_at)"
            + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE content_type = VALUES(content_type),"
            + " size_bytes = VALUES(size_bytes), image = VALUES(image),"
            + " created_at = VALUES(created_at)",
        contactId,
        type,
        image.length,
        image,
        Timestamp.from(Instant.now()));
    return type;
  }

  /** The image type by the file's first bytes (its "magic number"). */
  static Optional<String> imageType(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    if (b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a) {
      return Optional.of("image/png");
    }
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return Optional.of("image/gif");
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }
}

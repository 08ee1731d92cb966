package org.flowcrm.crm.contact;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldValues;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.user.UserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many contacts at once, for imports: one multi-row {@code INSERT … RETURNING id} per call instead
 * of a JPA insert and flush per contact (identity ids keep Hibernate from batching). The search
 * text and defaults come from the same {@link Contact#update} the single-contact path uses; callers
 * validate the commands (Bean Validation) first, this class checks the references and the custom
 * field values.
 */
@Service
public class ContactBatch {

  private static final String COLUMNS =
      "first_name, last_name, position_title, birthday, street, city, region, postal_code,"
          + " country, responsible_id, notes, search_text, custom_fields, version, created_at,"
          + " updated_at";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
  private static final CustomFieldValues JSON_VALUES = new CustomFieldValues();

  private final JdbcTemplate jdbc;
  private final CompanyService companies;
  private final UserService users;
  private final CustomFieldService customFields;

  ContactBatch(
      JdbcTemplate jdbc,
      CompanyService companies,
      UserService users,
      CustomFieldService customFields) {
    this.jdbc = jdbc;
    this.companies = companies;
    this.users = users;
    this.customFields = customFields;
  }

  /** Inserts the contacts in one transaction and returns their ids in the commands' order. */
  @Transactional
  public List<Long> createAll(List<ContactCommand> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    List<Long> companyIds =
        commands.stream().flatMap(c -> c.companyIds().stream()).distinct().toList();
    companies.requireExisting(companyIds, "companyIds");
    Map<Long, String> companyNames = companies.names(companyIds);
    commands.stream()
        .map(ContactCommand::responsibleId)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(id -> users.requireActive(id, "responsibleId"));
    // the same custom field checks as a single create (required ones too), definitions read once
    UnaryOperator<Map<String, Object>> values =
        customFields.newRecordValues(CustomizableEntity.CONTACT);
    List<Contact> contacts = new ArrayList<>(commands.size());
    for (ContactCommand command : commands) {
      Contact contact = new Contact(null);
      contact.update(command, command.companyIds().stream().map(companyNames::get).toList());
      contact.setCustomFields(values.apply(command.customFields()));
      contacts.add(contact);
    }
    Timestamp now = Timestamp.from(Instant.now());
    String sql =
        "INSERT INTO crm_contact ("
            + COLUMNS
            + ") VALUES "
            + String.join(", ", Collections.nCopies(contacts.size(), ROW))
            + " RETURNING id";
    List<Long> ids =
        jdbc.query(
            sql,
            statement -> {
              int i = 1;
              for (Contact c : contacts) {
                i = bind(statement, i, c, now);
              }
            },
            (rs, n) -> rs.getLong(1));
    if (ids.size() != contacts.size()) {
      throw new IllegalStateException(
          "inserted " + contacts.size() + " contacts but got " + ids.size() + " ids");
    }
    List<Object[]> phones = new ArrayList<>();
    List<Object[]> emails = new ArrayList<>();
    List<Object[]> links = new ArrayList<>();
    for (int k = 0; k < contacts.size(); k++) {
      Contact c = contacts.get(k);
      long id = ids.get(k);
      for (int p = 0; p < c.getPhones().size(); p++) {
        phones.add(
            new Object[] {id, p, c.getPhones().get(p).type().name(), c.getPhones().get(p).value()});
      }
      for (int e = 0; e < c.getEmails().size(); e++) {
        emails.add(
            new Object[] {id, e, c.getEmails().get(e).type().name(), c.getEmails().get(e).value()});
      }
      for (Long companyId : c.getCompanyIds()) {
        links.add(new Object[] {id, companyId});
      }
    }
    insertRows("crm_contact_phone (contact_id, position, type, phone)", 4, phones);
    insertRows("crm_contact_email (contact_id, position, type, email)", 4, emails);
    insertRows("crm_contact_company (contact_id, company_id)", 2, links);
    return ids;
  }

  /**
   * Deletes contacts by id (their phones, e-mails and company links go with them); refused by the
   * database, as a whole, while a deal still points to one of them.
   */
  @Transactional
  public int deleteAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "DELETE FROM crm_contact WHERE id IN ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ")",
        ids.toArray());
  }

  /**
   * The contact holding each of these e-mail addresses (compared case-insensitively, keys in lower
   * case); one indexed query for a whole batch of import rows.
   */
  @Transactional(readOnly = true)
  public Map<String, Long> idsByEmail(Collection<String> emails) {
    List<String> wanted =
        emails.stream().filter(Objects::nonNull).map(String::toLowerCase).distinct().toList();
    Map<String, Long> found = new HashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    jdbc.query(
        "SELECT email, contact_id FROM crm_contact_email WHERE email IN ("
            + String.join(", ", Collections.nCopies(wanted.size(), "?"))
            + ") ORDER BY contact_id",
        rs -> {
          found.putIfAbsent(rs.getString(1).toLowerCase(), rs.getLong(2));
        },
        wanted.toArray());
    return found;
  }

  private void insertRows(String table, int width, List<Object[]> rows) {
    // Chunks keep a statement under the server's placeholder limit (65,535).
    int perStatement = 5000;
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
      String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
      jdbc.update(
          "INSERT INTO "
              + table
              + " VALUES "
              + String.join(", ", Collections.nCopies(chunk.size(), row)),
          chunk.stream().flatMap(java.util.Arrays::stream).toArray());
    }
  }

  private static int bind(PreparedStatement s, int i, Contact c, Timestamp now)
      throws SQLException {
    Address a = c.getAddress();
    s.setString(i++, c.getFirstName());
    s.setString(i++, c.getLastName() == null ? "" : c.getLastName());
    s.setString(i++, c.getPosition());
    s.setDate(i++, c.getBirthday() == null ? null : Date.valueOf(c.getBirthday()));
    s.setString(i++, a == null ? null : a.street());
    s.setString(i++, a == null ? null : a.city());
    s.setString(i++, a == null ? null : a.region());
    s.setString(i++, a == null ? null : a.postalCode());
    s.setString(i++, a == null ? null : a.country());
    if (c.getResponsibleId() == null) {
      s.setNull(i++, java.sql.Types.BIGINT);
    } else {
      s.setLong(i++, c.getResponsibleId());
    }
    s.setString(i++, c.getNotes());
    s.setString(i++, c.getSearchText());
    s.setString(i++, JSON_VALUES.convertToDatabaseColumn(c.getCustomFields()));
    s.setTimestamp(i++, now);
    s.setTimestamp(i++, now);
    return i;
  }
}

package org.flowcrm.crm.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns rows into one kind of record through that feature's public service: the fields a column can
 * fill, the command a row makes, duplicate lookup, create, update (keeping what the row leaves
 * empty) and the way back for a revert.
 *
 * @param <C> the feature's command type
 */
abstract class EntityImporter<C> {

  static final List<String> EMAIL_FIELDS = List.of("email", "email2", "email3");
  static final List<String> PHONE_FIELDS =
      List.of("phone", "phone2", "phone3", "mobilePhone", "homePhone");
  static final List<String> ADDRESS_FIELDS =
      List.of("street", "city", "region", "postalCode", "country");

  protected final JsonMapper json;

  EntityImporter(JsonMapper json) {
    this.json = json;
  }

  abstract ImportEntityType type();

  abstract List<ImportField> fields();

  abstract Class<C> commandType();

  /** The command a row makes; throws {@link RowProblem} for what Bean Validation cannot see. */
  abstract C command(Row row, ImportContext context);

  /**
   * Whether records of this kind have e-mails and phones to find duplicates by, and so can be
   * updated by an import (see {@link UpdatingImporter}).
   */
  boolean findsDuplicates() {
    return false;
  }

  List<String> emails(C command) {
    return List.of();
  }

  List<String> phones(C command) {
    return List.of();
  }

  Optional<Long> findDuplicate(C command, DuplicateKey key) {
    return Optional.empty();
  }

  abstract long create(C command);

  /** Creates many; importers that can insert in bulk override this. */
  List<Long> createAll(List<C> commands) {
    List<Long> ids = new ArrayList<>(commands.size());
    for (C command : commands) {
      ids.add(create(command));
    }
    return ids;
  }

  boolean createsInBulk() {
    return false;
  }

  /**
   * Called for each record a row created, after it has its id: what the command cannot carry (a
   * vCard's photo) is added here. A problem is reported as a notice; the record stays.
   */
  void created(Row row, long id, List<RowFailure> notices) {}

  abstract void delete(long id);

  /** Deletes many; returns how many were deleted (bulk importers override this). */
  int deleteAll(List<Long> ids, List<String> kept) {
    int deleted = 0;
    for (long id : ids) {
      try {
        delete(id);
        deleted++;
      } catch (org.flowcrm.crm.shared.NotFoundException gone) {
        // Deleted by someone else since the import: nothing to revert.
      } catch (RuntimeException refused) {
        kept.add(type() + " " + id + ": " + refused.getMessage());
      }
    }
    return deleted;
  }

  // helpers for the subclasses

  static List<Email> emails(Row row) {
    List<Email> emails = new ArrayList<>();
    for (String field : EMAIL_FIELDS) {
      if (row.has(field)) {
        row.source("emails[" + emails.size() + "]", field);
        emails.add(new Email(EmailType.WORK, row.text(field)));
      }
    }
    return emails;
  }

  static List<Phone> phones(Row row) {
    List<Phone> phones = new ArrayList<>();
    for (String field : PHONE_FIELDS) {
      if (row.has(field)) {
        row.source("phones[" + phones.size() + "]", field);
        PhoneType type =
            switch (field) {
              case "mobilePhone" -> PhoneType.MOBILE;
              case "homePhone" -> PhoneType.HOME;
              default -> PhoneType.WORK;
            };
        phones.add(new Phone(type, row.text(field)));
      }
    }
    return phones;
  }

  static Address address(Row row) {
    if (ADDRESS_FIELDS.stream().noneMatch(row::has)) {
      return null;
    }
    String country = row.text("country");
    return new Address(
        row.text("street"),
        row.text("city"),
        row.text("region"),
        row.text("postalCode"),
        country == null ? null : country.toUpperCase(java.util.Locale.ROOT));
  }

  static List<ImportField> contactDataFields() {
    List<ImportField> fields = new ArrayList<>();
    EMAIL_FIELDS.forEach(f -> fields.add(ImportField.of(f, FieldKind.EMAIL)));
    PHONE_FIELDS.forEach(f -> fields.add(ImportField.of(f, FieldKind.PHONE)));
    ADDRESS_FIELDS.forEach(f -> fields.add(ImportField.text(f)));
    return fields;
  }

  /** The existing list with the new entries appended (compared case-insensitively). */
  static <T> List<T> union(
      List<T> existing, List<T> added, java.util.function.Function<T, String> key) {
    List<T> result = new ArrayList<>(existing);
    for (T item : added) {
      String k = key.apply(item).toLowerCase(java.util.Locale.ROOT);
      if (result.stream()
          .noneMatch(e -> key.apply(e).toLowerCase(java.util.Locale.ROOT).equals(k))) {
        result.add(item);
      }
    }
    return result;
  }

  static <T> T either(T incoming, T existing) {
    return incoming != null ? incoming : existing;
  }

  static Address merge(Address incoming, Address existing) {
    if (incoming == null) {
      return existing;
    }
    if (existing == null) {
      return incoming;
    }
    return new Address(
        either(incoming.street(), existing.street()),
        either(incoming.city(), existing.city()),
        either(incoming.region(), existing.region()),
        either(incoming.postalCode(), existing.postalCode()),
        either(incoming.country(), existing.country()));
  }

  protected String toJson(Object value) {
    return json.writeValueAsString(value);
  }

  protected C fromJson(String text) {
    return json.readValue(text, commandType());
  }
}

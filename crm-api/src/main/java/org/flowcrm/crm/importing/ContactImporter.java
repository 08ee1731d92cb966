package org.flowcrm.crm.importing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.contact.ContactBatch;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactPhotoService;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.shared.BadParameterException;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Contacts: first and last name are required; {@code company} links (or creates) a company. */
@Component
class ContactImporter extends UpdatingImporter<ContactCommand> {

  private final ContactService contacts;
  private final ContactBatch batch;
  private final ContactPhotoService photos;

  ContactImporter(
      JsonMapper json, ContactService contacts, ContactBatch batch, ContactPhotoService photos) {
    super(json);
    this.contacts = contacts;
    this.batch = batch;
    this.photos = photos;
  }

  @Override
  ImportEntityType type() {
    return ImportEntityType.CONTACT;
  }

  @Override
  List<ImportField> fields() {
    List<ImportField> fields = new ArrayList<>();
    fields.add(ImportField.required("firstName"));
    fields.add(ImportField.required("lastName"));
    fields.add(ImportField.text("position"));
    fields.add(ImportField.of("birthday", FieldKind.DATE));
    fields.add(ImportField.text("company"));
    fields.addAll(contactDataFields());
    fields.add(ImportField.text("notes"));
    return fields;
  }

  @Override
  Class<ContactCommand> commandType() {
    return ContactCommand.class;
  }

  @Override
  ContactCommand command(Row row, ImportContext context) {
    List<Long> companyIds = new ArrayList<>();
    if (row.has("company")) {
      String company = row.text("company");
      if (company.length() > 255) {
        throw new RowProblem(row.column("company"), "size must be between 0 and 255");
      }
      companyIds.add(context.companyNamed(company));
      row.source("companyIds", "company");
    }
    return new ContactCommand(
        row.text("firstName"),
        row.text("lastName"),
        row.text("position"),
        row.date("birthday"),
        address(row),
        phones(row),
        emails(row),
        companyIds,
        null,
        row.text("notes"),
        null,
        row.customFields());
  }

  @Override
  List<String> emails(ContactCommand command) {
    return command.emails().stream().map(Email::value).toList();
  }

  @Override
  List<String> phones(ContactCommand command) {
    return command.phones().stream().map(Phone::value).toList();
  }

  @Override
  Optional<Long> findDuplicate(ContactCommand command, DuplicateKey key) {
    List<ContactView> found =
        key == DuplicateKey.EMAIL
            ? contacts.findDuplicates(emails(command), List.of())
            : contacts.findDuplicates(List.of(), phones(command));
    return found.stream().map(ContactView::id).min(Long::compare);
  }

  /** E-mail duplicates of a whole batch in one query. */
  java.util.Map<String, Long> idsByEmail(List<String> emails) {
    return batch.idsByEmail(emails);
  }

  @Override
  long create(ContactCommand command) {
    return contacts.create(command).id();
  }

  @Override
  List<Long> createAll(List<ContactCommand> commands) {
    return batch.createAll(commands);
  }

  @Override
  boolean createsInBulk() {
    return true;
  }

  /**
   * A vCard's photo lands on the contact it created. A photo at a web address is not fetched (the
   * server would call any address a file names), and one the photo service refuses (too large, not
   * an image) is left out: either is a notice in the report, the contact stays.
   */
  @Override
  void created(Row row, long id, List<RowFailure> notices) {
    if (!row.has(SourceReader.PHOTO)) {
      return;
    }
    String photo = row.text(SourceReader.PHOTO);
    int comma = photo.indexOf(',');
    if (!photo.startsWith("data:") || comma < 0 || !photo.substring(0, comma).endsWith(";base64")) {
      notices.add(
          RowFailure.noted(
              row.number(),
              "PHOTO",
              "the photo at "
                  + (photo.length() > 200 ? photo.substring(0, 200) + "…" : photo)
                  + " was not imported: only photos inside the card are, web addresses are not"
                  + " downloaded"));
      return;
    }
    String reason;
    try {
      photos.store(id, Base64.getMimeDecoder().decode(photo.substring(comma + 1)));
      return;
    } catch (BadParameterException refused) {
      reason = "it " + refused.getMessage();
    } catch (IllegalArgumentException notBase64) {
      reason = "its data is not valid base64";
    } catch (RuntimeException refused) {
      // e.g. the importing user may not change the contact he just created
      reason = refused.getMessage();
    }
    notices.add(RowFailure.noted(row.number(), "PHOTO", "the photo was not imported: " + reason));
  }

  @Override
  String snapshot(long id) {
    return toJson(commandOf(contacts.get(id)));
  }

  @Override
  void update(long id, ContactCommand in) {
    ContactCommand old = commandOf(contacts.get(id));
    contacts.update(
        id,
        new ContactCommand(
            either(in.firstName(), old.firstName()),
            either(in.lastName(), old.lastName()),
            either(in.position(), old.position()),
            either(in.birthday(), old.birthday()),
            merge(in.address(), old.address()),
            union(old.phones(), in.phones(), Phone::value),
            union(old.emails(), in.emails(), Email::value),
            union(old.companyIds(), in.companyIds(), String::valueOf),
            old.responsibleId(),
            either(in.notes(), old.notes()),
            null,
            in.customFields()),
        null);
  }

  @Override
  void restore(long id, String snapshot) {
    ContactCommand s = fromJson(snapshot);
    contacts.update(
        id,
        new ContactCommand(
            s.firstName(),
            s.lastName(),
            s.position(),
            s.birthday(),
            s.address(),
            s.phones(),
            s.emails(),
            s.companyIds(),
            s.responsibleId(),
            s.notes(),
            null,
            restoring(s.customFields(), contacts.get(id).customFields())),
        null);
  }

  @Override
  void delete(long id) {
    contacts.delete(id, null);
  }

  @Override
  int deleteAll(List<Long> ids, List<String> kept) {
    try {
      return batch.deleteAll(ids);
    } catch (org.springframework.dao.DataIntegrityViolationException referenced) {
      // Some are used by deals now: delete one by one and keep those.
      return super.deleteAll(ids, kept);
    }
  }

  static ContactCommand commandOf(ContactView v) {
    return new ContactCommand(
        v.firstName(),
        v.lastName(),
        v.position(),
        v.birthday(),
        v.address(),
        v.phones(),
        v.emails(),
        v.companyIds(),
        v.responsibleId(),
        v.notes(),
        null,
        v.customFields());
  }
}

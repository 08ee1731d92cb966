package org.flowcrm.crm.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.CompanyAddress;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Companies: the name is required; the address columns make its legal address. */
@Component
class CompanyImporter extends UpdatingImporter<CompanyCommand> {

  private final CompanyService companies;

  CompanyImporter(JsonMapper json, CompanyService companies) {
    super(json);
    this.companies = companies;
  }

  @Override
  ImportEntityType type() {
    return ImportEntityType.COMPANY;
  }

  @Override
  List<ImportField> fields() {
    List<ImportField> fields = new ArrayList<>();
    fields.add(ImportField.required("name"));
    fields.add(ImportField.text("industry"));
    fields.add(ImportField.of("employees", FieldKind.INTEGER));
    fields.add(ImportField.of("revenue", FieldKind.NUMBER));
    fields.add(ImportField.text("revenueCurrency"));
    fields.add(ImportField.text("website"));
    fields.add(ImportField.text("taxNumber"));
    fields.addAll(contactDataFields());
    fields.add(ImportField.text("notes"));
    return fields;
  }

  @Override
  Class<CompanyCommand> commandType() {
    return CompanyCommand.class;
  }

  @Override
  CompanyCommand command(Row row, ImportContext context) {
    Address a = address(row);
    List<CompanyAddress> addresses =
        a == null
            ? List.of()
            : List.of(
                new CompanyAddress(
                    AddressType.LEGAL,
                    a.street(),
                    a.city(),
                    a.region(),
                    a.postalCode(),
                    a.country()));
    if (a != null) {
      for (String field : ADDRESS_FIELDS) {
        row.source("addresses[0]." + field, field);
      }
    }
    return new CompanyCommand(
        row.text("name"),
        row.text("industry"),
        row.integer("employees"),
        row.number("revenue"),
        row.text("revenueCurrency"),
        row.text("website"),
        row.text("taxNumber"),
        null,
        addresses,
        phones(row),
        emails(row),
        null,
        row.text("notes"),
        null,
        row.customFields());
  }

  @Override
  List<String> emails(CompanyCommand command) {
    return command.emails().stream().map(Email::value).toList();
  }

  @Override
  List<String> phones(CompanyCommand command) {
    return command.phones().stream().map(Phone::value).toList();
  }

  @Override
  Optional<Long> findDuplicate(CompanyCommand command, DuplicateKey key) {
    List<CompanyView> found =
        key == DuplicateKey.EMAIL
            ? companies.findDuplicates(emails(command), List.of())
            : companies.findDuplicates(List.of(), phones(command));
    return found.stream().map(CompanyView::id).min(Long::compare);
  }

  @Override
  long create(CompanyCommand command) {
    return companies.create(command).id();
  }

  @Override
  String snapshot(long id) {
    return toJson(commandOf(companies.get(id)));
  }

  @Override
  void update(long id, CompanyCommand in) {
    CompanyCommand old = commandOf(companies.get(id));
    companies.update(
        id,
        new CompanyCommand(
            either(in.name(), old.name()),
            either(in.industry(), old.industry()),
            either(in.employees(), old.employees()),
            either(in.revenue(), old.revenue()),
            either(in.revenueCurrency(), old.revenueCurrency()),
            either(in.website(), old.website()),
            either(in.taxNumber(), old.taxNumber()),
            old.bankDetails(),
            old.addresses().isEmpty() ? in.addresses() : old.addresses(),
            union(old.phones(), in.phones(), Phone::value),
            union(old.emails(), in.emails(), Email::value),
            old.responsibleId(),
            either(in.notes(), old.notes()),
            null,
            in.customFields()),
        null);
  }

  @Override
  void restore(long id, String snapshot) {
    CompanyCommand s = fromJson(snapshot);
    companies.update(
        id,
        new CompanyCommand(
            s.name(),
            s.industry(),
            s.employees(),
            s.revenue(),
            s.revenueCurrency(),
            s.website(),
            s.taxNumber(),
            s.bankDetails(),
            s.addresses(),
            s.phones(),
            s.emails(),
            s.responsibleId(),
            s.notes(),
            null,
            restoring(s.customFields(), companies.get(id).customFields())),
        null);
  }

  @Override
  void delete(long id) {
    companies.delete(id, null);
  }

  private static CompanyCommand commandOf(CompanyView v) {
    return new CompanyCommand(
        v.name(),
        v.industry(),
        v.employees(),
        v.revenue(),
        v.revenueCurrency(),
        v.website(),
        v.taxNumber(),
        v.bankDetails(),
        v.addresses(),
        v.phones(),
        v.emails(),
        v.responsibleId(),
        v.notes(),
        null,
        v.customFields());
  }
}

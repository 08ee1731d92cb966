package org.flowcrm.crm.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.ProductRow;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leads, created with source {@link LeadSource#IMPORT}: the lead-processing listener starts no
 * process for those, so an import of 10,000 old leads does not flood the managers' task lists. The
 * title defaults to the company or the person's name.
 */
@Component
class LeadImporter extends UpdatingImporter<LeadCommand> {

  private final LeadService leads;

  LeadImporter(JsonMapper json, LeadService leads) {
    super(json);
    this.leads = leads;
  }

  @Override
  ImportEntityType type() {
    return ImportEntityType.LEAD;
  }

  @Override
  List<ImportField> fields() {
    List<ImportField> fields = new ArrayList<>();
    fields.add(ImportField.text("title"));
    fields.add(ImportField.text("firstName"));
    fields.add(ImportField.text("lastName"));
    fields.add(ImportField.text("companyName"));
    fields.add(ImportField.text("position"));
    fields.addAll(contactDataFields());
    return fields;
  }

  @Override
  Class<LeadCommand> commandType() {
    return LeadCommand.class;
  }

  @Override
  LeadCommand command(Row row, ImportContext context) {
    String name =
        String.join(
                " ",
                java.util.stream.Stream.of(row.text("firstName"), row.text("lastName"))
                    .filter(java.util.Objects::nonNull)
                    .toList())
            .trim();
    String title =
        row.has("title")
            ? row.text("title")
            : row.has("companyName") ? row.text("companyName") : name.isEmpty() ? null : name;
    if (title == null) {
      throw new RowProblem(
          row.column("title"), "is required: give a title, a company name or a person's name");
    }
    row.source(
        "title", row.has("title") ? "title" : row.has("companyName") ? "companyName" : "lastName");
    return new LeadCommand(
        title,
        row.text("firstName"),
        row.text("lastName"),
        row.text("companyName"),
        row.text("position"),
        address(row),
        LeadSource.IMPORT,
        null,
        null,
        phones(row),
        emails(row),
        List.of(),
        row.customFields());
  }

  @Override
  List<String> emails(LeadCommand command) {
    return command.emails().stream().map(Email::value).toList();
  }

  @Override
  List<String> phones(LeadCommand command) {
    return command.phones().stream().map(Phone::value).toList();
  }

  @Override
  Optional<Long> findDuplicate(LeadCommand command, DuplicateKey key) {
    List<LeadView> found =
        key == DuplicateKey.EMAIL
            ? leads.findDuplicates(emails(command), List.of())
            : leads.findDuplicates(List.of(), phones(command));
    return found.stream().map(LeadView::id).min(Long::compare);
  }

  @Override
  long create(LeadCommand command) {
    return leads.create(command).id();
  }

  @Override
  String snapshot(long id) {
    return toJson(commandOf(leads.get(id)));
  }

  @Override
  void update(long id, LeadCommand in) {
    LeadCommand old = commandOf(leads.get(id));
    leads.update(
        id,
        new LeadCommand(
            either(in.title(), old.title()),
            either(in.firstName(), old.firstName()),
            either(in.lastName(), old.lastName()),
            either(in.companyName(), old.companyName()),
            either(in.position(), old.position()),
            merge(in.address(), old.address()),
            old.source(),
            old.status(),
            old.responsibleId(),
            union(old.phones(), in.phones(), Phone::value),
            union(old.emails(), in.emails(), Email::value),
            old.productInterests(),
            in.customFields()),
        null);
  }

  @Override
  void restore(long id, String snapshot) {
    LeadCommand s = fromJson(snapshot);
    leads.update(
        id,
        new LeadCommand(
            s.title(),
            s.firstName(),
            s.lastName(),
            s.companyName(),
            s.position(),
            s.address(),
            s.source(),
            s.status(),
            s.responsibleId(),
            s.phones(),
            s.emails(),
            s.productInterests(),
            restoring(s.customFields(), leads.get(id).customFields())),
        null);
  }

  @Override
  void delete(long id) {
    leads.delete(id, null);
  }

  private static LeadCommand commandOf(LeadView v) {
    return new LeadCommand(
        v.title(),
        v.firstName(),
        v.lastName(),
        v.companyName(),
        v.position(),
        v.address(),
        v.source(),
        v.status(),
        v.responsibleId(),
        v.phones(),
        v.emails(),
        v.productInterests().stream()
            .map(
                r ->
                    new ProductRow(
                        r.productId(),
                        r.name(),
                        r.quantity(),
                        r.price(),
                        r.discountPercent(),
                        r.taxPercent()))
            .toList(),
        v.customFields());
  }
}

package org.flowcrm.ui.merge;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.Phone;

/**
 * What the merge pages show of a contact, company or lead: its name, version and the fields
 * compared side by side, as text (message key of the label → value).
 */
public record MergeRecord(
    long id,
    long version,
    String name,
    List<String> emails,
    List<String> phones,
    Map<String, String> fields) {

  static MergeRecord of(ContactView c) {
    return new MergeRecord(
        c.id(),
        c.version(),
        c.fullName(),
        emails(c.emails()),
        phones(c.phones()),
        fields(
            "lead.field.position",
            c.position(),
            "contact.field.companies",
            c.companyIds().stream().map(id -> "#" + id).collect(Collectors.joining(", ")),
            "merge.field.notes",
            c.notes()));
  }

  static MergeRecord of(CompanyView c) {
    return new MergeRecord(
        c.id(),
        c.version(),
        c.name(),
        emails(c.emails()),
        phones(c.phones()),
        fields(
            "merge.field.industry",
            c.industry(),
            "merge.field.website",
            c.website(),
            "merge.field.notes",
            c.notes()));
  }

  static MergeRecord of(LeadView l) {
    String person =
        String.join(
                " ",
                l.firstName() == null ? "" : l.firstName(),
                l.lastName() == null ? "" : l.lastName())
            .strip();
    return new MergeRecord(
        l.id(),
        l.version(),
        l.title(),
        emails(l.emails()),
        phones(l.phones()),
        fields(
            "merge.field.person",
            person,
            "lead.field.company",
            l.companyName(),
            "merge.field.status",
            l.statusName()));
  }

  private static List<String> emails(List<Email> emails) {
    return emails.stream().map(Email::value).toList();
  }

  private static List<String> phones(List<Phone> phones) {
    return phones.stream().map(Phone::value).toList();
  }

  private static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String value = keysAndValues[i + 1];
      fields.put(keysAndValues[i], value == null || value.isBlank() ? "–" : value);
    }
    return fields;
  }
}

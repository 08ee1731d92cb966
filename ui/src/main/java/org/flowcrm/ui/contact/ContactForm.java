package org.flowcrm.ui.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.ui.record.AddressRow;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.RecordForm;
import org.flowcrm.ui.record.RowActions;
import org.flowcrm.ui.record.TypedRow;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the contact form posts: every field of {@link ContactCommand}, phones and e-mails as lines,
 * and the version it was rendered with (an edit). Checked by the service only, so the messages are
 * the same as the API's and nothing is checked twice differently.
 */
public class ContactForm extends RecordForm {

  private String firstName;
  private String lastName;
  private String position;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate birthday;

  private AddressRow address = new AddressRow();
  private List<TypedRow> phones = new ArrayList<>();
  private List<TypedRow> emails = new ArrayList<>();
  private List<Long> companyIds = new ArrayList<>();
  private Long responsibleId;
  private String notes;
  private boolean vip;

  /** A new contact: one empty line each, the signed-in user responsible. */
  static ContactForm blank(Long responsibleId) {
    ContactForm form = new ContactForm();
    form.responsibleId = responsibleId;
    form.withEmptyLines();
    return form;
  }

  static ContactForm of(ContactView c) {
    ContactForm form = new ContactForm();
    form.firstName = c.firstName();
    form.lastName = c.lastName();
    form.position = c.position();
    form.birthday = c.birthday();
    form.address = AddressRow.of(c.address());
    c.phones().forEach(p -> form.phones.add(new TypedRow(p.type().name(), p.value())));
    c.emails().forEach(e -> form.emails.add(new TypedRow(e.type().name(), e.value())));
    form.companyIds = new ArrayList<>(c.companyIds());
    form.responsibleId = c.responsibleId();
    form.notes = c.notes();
    form.vip = c.vip();
    CustomFieldInputs.fill(form.getCustomFields(), c.customFields());
    form.setVersion(c.version());
    form.withEmptyLines();
    return form;
  }

  @Override
  protected boolean applyRowAction() {
    return RowActions.apply(
        getAdd(),
        getRemove(),
        Map.of("phones", phones, "emails", emails),
        Map.<String, Supplier<?>>of(
            "phones",
            () -> new TypedRow(PhoneType.WORK.name(), ""),
            "emails",
            () -> new TypedRow(EmailType.WORK.name(), "")));
  }

  /** An empty phone and e-mail line to type into when there is none. */
  @Override
  protected void withEmptyLines() {
    if (phones.isEmpty()) {
      phones.add(new TypedRow(PhoneType.WORK.name(), ""));
    }
    if (emails.isEmpty()) {
      emails.add(new TypedRow(EmailType.WORK.name(), ""));
    }
  }

  /** Drops empty lines before saving, so the service's {@code phones[1]} is the form's. */
  @Override
  protected void compact() {
    TypedRow.compact(phones);
    TypedRow.compact(emails);
    companyIds.removeIf(id -> id == null);
  }

  ContactCommand toCommand(Map<String, Object> customFieldValues) {
    return new ContactCommand(
        AddressRow.trim(firstName),
        AddressRow.trim(lastName),
        AddressRow.trim(position),
        birthday,
        address == null ? null : address.toAddress(),
        TypedRow.toRecords(phones, PhoneType.class, PhoneType.WORK, Phone::new),
        TypedRow.toRecords(emails, EmailType.class, EmailType.WORK, Email::new),
        companyIds,
        responsibleId,
        AddressRow.trim(notes),
        vip,
        customFieldValues);
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public LocalDate getBirthday() {
    return birthday;
  }

  public void setBirthday(LocalDate birthday) {
    this.birthday = birthday;
  }

  public AddressRow getAddress() {
    return address;
  }

  public void setAddress(AddressRow address) {
    this.address = address;
  }

  public List<TypedRow> getPhones() {
    return phones;
  }

  public void setPhones(List<TypedRow> phones) {
    this.phones = phones;
  }

  public List<TypedRow> getEmails() {
    return emails;
  }

  public void setEmails(List<TypedRow> emails) {
    this.emails = emails;
  }

  public List<Long> getCompanyIds() {
    return companyIds;
  }

  public void setCompanyIds(List<Long> companyIds) {
    this.companyIds = companyIds;
  }

  public Long getResponsibleId() {
    return responsibleId;
  }

  public void setResponsibleId(Long responsibleId) {
    this.responsibleId = responsibleId;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  public boolean isVip() {
    return vip;
  }

  public void setVip(boolean vip) {
    this.vip = vip;
  }
}

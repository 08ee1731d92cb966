package org.flowcrm.crm.contact;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcrm.crm.customfield.CustomFieldValues;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.FullText;
import org.flowcrm.crm.shared.Phone;
import org.hibernate.annotations.BatchSize;

/** A person. */
@Entity
@Table(name = "crm_contact")
class Contact extends AggregateRoot<Contact> {

  /** Values of the custom fields, by code; checked by CustomFieldService before every write. */
  @Convert(converter = CustomFieldValues.class)
  @Column(name = "custom_fields")
  private Map<String, Object> customFields = new LinkedHashMap<>();

  @Column(name = "first_name", nullable = false, length = 100)
  private String firstName;

  /** Empty rather than null, so that lists can sort and page by it. */
  @Column(name = "last_name", nullable = false, length = 100)
  private String lastName = "";

  @Column(name = "position_title", length = 150)
  private String position;

  @Column(name = "birthday")
  private LocalDate birthday;

  @Embedded private Address address;

  @ElementCollection
  @CollectionTable(name = "crm_contact_phone", joinColumns = @JoinColumn(name = "contact_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Phone> phones = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "crm_contact_email", joinColumns = @JoinColumn(name = "contact_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Email> emails = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "crm_contact_company", joinColumns = @JoinColumn(name = "contact_id"))
  @Column(name = "company_id", nullable = false)
  @BatchSize(size = 100)
  private Set<Long> companyIds = new LinkedHashSet<>();

  @Column(name = "responsible_id")
  private Long responsibleId;

  @Column(name = "source_lead_id")
  private Long sourceLeadId;

  @Column(name = "notes", length = 20000)
  private String notes;

  /** A VIP client: assignment rules may route his leads and deals to someone senior. */
  @Column(name = "vip", nullable = false)
  private boolean vip;

  @Column(name = "search_text", nullable = false, length = 65535)
  private String searchText;

  protected Contact() {}

  Contact(Long sourceLeadId) {
    this.sourceLeadId = sourceLeadId;
  }

  /** Replaces the editable fields; {@code companyNames} feed the search text. */
  void update(ContactCommand c, Collection<String> companyNames) {
    this.firstName = c.firstName();
    this.lastName = c.lastName() == null ? "" : c.lastName();
    this.position = c.position();
    this.birthday = c.birthday();
    this.address = c.address();
    this.phones.clear();
    this.phones.addAll(c.phones());
    this.emails.clear();
    this.emails.addAll(c.emails());
    this.companyIds.clear();
    this.companyIds.addAll(c.companyIds());
    this.responsibleId = c.responsibleId();
    this.notes = c.notes();
    if (c.vip() != null) {
      this.vip = c.vip(); // null keeps the flag: forms and importers that do not show it
    }
    FullText text = FullText.document().add(firstName, lastName, position);
    emails.forEach(e -> text.add(e.value()));
    phones.forEach(p -> text.addPhone(p.value()));
    companyNames.forEach(text::add);
    this.searchText = text.build();
    touch();
  }

  String getFirstName() {
    return firstName;
  }

  String getLastName() {
    return lastName.isEmpty() ? null : lastName;
  }

  String getPosition() {
    return position;
  }

  LocalDate getBirthday() {
    return birthday;
  }

  Address getAddress() {
    return address;
  }

  List<Phone> getPhones() {
    return List.copyOf(phones);
  }

  List<Email> getEmails() {
    return List.copyOf(emails);
  }

  Set<Long> getCompanyIds() {
    return Set.copyOf(companyIds);
  }

  Long getResponsibleId() {
    return responsibleId;
  }

  Long getSourceLeadId() {
    return sourceLeadId;
  }

  String getNotes() {
    return notes;
  }

  String getSearchText() {
    return searchText;
  }

  /** Makes another user responsible. */
  void assignTo(Long userId) {
    this.responsibleId = userId;
    touch();
  }

  public Map<String, Object> getCustomFields() {
    return Collections.unmodifiableMap(customFields);
  }

  /** Replaces the custom field values with ones CustomFieldService has checked. */
  void setCustomFields(Map<String, Object> values) {
    if (!values.equals(customFields)) {
      customFields = new LinkedHashMap<>(values);
      touch();
    }
  }

  boolean isVip() {
    return vip;
  }
}

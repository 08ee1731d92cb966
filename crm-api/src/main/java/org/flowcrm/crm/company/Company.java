package org.flowcrm.crm.company;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomFieldValues;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.FullText;
import org.flowcrm.crm.shared.Phone;
import org.hibernate.annotations.BatchSize;

/** An organisation: customer, prospect or partner. */
@Entity
@Table(name = "crm_company")
class Company extends AggregateRoot<Company> {

  /** Values of the custom fields, by code; checked by CustomFieldService before every write. */
  @Convert(converter = CustomFieldValues.class)
  @Column(name = "custom_fields")
  private Map<String, Object> customFields = new LinkedHashMap<>();

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @Column(name = "industry", length = 100)
  private String industry;

  @Column(name = "employees")
  private Integer employees;

  @Column(name = "revenue", precision = 17, scale = 2)
  private BigDecimal revenue;

  @Column(name = "revenue_currency", length = 3)
  private String revenueCurrency;

  @Column(name = "website", length = 255)
  private String website;

  @Column(name = "tax_number", length = 50)
  private String taxNumber;

  @Embedded private BankDetails bankDetails;

  @ElementCollection
  @CollectionTable(name = "crm_company_address", joinColumns = @JoinColumn(name = "company_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<CompanyAddress> addresses = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "crm_company_phone", joinColumns = @JoinColumn(name = "company_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Phone> phones = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "crm_company_email", joinColumns = @JoinColumn(name = "company_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Email> emails = new ArrayList<>();

  @Column(name = "responsible_id")
  private Long responsibleId;

  @Column(name = "source_lead_id")
  private Long sourceLeadId;

  @Column(name = "notes", length = 20000)
  private String notes;

  /** A VIP client: assignment rules may route its leads and deals to someone senior. */
  @Column(name = "vip", nullable = false)
  private boolean vip;

  @Column(name = "search_text", nullable = false, length = 65535)
  private String searchText;

  protected Company() {}

  Company(Long sourceLeadId) {
    this.sourceLeadId = sourceLeadId;
  }

  void update(CompanyCommand c) {
    this.name = c.name();
    this.industry = c.industry();
    this.employees = c.employees();
    this.revenue = c.revenue();
    this.revenueCurrency = c.revenueCurrency();
    this.website = c.website();
    this.taxNumber = c.taxNumber();
    this.bankDetails = c.bankDetails();
    this.addresses.clear();
    this.addresses.addAll(c.addresses());
    this.phones.clear();
    this.phones.addAll(c.phones());
    this.emails.clear();
    this.emails.addAll(c.emails());
    this.responsibleId = c.responsibleId();
    this.notes = c.notes();
    if (c.vip() != null) {
      this.vip = c.vip(); // null keeps the flag: forms and importers that do not show it
    }
    FullText text = FullText.document().add(name, website, taxNumber);
    emails.forEach(e -> text.add(e.value()));
    phones.forEach(p -> text.addPhone(p.value()));
    this.searchText = text.build();
    touch();
  }

  String getName() {
    return name;
  }

  String getIndustry() {
    return industry;
  }

  Integer getEmployees() {
    return employees;
  }

  BigDecimal getRevenue() {
    return revenue;
  }

  String getRevenueCurrency() {
    return revenueCurrency;
  }

  String getWebsite() {
    return website;
  }

  String getTaxNumber() {
    return taxNumber;
  }

  BankDetails getBankDetails() {
    return bankDetails;
  }

  List<CompanyAddress> getAddresses() {
    return List.copyOf(addresses);
  }

  List<Phone> getPhones() {
    return List.copyOf(phones);
  }

  List<Email> getEmails() {
    return List.copyOf(emails);
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

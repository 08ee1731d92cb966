package org.flowcrm.crm.lead;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcrm.crm.customfield.CustomFieldValues;
import org.flowcrm.crm.process.ProcessLink;
import org.flowcrm.crm.shared.Address;
import org.flowcrm.crm.shared.AggregateRoot;
import org.flowcrm.crm.shared.ConflictException;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.FullText;
import org.flowcrm.crm.shared.InvalidFieldException;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.ProductRow;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A lead. It guards its lifecycle: its status changes freely among open and junk statuses, it
 * becomes converted only by {@link #markConverted} (never when junk, never twice), and after
 * conversion its status no longer changes.
 */
@Entity
@Table(name = "crm_lead")
public class Lead extends AggregateRoot<Lead> {

  /** Values of the custom fields, by code; checked by CustomFieldService before every write. */
  @Convert(converter = CustomFieldValues.class)
  @Column(name = "custom_fields")
  private Map<String, Object> customFields = new LinkedHashMap<>();

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "first_name", length = 100)
  private String firstName;

  @Column(name = "last_name", length = 100)
  private String lastName;

  @Column(name = "company_name", length = 255)
  private String companyName;

  @Column(name = "position_title", length = 150)
  private String position;

  @Embedded private Address address;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "source", nullable = false, length = 20)
  private LeadSource source;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "status_id", nullable = false)
  private LeadStatus status;

  @Column(name = "responsible_id")
  private Long responsibleId;

  @ElementCollection
  @CollectionTable(name = "crm_lead_phone", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Phone> phones = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "crm_lead_email", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<Email> emails = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "crm_lead_product_row", joinColumns = @JoinColumn(name = "lead_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 100)
  private List<ProductRow> productInterests = new ArrayList<>();

  @Column(name = "converted_contact_id")
  private Long convertedContactId;

  @Column(name = "converted_company_id")
  private Long convertedCompanyId;

  @Column(name = "converted_deal_id")
  private Long convertedDealId;

  @Column(name = "converted_at")
  private Instant convertedAt;

  // The process link is written by ProcessLinkService only (see V11): read-only here.
  @Column(name = "process_instance_key", insertable = false, updatable = false)
  private Long processInstanceKey;

  @Column(name = "process_id", insertable = false, updatable = false)
  private String processId;

  @Column(name = "process_element_id", insertable = false, updatable = false)
  private String processElementId;

  @Column(name = "process_element_name", insertable = false, updatable = false)
  private String processElementName;

  @Column(name = "process_element_since", insertable = false, updatable = false)
  private Instant processElementSince;

  @Column(name = "search_text", nullable = false, length = 65535)
  private String searchText;

  protected Lead() {}

  Lead(LeadSource source, LeadStatus status) {
    this.source = source;
    this.status = status;
  }

  void update(LeadCommand c) {
    this.title = c.title();
    this.firstName = c.firstName();
    this.lastName = c.lastName();
    this.companyName = c.companyName();
    this.position = c.position();
    this.address = c.address();
    this.source = c.source();
    this.responsibleId = c.responsibleId();
    this.phones.clear();
    this.phones.addAll(c.phones());
    this.emails.clear();
    this.emails.addAll(c.emails());
    this.productInterests.clear();
    this.productInterests.addAll(c.productInterests());
    FullText text = FullText.document().add(title, firstName, lastName, companyName);
    emails.forEach(e -> text.add(e.value()));
    phones.forEach(p -> text.addPhone(p.value()));
    this.searchText = text.build();
    touch();
  }

  /** Registers {@link LeadCreated}; called once the lead has its id. */
  /** The event of this lead's creation; it needs the id, so it exists once the lead is saved. */
  LeadCreated creation() {
    return new LeadCreated(getId(), source, status.getCode(), responsibleId, getCreatedAt());
  }

  void changeStatus(LeadStatus target) {
    if (target.getId().equals(status.getId())) {
      return;
    }
    if (status.getSemantic() == StatusSemantic.CONVERTED) {
      throw new ConflictException(
          "Lead " + getId() + " was converted; its status no longer changes");
    }
    if (target.getSemantic() == StatusSemantic.CONVERTED) {
      throw new InvalidFieldException(
          "status",
          "a lead becomes "
              + target.getCode()
              + " by converting it (POST /api/v1/leads/"
              + getId()
              + "/conversion)");
    }
    status = target;
    touch();
  }

  /** Refuses conversion of a junk or already converted lead, with a message saying why. */
  void checkConvertible() {
    if (status.getSemantic() == StatusSemantic.JUNK) {
      throw new ConflictException(
          "Lead "
              + getId()
              + " is marked as junk ("
              + status.getName()
              + ") and cannot be converted; give it an open status first");
    }
    if (status.getSemantic() == StatusSemantic.CONVERTED) {
      throw new ConflictException(
          "Lead "
              + getId()
              + " was already converted on "
              + convertedAt
              + " (contact "
              + convertedContactId
              + ", company "
              + convertedCompanyId
              + ", deal "
              + convertedDealId
              + ")");
    }
  }

  void markConverted(
      LeadStatus converted, Long contactId, Long companyId, Long dealId, Long convertedBy) {
    checkConvertible();
    this.status = converted;
    this.convertedContactId = contactId;
    this.convertedCompanyId = companyId;
    this.convertedDealId = dealId;
    this.convertedAt = Instant.now();
    touch();
    registerEvent(
        new LeadConverted(
            getId(), contactId, companyId, dealId, convertedBy, convertedAt, processInstanceKey));
  }

  public String getTitle() {
    return title;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getCompanyName() {
    return companyName;
  }

  public String getPosition() {
    return position;
  }

  public Address getAddress() {
    return address;
  }

  public LeadSource getSource() {
    return source;
  }

  LeadStatus getStatus() {
    return status;
  }

  public Long getResponsibleId() {
    return responsibleId;
  }

  public List<Phone> getPhones() {
    return List.copyOf(phones);
  }

  public List<Email> getEmails() {
    return List.copyOf(emails);
  }

  public List<ProductRow> getProductInterests() {
    return List.copyOf(productInterests);
  }

  public Long getConvertedContactId() {
    return convertedContactId;
  }

  public Long getConvertedCompanyId() {
    return convertedCompanyId;
  }

  public Long getConvertedDealId() {
    return convertedDealId;
  }

  public Instant getConvertedAt() {
    return convertedAt;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  /** The process driving this record and where it is, or {@code null}. */
  public ProcessLink getProcessLink() {
    return ProcessLink.of(
        processInstanceKey, processId, processElementId, processElementName, processElementSince);
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
}

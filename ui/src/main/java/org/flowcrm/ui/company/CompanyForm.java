package org.flowcrm.ui.company;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.BankDetails;
import org.flowcrm.crm.company.CompanyAddress;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.ui.record.AddressRow;
import org.flowcrm.ui.record.CustomFieldInputs;
import org.flowcrm.ui.record.RecordForm;
import org.flowcrm.ui.record.RowActions;
import org.flowcrm.ui.record.TypedRow;

/**
 * What the company form posts: every field of {@link CompanyCommand} (bank details flat, addresses,
 * phones and e-mails as lines), and the version it was rendered with (an edit). The service checks
 * it all.
 */
public class CompanyForm extends RecordForm {

  private String name;
  private String industry;
  private Integer employees;
  private BigDecimal revenue;
  private String revenueCurrency;
  private String website;
  private String taxNumber;
  private String bankName;
  private String iban;
  private String bic;
  private String accountHolder;
  private List<AddressRow> addresses = new ArrayList<>();
  private List<TypedRow> phones = new ArrayList<>();
  private List<TypedRow> emails = new ArrayList<>();
  private Long responsibleId;
  private String notes;
  private boolean vip;

  /** The service's names of the bank fields → the form's. */
  static final Map<String, String> FIELD_NAMES =
      Map.of(
          "bankDetails.bankName", "bankName",
          "bankDetails.iban", "iban",
          "bankDetails.bic", "bic",
          "bankDetails.accountHolder", "accountHolder");

  static CompanyForm blank(Long responsibleId) {
    CompanyForm form = new CompanyForm();
    form.responsibleId = responsibleId;
    form.withEmptyLines();
    return form;
  }

  static CompanyForm of(CompanyView c) {
    CompanyForm form = new CompanyForm();
    form.name = c.name();
    form.industry = c.industry();
    form.employees = c.employees();
    form.revenue = c.revenue();
    form.revenueCurrency = c.revenueCurrency();
    form.website = c.website();
    form.taxNumber = c.taxNumber();
    if (c.bankDetails() != null) {
      form.bankName = c.bankDetails().bankName();
      form.iban = c.bankDetails().iban();
      form.bic = c.bankDetails().bic();
      form.accountHolder = c.bankDetails().accountHolder();
    }
    c.addresses()
        .forEach(
            a ->
                form.addresses.add(
                    AddressRow.of(
                        a.type().name(),
                        a.street(),
                        a.city(),
                        a.region(),
                        a.postalCode(),
                        a.country())));
    c.phones().forEach(p -> form.phones.add(new TypedRow(p.type().name(), p.value())));
    c.emails().forEach(e -> form.emails.add(new TypedRow(e.type().name(), e.value())));
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
        Map.of("phones", phones, "emails", emails, "addresses", addresses),
        Map.<String, Supplier<?>>of(
            "phones",
            () -> new TypedRow(PhoneType.WORK.name(), ""),
            "emails",
            () -> new TypedRow(EmailType.WORK.name(), ""),
            "addresses",
            () -> AddressRow.of(AddressType.ACTUAL.name(), null, null, null, null, null)));
  }

  @Override
  protected void withEmptyLines() {
    if (phones.isEmpty()) {
      phones.add(new TypedRow(PhoneType.WORK.name(), ""));
    }
    if (emails.isEmpty()) {
      emails.add(new TypedRow(EmailType.WORK.name(), ""));
    }
    if (addresses.isEmpty()) {
      addresses.add(AddressRow.of(AddressType.LEGAL.name(), null, null, null, null, null));
    }
  }

  /** Drops empty lines before saving, so the service's {@code addresses[1]} is the form's. */
  @Override
  protected void compact() {
    TypedRow.compact(phones);
    TypedRow.compact(emails);
    addresses.removeIf(a -> a == null || a.isBlank());
  }

  CompanyCommand toCommand(Map<String, Object> customFieldValues) {
    List<CompanyAddress> typed = new ArrayList<>();
    for (AddressRow a : addresses) {
      if (a == null || a.isBlank()) {
        continue;
      }
      AddressType type = AddressType.LEGAL;
      try {
        type = a.getType() == null ? type : AddressType.valueOf(a.getType());
      } catch (IllegalArgumentException tampered) {
        // the default type
      }
      typed.add(
          new CompanyAddress(
              type,
              AddressRow.trim(a.getStreet()),
              AddressRow.trim(a.getCity()),
              AddressRow.trim(a.getRegion()),
              AddressRow.trim(a.getPostalCode()),
              AddressRow.upper(AddressRow.trim(a.getCountry()))));
    }
    boolean noBank =
        AddressRow.trim(bankName) == null
            && AddressRow.trim(iban) == null
            && AddressRow.trim(bic) == null
            && AddressRow.trim(accountHolder) == null;
    BankDetails bank =
        noBank
            ? null
            : new BankDetails(
                AddressRow.trim(bankName),
                noSpaces(iban),
                noSpaces(bic),
                AddressRow.trim(accountHolder));
    return new CompanyCommand(
        AddressRow.trim(name),
        AddressRow.trim(industry),
        employees,
        revenue,
        AddressRow.upper(AddressRow.trim(revenueCurrency)),
        AddressRow.trim(website),
        AddressRow.trim(taxNumber),
        bank,
        typed,
        TypedRow.toRecords(phones, PhoneType.class, PhoneType.WORK, Phone::new),
        TypedRow.toRecords(emails, EmailType.class, EmailType.WORK, Email::new),
        responsibleId,
        AddressRow.trim(notes),
        vip,
        customFieldValues);
  }

  /** IBANs and BICs are often written in groups; the service takes them without spaces. */
  private static String noSpaces(String s) {
    String trimmed = AddressRow.trim(s);
    return trimmed == null ? null : AddressRow.upper(trimmed.replace(" ", ""));
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIndustry() {
    return industry;
  }

  public void setIndustry(String industry) {
    this.industry = industry;
  }

  public Integer getEmployees() {
    return employees;
  }

  public void setEmployees(Integer employees) {
    this.employees = employees;
  }

  public BigDecimal getRevenue() {
    return revenue;
  }

  public void setRevenue(BigDecimal revenue) {
    this.revenue = revenue;
  }

  public String getRevenueCurrency() {
    return revenueCurrency;
  }

  public void setRevenueCurrency(String revenueCurrency) {
    this.revenueCurrency = revenueCurrency;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public String getTaxNumber() {
    return taxNumber;
  }

  public void setTaxNumber(String taxNumber) {
    this.taxNumber = taxNumber;
  }

  public String getBankName() {
    return bankName;
  }

  public void setBankName(String bankName) {
    this.bankName = bankName;
  }

  public String getIban() {
    return iban;
  }

  public void setIban(String iban) {
    this.iban = iban;
  }

  public String getBic() {
    return bic;
  }

  public void setBic(String bic) {
    this.bic = bic;
  }

  public String getAccountHolder() {
    return accountHolder;
  }

  public void setAccountHolder(String accountHolder) {
    this.accountHolder = accountHolder;
  }

  public List<AddressRow> getAddresses() {
    return addresses;
  }

  public void setAddresses(List<AddressRow> addresses) {
    this.addresses = addresses;
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

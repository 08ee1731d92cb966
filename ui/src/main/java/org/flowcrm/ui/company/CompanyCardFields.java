package org.flowcrm.ui.company;

import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.ui.record.InPlaceField;
import org.flowcrm.ui.record.InPlaceField.Input;
import org.flowcrm.ui.record.InPlaceFields;
import org.flowcrm.ui.record.InPlaceValues;
import org.springframework.stereotype.Component;

/**
 * The company card's scalar fields edited in place (name, industry, employees, revenue and its
 * currency, website, tax number, responsible, VIP, notes). Addresses, phones, e-mails and bank
 * details are groups and stay on the edit page. A save goes through the edit page's {@link
 * CompanyForm}, so the service gets the whole record and checks it the same way; the custom fields
 * are left out of it, so the service keeps them.
 */
@Component
class CompanyCardFields extends InPlaceFields<CompanyView, CompanyForm> {

  private final CompanyService companies;

  CompanyCardFields(CompanyService companies, InPlaceValues values) {
    super("companies", values);
    this.companies = companies;
    text("name", "company.field.name", 255, CompanyView::name, CompanyForm::setName);
    parsed(
        InPlaceField.of("employees", "company.field.employees", Input.NUMBER),
        Integer::valueOf,
        CompanyView::employees,
        CompanyForm::setEmployees);
    decimal("revenue", "company.field.revenue", CompanyView::revenue, CompanyForm::setRevenue);
    text(
        "industry", "company.field.industry", 100, CompanyView::industry, CompanyForm::setIndustry);
    text("website", "company.field.website", 255, CompanyView::website, CompanyForm::setWebsite);
    text(
        "revenueCurrency",
        "company.field.revenueCurrency",
        3,
        CompanyView::revenueCurrency,
        CompanyForm::setRevenueCurrency);
    text(
        "taxNumber",
        "company.field.taxNumber",
        50,
        CompanyView::taxNumber,
        CompanyForm::setTaxNumber);
    responsibleVipAndNotes(
        CompanyView::responsibleId,
        CompanyForm::setResponsibleId,
        CompanyView::vip,
        CompanyForm::setVip,
        CompanyView::notes,
        CompanyForm::setNotes);
  }

  /** The revenue in its currency, as the lists and reports show money. */
  @Override
  public String shown(CompanyView company, String field) {
    if (field.equals("revenue") && company.revenue() != null) {
      return values.formats().money(company.revenue(), company.revenueCurrency());
    }
    return super.shown(company, field);
  }

  @Override
  public CompanyView load(long id) {
    return companies.get(id);
  }

  @Override
  public Card card(CompanyView company) {
    return new Card(company.id(), company.version(), company.name(), company.vip());
  }

  @Override
  protected CompanyForm formOf(CompanyView company) {
    return CompanyForm.of(company);
  }

  @Override
  protected CompanyView save(CompanyView current, CompanyForm changed, long version) {
    changed.compact();
    return companies.update(current.id(), changed.toCommand(null), version);
  }
}

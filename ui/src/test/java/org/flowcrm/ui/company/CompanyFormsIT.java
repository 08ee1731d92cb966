package org.flowcrm.ui.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.flowcrm.crm.company.AddressType;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyFilter;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.record.FormFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "New company" and "Edit": bank details, revenue, employees, typed addresses added without script,
 * the VIP flag and a custom field; a number that is no number and a bad IBAN refused at their
 * fields; a stale edit refused; a manager gets no form for a colleague's company.
 */
class CompanyFormsIT extends FormFixtures {

  @Autowired CompanyService companies;
  @Autowired CustomFieldService customFields;

  @Test
  void createsACompanyWithBankDetailsCustomFieldAndVipThenAddsAnAddressWithoutScript() {
    String u = word();
    customFields.create(
        new CustomFieldCommand(
            CustomizableEntity.COMPANY,
            "since" + u,
            "Client since " + u,
            CustomFieldType.DATE,
            false,
            null,
            null));
    open("/companies");
    browser.findElement(By.linkText("New company")).click();
    type("f-name", "Amber " + u);
    type("f-industry", "Logistics");
    type("f-employees", "many");
    type("f-revenue", "1250000.50");
    type("f-revenueCurrency", "eur");
    type("f-iban", "PL61 1090 1014 0000 0712 1981 2874");
    type("f-bic", "WBK PPL PP"); // spaces are dropped
    type("f-bankName", "Santander");
    type("f-addresses-0--city", "Gdynia");
    type("f-addresses-0--street", "Portowa 1");
    // a date input takes typing in the browser's own order: set the value as a date picker does
    script("arguments[0].value = '2024-03-01'", browser.findElement(By.id("cf-since" + u)));
    browser.findElement(By.id("f-vip")).click();
    save();

    // not a number: refused at the field before the service is asked
    assertThat(waitFor(By.id("f-employees-error")).getText()).contains("Not a valid value");
    assertThat(companiesNamed(u)).isEmpty();
    type("f-employees", "120");
    type("f-iban", "PL61-NOT-AN-IBAN");
    save();
    assertThat(waitFor(By.id("f-iban-error")).getText()).contains("IBAN");
    assertThat(browser.findElement(By.id("f-iban")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(companiesNamed(u)).isEmpty();
    type("f-iban", "PL61 1090 1014 0000 0712 1981 2874");
    save();

    assertThat(flash()).isEqualTo("Company Amber " + u + " created.");
    assertThat(browser.findElement(By.cssSelector("h1 [data-testid=vip-badge]")).getText())
        .isEqualTo("VIP");
    assertThat(browser.findElement(By.cssSelector("main")).getText())
        .contains("PL61109010140000071219812874")
        .contains("Portowa 1, Gdynia");
    CompanyView company = companiesNamed(u).get(0);
    assertThat(company.vip()).isTrue();
    assertThat(company.employees()).isEqualTo(120);
    assertThat(company.revenue()).isEqualByComparingTo(new BigDecimal("1250000.50"));
    assertThat(company.revenueCurrency()).isEqualTo("EUR");
    assertThat(company.bankDetails().bic()).isEqualTo("WBKPPLPP");
    assertThat(String.valueOf(company.customFields().get("since" + u))).isEqualTo("2024-03-01");

    open("/companies?q=" + u);
    assertThat(browser.findElement(By.cssSelector("main table")).getText()).contains("VIP");

    // edit: a second address, added the way a browser without script does (the button posts)
    open("/companies/" + company.id());
    browser.findElement(By.cssSelector("[data-testid=edit-action]")).click();
    WebElement add = waitFor(By.cssSelector("[data-add-row=addresses]"));
    script("arguments[0].removeAttribute('data-add-row')", add);
    add.click();
    waitFor(By.id("f-addresses-1--city"));
    assertThat(companies.get(company.id()).addresses()).hasSize(1); // nothing saved by adding
    new Select(browser.findElement(By.id("addresses-1-type"))).selectByValue("DELIVERY");
    type("f-addresses-1--street", "Magazynowa 7");
    type("f-addresses-1--city", "Rumia");
    save();
    assertThat(flash()).isEqualTo("Company Amber " + u + " saved.");
    CompanyView edited = companies.get(company.id());
    assertThat(edited.addresses())
        .extracting(a -> a.type(), a -> a.city())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AddressType.LEGAL, "Gdynia"),
            org.assertj.core.groups.Tuple.tuple(AddressType.DELIVERY, "Rumia"));
    assertThat(edited.vip()).isTrue();
    assertThat(String.valueOf(edited.customFields().get("since" + u))).isEqualTo("2024-03-01");
    // no script errors; the browser logs the refusals' statuses (422, 409) as well
    assertThat(consoleErrors())
        .allMatch(e -> e.contains("status of 422") || e.contains("status of 409"));
  }

  @Test
  void anEditOverSomeoneElsesNewerChangeIsRefusedAndWritesNothing() {
    String u = word();
    CompanyView company =
        companies.create(CompanyCommand.named("Stale " + u, List.of(), List.of(), null));
    open("/companies/" + company.id() + "/edit");
    waitFor(By.id("f-industry"));

    companies.update(
        company.id(),
        CompanyCommand.named("Renamed " + u, List.of(), List.of(), null),
        company.version());

    type("f-industry", "Textiles");
    save();
    assertThat(waitFor(By.cssSelector(".form-errors")).getText())
        .contains("Someone else changed this record");
    CompanyView now = companies.get(company.id());
    assertThat(now.name()).isEqualTo("Renamed " + u);
    assertThat(now.industry()).isNull();
  }

  @Test
  void aManagerGetsNoFormForAColleaguesCompany() {
    String u = word();
    UserView manager = manager("Manager " + u);
    UserView colleague = manager("Colleague " + u);
    CompanyView theirs =
        companies.create(CompanyCommand.named("Theirs " + u, List.of(), List.of(), colleague.id()));

    signInAs(manager);
    open("/companies/" + theirs.id() + "/edit");
    assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("403", "404");
    assertThat(browser.findElements(By.cssSelector("[data-testid=company-form]"))).isEmpty();
    open("/companies");
    assertThat(browser.findElements(By.linkText("New company"))).hasSize(1);
  }

  private List<CompanyView> companiesNamed(String name) {
    return companies
        .list(new CompanyFilter(null, null, null, name), new ListRequest("-id", 10, null))
        .items();
  }
}

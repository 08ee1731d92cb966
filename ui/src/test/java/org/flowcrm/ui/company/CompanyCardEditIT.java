package org.flowcrm.ui.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.company.CompanyView;
import org.flowcrm.ui.record.FormFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The company card's fields edited in place (htmx): the name with the heading following, a number
 * that is no number refused at the field and Esc putting the value back, revenue in its currency,
 * the VIP flag and the responsible; an edit over someone else's newer change refused; a user who
 * may only read gets no edit controls and the service refuses his save.
 */
class CompanyCardEditIT extends FormFixtures {

  @Autowired CompanyService companies;

  private CompanyView company(String name) {
    return companies.create(CompanyCommand.named(name, List.of(), List.of(), null));
  }

  @Test
  void editsTheCardsFieldsInPlace() {
    String u = word();
    CompanyView company = company("Birch " + u);
    open("/companies/" + company.id());

    // name: saved with Enter, the heading follows
    WebElement name = editInPlace("name");
    name.clear();
    name.sendKeys("Birch & Oak " + u + Keys.ENTER);
    waitUntilShown("name", "Birch & Oak " + u);
    assertThat(browser.findElement(By.id("record-heading")).getText())
        .isEqualTo("Birch & Oak " + u);

    // employees: a word is refused at the field, announced; Esc puts the value back
    WebElement employees = editInPlace("employees");
    employees.sendKeys("many");
    browser.findElement(By.id("edit-save")).click();
    WebElement error = waitFor(By.id("edit-employees-error"));
    assertThat(error.getText()).contains("Not a valid value");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.findElement(By.id("edit-employees")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.findElement(By.id("edit-employees")).sendKeys(Keys.ESCAPE);
    waitUpTo(Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-employees")));
    assertThat(shown("employees")).isEqualTo("–");

    // a negative number: the service's refusal at the field
    employees = editInPlace("employees");
    employees.sendKeys("-3" + Keys.ENTER);
    assertThat(waitFor(By.id("edit-employees-error")).getText()).contains("greater than");
    employees = browser.findElement(By.id("edit-employees"));
    employees.clear();
    employees.sendKeys("120" + Keys.ENTER);
    waitUntilShown("employees", "120");

    // revenue in its currency
    WebElement currency = editInPlace("revenueCurrency");
    currency.sendKeys("eur" + Keys.ENTER);
    waitUntilShown("revenueCurrency", "EUR");
    WebElement revenue = editInPlace("revenue");
    revenue.sendKeys("1250,50" + Keys.ENTER);
    waitUpTo(Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector("dd[data-field=revenue] [data-value=revenue]"),
                java.util.regex.Pattern.compile(".*1,250\\.50.*")));

    // VIP and the responsible: choices
    new Select(editInPlace("vip")).selectByVisibleText("Yes");
    browser.findElement(By.id("edit-save")).click();
    waitUntilShown("vip", "Yes");
    assertThat(
            browser
                .findElement(By.cssSelector("#record-heading [data-testid=vip-badge]"))
                .getText())
        .isEqualTo("VIP");
    new Select(editInPlace("responsibleId")).selectByVisibleText("Administrator");
    browser.findElement(By.id("edit-save")).click();
    waitUntilShown("responsibleId", "Administrator");

    CompanyView saved = companies.get(company.id());
    assertThat(saved.name()).isEqualTo("Birch & Oak " + u);
    assertThat(saved.employees()).isEqualTo(120);
    assertThat(saved.revenue()).isEqualByComparingTo("1250.50");
    assertThat(saved.revenueCurrency()).isEqualTo("EUR");
    assertThat(saved.vip()).isTrue();
    assertThat(saved.responsibleId()).isNotNull();
    // no script errors; the browser logs the refusals' status (422) as well
    assertThat(consoleErrors()).allMatch(e -> e.contains("status of 422"));
  }

  @Test
  void anEditOverSomeoneElsesNewerChangeIsRefusedAtTheField() {
    String u = word();
    CompanyView company = company("Stale " + u);
    anEditOverANewerChangeIsRefused(
        "/companies/" + company.id(),
        "industry",
        "Mining",
        () ->
            companies.update(
                company.id(),
                CompanyCommand.named("Changed meanwhile " + u, List.of(), List.of(), null),
                company.version()));
    CompanyView now = companies.get(company.id());
    assertThat(now.name()).isEqualTo("Changed meanwhile " + u);
    assertThat(now.industry()).isNull();
  }

  @Test
  void aReaderGetsNoEditControlsAndTheServiceRefusesHisSave() {
    CompanyView company = company("Read " + word());
    aReaderGetsNoEditControls("/companies/" + company.id(), "industry", "–", company.version());
    assertThat(companies.get(company.id()).industry()).isNull();
  }

  @Test
  void withoutScriptAFieldLeadsToTheEditPage() {
    CompanyView company = company("Plain " + word());
    withoutScriptTheFieldLeadsToTheEditPage("/companies/" + company.id(), "industry", "f-industry");
  }
}

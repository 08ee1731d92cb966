package org.flowcrm.ui.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealType;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.permission.RoleService;
import org.flowcrm.crm.security.PasswordService;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.ui.BrowserTest;
import org.flowcrm.ui.record.FormFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "New deal" (pipeline and starting stage, company, contacts, custom field) with refusals at the
 * field; the deal card's fields edited in place (htmx: save, error at the field, Esc, a stale edit
 * refused, the stage still moving through its own form afterwards); the edit page that the fields
 * lead to without script; a manager gets no form for a colleague's deal.
 */
class DealFormsIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired CompanyService companies;
  @Autowired ContactService contacts;
  @Autowired CustomFieldService customFields;
  @Autowired UserService users;
  @Autowired RoleService roles;
  @Autowired PasswordService passwords;

  /** The success message; when there is none, what the page says instead (the refusal). */
  private String flash() {
    try {
      return waitFor(By.cssSelector(".flash-success")).getText();
    } catch (org.openqa.selenium.TimeoutException none) {
      throw new AssertionError(
          "no success message; the page says: " + browser.findElement(By.tagName("main")).getText(),
          none);
    }
  }

  private void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private PipelineView.StageView stage(String code) {
    return pipelines.defaultPipeline().stages().stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  private DealView deal(String title) {
    return deals.createImported(
        new DealCommand(
            title,
            null,
            null,
            new BigDecimal("700"),
            "EUR",
            20,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  @Test
  void createsADealInAChosenStageWithCompanyContactsAndACustomField() {
    String u = FormFixtures.word();
    long company =
        companies.create(CompanyCommand.named("Deal Co " + u, List.of(), List.of(), null)).id();
    long contact =
        contacts
            .create(
                new ContactCommand(
                    "Piotr", "Buyer" + u, null, null, null, null, null, null, null, null))
            .id();
    customFields.create(
        new CustomFieldCommand(
            CustomizableEntity.DEAL,
            "channel" + u,
            "Channel " + u,
            CustomFieldType.LIST,
            false,
            List.of("Phone", "Web"),
            null));

    open("/deals");
    browser.findElement(By.linkText("New deal")).click();
    type("f-title", "Cranes " + u);
    new Select(browser.findElement(By.id("f-stageId")))
        .selectByValue(Long.toString(stage("OFFER").id()));
    type("f-amount", "12500.00");
    type("f-probability", "150");
    script("arguments[0].value = '2027-03-15'", browser.findElement(By.id("f-expectedCloseDate")));
    new Select(browser.findElement(By.id("f-type"))).selectByValue("GOODS");
    new Select(browser.findElement(By.id("f-companyId"))).selectByValue(Long.toString(company));
    new Select(browser.findElement(By.id("f-contactIds"))).selectByValue(Long.toString(contact));
    new Select(browser.findElement(By.id("cf-channel" + u))).selectByValue("Web");
    browser.findElement(By.id("form-save")).click();

    assertThat(waitFor(By.id("f-probability-error")).getText()).contains("100");
    assertThat(browser.findElement(By.id("f-probability")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(dealsTitled(u)).isEmpty();
    type("f-probability", "40");
    browser.findElement(By.id("form-save")).click();

    assertThat(flash()).isEqualTo("Deal Cranes " + u + " created.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=deal-stage]")).getText())
        .isEqualTo("Offer");
    assertThat(browser.findElement(By.cssSelector("main")).getText())
        .contains("Deal Co " + u)
        .contains("Piotr Buyer" + u);
    DealView deal = dealsTitled(u).get(0);
    assertThat(deal.stageId()).isEqualTo(stage("OFFER").id());
    assertThat(deal.amount()).isEqualByComparingTo("12500");
    assertThat(deal.probability()).isEqualTo(40);
    assertThat(deal.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(deal.type()).isEqualTo(DealType.GOODS);
    assertThat(deal.companyId()).isEqualTo(company);
    assertThat(deal.contactIds()).containsExactly(contact);
    assertThat(deal.customFields()).containsEntry("channel" + u, "Web");
    // no script errors; the browser logs the refusals' statuses (422, 409) as well
    assertThat(consoleErrors())
        .allMatch(e -> e.contains("status of 422") || e.contains("status of 409"));
  }

  @Test
  void editsTheCardsFieldsInPlace() {
    String u = FormFixtures.word();
    DealView deal = deal("Forklift " + u);
    open("/deals/" + deal.id());

    // title: opens in the card, saves with Enter, the heading follows
    browser.findElement(By.cssSelector("a[data-edit=title]")).click();
    WebElement title = waitFor(By.cssSelector("dd #edit-title"));
    assertThat(browser.getCurrentUrl()).endsWith("/deals/" + deal.id());
    title.clear();
    title.sendKeys("Forklift lease " + u + Keys.ENTER);
    waitUpTo(java.time.Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("dd[data-field=title] [data-value=title]"), "Forklift lease " + u));
    assertThat(browser.findElement(By.id("deal-title")).getText()).isEqualTo("Forklift lease " + u);
    assertThat(deals.get(deal.id()).title()).isEqualTo("Forklift lease " + u);

    // probability: not a number, refused at the field; Esc puts the value back
    browser.findElement(By.cssSelector("a[data-edit=probability]")).click();
    WebElement probability = waitFor(By.cssSelector("dd #edit-probability"));
    probability.clear();
    probability.sendKeys("lots");
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.id("edit-probability-error")).getText()).contains("Not a valid value");
    assertThat(browser.findElement(By.id("edit-probability")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.findElement(By.id("edit-probability")).sendKeys(Keys.ESCAPE);
    waitUpTo(java.time.Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-probability")));
    assertThat(
            browser
                .findElement(By.cssSelector("dd[data-field=probability] [data-value=probability]"))
                .getText())
        .isEqualTo("20 %");
    assertThat(deals.get(deal.id()).probability()).isEqualTo(20);

    // responsible: a select
    browser.findElement(By.cssSelector("a[data-edit=responsibleId]")).click();
    new Select(waitFor(By.cssSelector("dd #edit-responsibleId")))
        .selectByVisibleText("Administrator");
    browser.findElement(By.id("edit-save")).click();
    waitUpTo(java.time.Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector("dd[data-field=responsibleId] [data-value=responsibleId]"),
                "Administrator"));

    // the stage still moves through its own form, with the version the in-place saves left
    new Select(browser.findElement(By.id("deal-stage")))
        .selectByValue(String.valueOf(stage("OFFER").id()));
    browser.findElement(By.cssSelector(".inline-form button")).click();
    assertThat(flash()).isEqualTo("Deal \"Forklift lease " + u + "\" moved to Offer.");

    // an edit over someone else's newer change: refused at the field, nothing written
    browser.findElement(By.cssSelector("a[data-edit=amount]")).click();
    WebElement amount = waitFor(By.cssSelector("dd #edit-amount"));
    DealView now = deals.get(deal.id());
    deals.update(
        deal.id(),
        new DealCommand(
            "Changed meanwhile " + u,
            null,
            null,
            now.amount(),
            now.currency(),
            now.probability(),
            null,
            null,
            now.responsibleId(),
            null,
            null,
            null,
            null),
        now.version());
    amount.clear();
    amount.sendKeys("999");
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.id("edit-amount-error")).getText()).contains("Changed by someone else");
    assertThat(deals.get(deal.id()).amount()).isEqualByComparingTo("700");
    // no script errors; the browser logs the refusals' statuses (422, 409) as well
    assertThat(consoleErrors())
        .allMatch(e -> e.contains("status of 422") || e.contains("status of 409"));
  }

  @Test
  void withoutScriptTheFieldsLeadToTheEditPage() {
    String u = FormFixtures.word();
    DealView deal = deal("Pallets " + u);
    open("/deals/" + deal.id());
    assertThat(browser.findElement(By.cssSelector("a[data-edit=title]")).getAttribute("href"))
        .endsWith("/deals/" + deal.id() + "/edit");
    open("/deals/" + deal.id() + "/fields/title"); // a plain request, as without script
    WebElement title = waitFor(By.id("f-title"));
    assertThat(browser.getCurrentUrl()).endsWith("/deals/" + deal.id() + "/edit");
    title.clear();
    title.sendKeys("Pallets, 40 pcs " + u);
    browser.findElement(By.id("f-visibleToAll")).click();
    browser.findElement(By.id("form-save")).click();
    assertThat(flash()).isEqualTo("Deal Pallets, 40 pcs " + u + " saved.");
    DealView saved = deals.get(deal.id());
    assertThat(saved.title()).isEqualTo("Pallets, 40 pcs " + u);
    assertThat(saved.visibleToAll()).isFalse();
    assertThat(saved.stageId()).isEqualTo(deal.stageId());
  }

  @Test
  void aManagerGetsNoFormForAColleaguesDeal() {
    String u = FormFixtures.word();
    UserView manager = FormFixtures.manager(users, roles, passwords, "Manager " + u);
    UserView colleague = FormFixtures.manager(users, roles, passwords, "Colleague " + u);
    DealView theirs =
        deals.createImported(
            new DealCommand(
                "Theirs " + u,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                colleague.id(),
                false,
                null,
                null,
                null));

    browser.manage().deleteAllCookies();
    signIn(manager.login(), FormFixtures.MANAGER_PASSWORD);
    waitFor(By.cssSelector(".user-menu"));
    open("/deals/" + theirs.id() + "/edit");
    assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("403", "404");
    assertThat(browser.findElements(By.cssSelector("[data-testid=deal-form]"))).isEmpty();
    open("/deals");
    assertThat(browser.findElements(By.linkText("New deal"))).hasSize(1);
  }

  private List<DealView> dealsTitled(String word) {
    return deals
        .list(
            new DealFilter(null, null, null, null, null, null, null, null, null, null, word),
            new ListRequest("-id", 10, null))
        .items();
  }
}

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
import org.flowcrm.crm.deal.DeliveryWishes;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.PipelineView;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserView;
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
class DealFormsIT extends FormFixtures {

  @Autowired DealService deals;
  @Autowired PipelineService pipelines;
  @Autowired CompanyService companies;
  @Autowired ContactService contacts;
  @Autowired CustomFieldService customFields;

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
    String u = word();
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
    String u = word();
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
    String u = word();
    DealView deal = deal("Pallets " + u);
    withoutScriptTheFieldLeadsToTheEditPage("/deals/" + deal.id(), "title", "f-title");
    WebElement title = browser.findElement(By.id("f-title"));
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
    String u = word();
    UserView manager = manager("Manager " + u);
    UserView colleague = manager("Colleague " + u);
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

    signInAs(manager);
    open("/deals/" + theirs.id() + "/edit");
    assertThat(browser.findElement(By.tagName("h1")).getText()).containsAnyOf("403", "404");
    assertThat(browser.findElements(By.cssSelector("[data-testid=deal-form]"))).isEmpty();
    open("/deals");
    assertThat(browser.findElements(By.linkText("New deal"))).hasSize(1);
  }

  /** Sets a date or time input's value as a picker would (typing depends on the locale). */
  private void pick(String id, String value) {
    script("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
  }

  @Test
  void deliveryWishesInTheFormAndOnTheCardWithTheWindowsEndAfterItsStart() {
    String u = word();
    open("/deals/new");
    type("f-title", "Sofa " + u);
    type("f-delivery-address", "ul. Prosta 1, Warszawa");
    pick("f-delivery-date", "2026-12-03");
    pick("f-delivery-from", "14:00");
    pick("f-delivery-to", "10:00");
    type("f-delivery-note", "Call first");
    browser.findElement(By.id("form-save")).click();

    // from >= to: refused at "to", nothing created, what was typed still there
    assertThat(waitFor(By.id("f-delivery-to-error")).getText())
        .isEqualTo("The end of the time window must be later than its start.");
    assertThat(browser.findElement(By.id("f-delivery-to")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("f-delivery-note")).getAttribute("value"))
        .isEqualTo("Call first");
    assertThat(dealsTitled("Sofa " + u)).isEmpty();

    pick("f-delivery-to", "16:00");
    browser.findElement(By.id("form-save")).click();
    assertThat(flash()).isEqualTo("Deal Sofa " + u + " created.");
    DealView deal = dealsTitled("Sofa " + u).get(0);
    assertThat(deal.delivery().address()).isEqualTo("ul. Prosta 1, Warszawa");
    assertThat(deal.delivery().date()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(deal.delivery().timeWindow()).isEqualTo("14:00-16:00");
    assertThat(deal.delivery().note()).isEqualTo("Call first");

    // the card's "Delivery" section, edited in place: the same check, then a saved window
    assertThat(browser.findElement(By.cssSelector("[data-testid=delivery] h2")).getText())
        .isEqualTo("Delivery");
    assertThat(shown("deliveryWindow")).isEqualTo("14:00–16:00");
    assertThat(shown("deliveryAddress")).isEqualTo("ul. Prosta 1, Warszawa");
    editInPlace("deliveryWindow");
    pick("edit-deliveryWindow", "12:00");
    pick("edit-deliveryWindow-to", "12:00");
    browser.findElement(By.id("edit-save")).click();
    assertThat(waitFor(By.id("edit-deliveryWindow-error")).getText())
        .contains("must be later than its start");
    assertThat(browser.findElement(By.id("edit-deliveryWindow")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.findElement(By.id("edit-deliveryWindow")).sendKeys(Keys.ESCAPE);
    waitUntilShown("deliveryWindow", "14:00–16:00");
    editInPlace("deliveryWindow");
    pick("edit-deliveryWindow", "09:00");
    pick("edit-deliveryWindow-to", "11:30");
    browser.findElement(By.id("edit-save")).click();
    waitUntilShown("deliveryWindow", "09:00–11:30");
    WebElement note = editInPlace("deliveryNote");
    note.clear();
    note.sendKeys("Leave at the gate");
    browser.findElement(By.id("edit-save")).click();
    waitUntilShown("deliveryNote", "Leave at the gate");
    DealView saved = deals.get(deal.id());
    assertThat(saved.delivery().timeWindow()).isEqualTo("09:00-11:30");
    assertThat(saved.delivery().note()).isEqualTo("Leave at the gate");
    assertThat(saved.delivery().address()).isEqualTo("ul. Prosta 1, Warszawa");

    // the edit page shows the wishes and keeps them
    open("/deals/" + deal.id() + "/edit");
    assertThat(waitFor(By.id("f-delivery-from")).getAttribute("value")).isEqualTo("09:00");
    assertThat(browser.findElement(By.id("f-delivery-to")).getAttribute("value"))
        .isEqualTo("11:30");
    browser.findElement(By.id("form-save")).click();
    assertThat(flash()).isEqualTo("Deal Sofa " + u + " saved.");
    assertThat(deals.get(deal.id()).delivery()).isEqualTo(saved.delivery());
  }

  @Test
  void aWindowStatedAsTextIsKeptUntilAFromAndToAreGiven() {
    String u = word();
    DealView deal =
        deals.createImported(
            DealCommand.titled("Crate " + u)
                .withDelivery(new DeliveryWishes("Dock 4", null, "after 17:00", null)));
    open("/deals/" + deal.id());
    assertThat(shown("deliveryWindow")).isEqualTo("after 17:00");
    open("/deals/" + deal.id() + "/edit");
    assertThat(waitFor(By.cssSelector("[data-testid=other-window]")).getText())
        .contains("after 17:00");
    assertThat(browser.findElement(By.id("f-delivery-from")).getAttribute("value")).isEmpty();
    browser.findElement(By.id("form-save")).click();
    assertThat(flash()).isEqualTo("Deal Crate " + u + " saved.");
    assertThat(deals.get(deal.id()).delivery())
        .isEqualTo(new DeliveryWishes("Dock 4", null, "after 17:00", null));
  }

  private List<DealView> dealsTitled(String word) {
    return deals
        .list(
            new DealFilter(null, null, null, null, null, null, null, null, null, null, word),
            new ListRequest("-id", 10, null))
        .items();
  }
}

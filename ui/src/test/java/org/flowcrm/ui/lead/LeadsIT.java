package org.flowcrm.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.lead.LeadView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lead pages in a real browser against the real CRM: create with validation at the field,
 * search, filter and page the list, and on the card comment, change the status and convert (and see
 * the refusal when the lead cannot be converted).
 */
class LeadsIT extends BrowserTest {

  @Autowired LeadService leads;

  /** A word no other test uses, so searches find only this test's leads. */
  private static String word() {
    return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private LeadView lead(String title, String firstName, String company) {
    return leads.create(
        new LeadCommand(
            title,
            firstName,
            "Kowalski",
            company,
            null,
            null,
            LeadSource.WEB_FORM,
            null,
            null,
            List.of(),
            List.of(),
            List.of()));
  }

  private WebElement main() {
    return browser.findElement(By.id("main"));
  }

  @Test
  void createsALeadAndShowsProblemsAtTheFields() {
    open("/leads/new");
    browser.findElement(By.id("f-email")).sendKeys("not-an-address");
    main().findElement(By.cssSelector("button[type=submit]")).click();

    waitFor(By.cssSelector(".form-errors[role=alert]"));
    WebElement title = browser.findElement(By.id("f-title"));
    assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-title-error")).getText()).isNotBlank();
    assertThat(browser.findElement(By.id("f-email")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.findElement(By.id("f-email")).getAttribute("value"))
        .isEqualTo("not-an-address");

    String word = word();
    title.sendKeys("Website <b>order</b> " + word);
    browser.findElement(By.id("f-email")).clear();
    browser.findElement(By.id("f-email")).sendKeys("ewa@example.com");
    browser.findElement(By.id("f-firstName")).sendKeys("Ewa");
    browser.findElement(By.id("f-companyName")).sendKeys("Nordwind");
    new Select(browser.findElement(By.id("f-source"))).selectByValue("EMAIL");
    main().findElement(By.cssSelector("button[type=submit]")).click();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Lead \"Website <b>order</b> " + word + "\" created.");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Website <b>order</b>");
    assertThat(browser.findElements(By.cssSelector("h1 b"))).isEmpty();
    assertThat(main().getText())
        .contains("ewa@example.com")
        .contains("Nordwind")
        .contains("E-mail");
  }

  @Test
  void searchesFiltersAndPagesTheList() {
    String word = word();
    for (int i = 0; i < 26; i++) {
      lead(String.format("Inquiry %s %02d", word, i), "Jan", null);
    }
    LeadView junk = lead("Spam " + word, "Jan", null);
    leads.changeStatus(junk.id(), "JUNK", null);

    open("/leads");
    browser.findElement(By.id("lead-q")).sendKeys(word);
    new Select(browser.findElement(By.id("lead-sort"))).selectByValue("title");
    main().findElement(By.cssSelector(".filters button")).click();

    waitFor(By.cssSelector("a[rel=next]"));
    List<WebElement> rows = browser.findElements(By.cssSelector(".data-table tbody tr"));
    assertThat(rows).hasSize(25);
    assertThat(rows.get(0).getText()).contains("Inquiry " + word + " 00");
    browser.findElement(By.cssSelector("a[rel=next]")).click();

    waitFor(By.cssSelector("a[rel=prev]"));
    rows = browser.findElements(By.cssSelector(".data-table tbody tr"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getText()).contains("Inquiry " + word + " 25");
    assertThat(rows.get(1).getText()).contains("Spam " + word);
    assertThat(browser.findElement(By.id("lead-q")).getAttribute("value")).isEqualTo(word);

    new Select(browser.findElement(By.id("lead-status"))).selectByValue("JUNK");
    main().findElement(By.cssSelector(".filters button")).click();
    waitFor(By.cssSelector(".data-table"));
    rows = browser.findElements(By.cssSelector(".data-table tbody tr"));
    assertThat(rows)
        .singleElement()
        .satisfies(r -> assertThat(r.getText()).contains("Spam " + word));
    assertThat(browser.findElements(By.cssSelector("a[rel=next]"))).isEmpty();
  }

  @Test
  void commentsChangesStatusAndConvertsIntoADeal() {
    LeadView lead = lead("Fleet renewal " + word(), "Piotr", "Transbud");
    open("/leads/" + lead.id());

    browser.findElement(By.id("comment-text")).sendKeys("Called, wants <i>ten</i> vans");
    browser.findElement(By.cssSelector(".comment-form button")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Comment added.");
    assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText())
        .contains("Called, wants <i>ten</i> vans")
        .contains("Administrator");

    new Select(browser.findElement(By.id("lead-status"))).selectByValue("IN_PROCESSING");
    browser.findElement(By.cssSelector(".inline-form button")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).startsWith("Status changed to");
    assertThat(leads.get(lead.id()).status()).isEqualTo("IN_PROCESSING");

    assertThat(browser.findElement(By.name("createContact")).isSelected()).isTrue();
    assertThat(browser.findElement(By.name("createCompany")).isSelected()).isTrue();
    browser.findElement(By.id("deal-title")).sendKeys("Ten vans for Transbud");
    browser.findElement(By.cssSelector(".convert-form button")).click();

    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).isEqualTo("Lead converted.");
    assertThat(browser.getCurrentUrl()).contains("/deals/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Ten vans for Transbud");
    LeadView converted = leads.get(lead.id());
    assertThat(converted.convertedContactId()).isNotNull();
    assertThat(converted.convertedCompanyId()).isNotNull();
    assertThat(converted.convertedDealId()).isNotNull();
  }

  @Test
  void aRefusedConversionShowsTheServersReason() {
    // No person and no company name: there is nothing to create a contact from.
    LeadView lead =
        leads.create(
            new LeadCommand(
                "Anonymous call " + word(),
                null,
                null,
                null,
                null,
                null,
                LeadSource.PHONE,
                null,
                null,
                List.of(),
                List.of(),
                List.of()));
    open("/leads/" + lead.id());
    WebElement contact = browser.findElement(By.name("createContact"));
    assertThat(contact.isSelected()).isFalse();
    contact.click();
    browser.findElement(By.cssSelector(".convert-form button")).click();

    assertThat(waitFor(By.cssSelector(".flash-error[role=alert]")).getText())
        .isEqualTo(
            "The lead could not be converted: the lead has no person name to create a contact"
                + " from");
    assertThat(leads.get(lead.id()).convertedAt()).isNull();

    leads.changeStatus(lead.id(), "JUNK", null);
    open("/leads/" + lead.id());
    assertThat(browser.findElements(By.cssSelector(".convert-form"))).isEmpty();
    assertThat(main().getText()).contains("A junk lead cannot be converted");
  }

  @Test
  void anUnknownLeadIsNotFound() {
    open("/leads/999999999");
    assertThat(main().getText()).contains("This page does not exist.");
  }
}

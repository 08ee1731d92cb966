package org.flowcrm.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.company.CompanyCommand;
import org.flowcrm.crm.company.CompanyService;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Contacts and companies: search in the list, and each card with its deals and timeline. */
class ContactsAndCompaniesIT extends BrowserTest {

  @Autowired CompanyService companies;
  @Autowired ContactService contacts;
  @Autowired DealService deals;
  @Autowired ActivityService activities;

  @Test
  void listsFindAndCardsShowDealsContactsAndTimeline() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    long company =
        companies.create(CompanyCommand.named("Baltic " + word, List.of(), List.of(), null)).id();
    long contact =
        contacts
            .create(
                new ContactCommand(
                    "Marta",
                    "Nowak" + word,
                    "Buyer",
                    null,
                    null,
                    List.of(),
                    List.of(new Email(EmailType.WORK, word + "@example.com")),
                    List.of(company),
                    null,
                    null))
            .id();
    deals.create(
        new DealCommand(
            "Pallets for " + word,
            null,
            null,
            new BigDecimal("990"),
            "EUR",
            null,
            null,
            null,
            null,
            null,
            company,
            List.of(contact),
            null));
    activities.create(
        new ActivityCommand(
            ActivityType.CALL,
            "Intro call <" + word + ">",
            null,
            Instant.now(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new ItemLink(ItemType.CONTACT, contact), new ItemLink(ItemType.COMPANY, company))));

    open("/contacts?q=" + word);
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).hasSize(1);
    browser.findElement(By.linkText("Marta Nowak" + word)).click();

    waitFor(By.cssSelector("[data-testid=related-deals]"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=related-deals]")).getText())
        .contains("Pallets for " + word)
        .contains("990.00 EUR");
    assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText())
        .contains("Call")
        .contains("Intro call <" + word + ">");
    browser.findElement(By.linkText("Baltic " + word)).click();

    waitFor(By.cssSelector("[data-testid=related-contacts]"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Baltic " + word);
    assertThat(browser.findElement(By.cssSelector("[data-testid=related-contacts]")).getText())
        .contains("Marta Nowak" + word);
    assertThat(browser.findElement(By.cssSelector("[data-testid=related-deals]")).getText())
        .contains("Pallets for " + word);
    assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText())
        .contains("Intro call");

    open("/companies?q=" + word);
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).hasSize(1);
    open("/companies?q=nothing" + word);
    assertThat(browser.findElement(By.cssSelector(".empty-state")).getText())
        .isEqualTo("No companies match.");
  }
}

package org.flowcrm.ui.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.activity.ActivityCommand;
import org.flowcrm.crm.activity.ActivityService;
import org.flowcrm.crm.activity.ActivityType;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.link.ItemLink;
import org.flowcrm.crm.link.ItemType;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.crm.shared.NotFoundException;
import org.flowcrm.crm.shared.Phone;
import org.flowcrm.crm.shared.PhoneType;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager opens a new contact's card, is warned that an older contact has the same e-mail,
 * compares both side by side and merges the new one into the existing one.
 */
class MergeDuplicatesIT extends BrowserTest {

  @Autowired ContactService contacts;
  @Autowired ActivityService activities;

  @Test
  void theCardWarnsOfADuplicateAndMergesItIntoTheExistingRecord() {
    String word = "mq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String mail = word + "@example.com";
    // a number no earlier run used, so the only candidate is the contact made here
    String phone = "+48 6" + String.format("%08d", Math.floorMod(word.hashCode(), 100_000_000));
    long existing =
        contacts
            .create(
                new ContactCommand(
                    "Olga",
                    "Berg" + word,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(new Email(EmailType.WORK, mail)),
                    List.of(),
                    null,
                    null))
            .id();
    long created =
        contacts
            .create(
                new ContactCommand(
                    "Olga",
                    "Berg " + word + " <new>",
                    "Head of purchasing",
                    null,
                    null,
                    List.of(new Phone(PhoneType.MOBILE, phone)),
                    List.of(new Email(EmailType.WORK, mail.toUpperCase())),
                    List.of(),
                    null,
                    null))
            .id();
    activities.create(
        new ActivityCommand(
            ActivityType.NOTE,
            "Asked for a price list " + word,
            null,
            Instant.now(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new ItemLink(ItemType.CONTACT, created))));

    open("/contacts/" + created);
    waitFor(By.cssSelector("[data-testid=duplicate-notice]"));
    assertThat(browser.findElement(By.cssSelector("[data-testid=duplicate-notice]")).getText())
        .contains("Olga Berg" + word)
        .contains(mail)
        .contains("open");
    browser.findElement(By.cssSelector("[data-testid=merge-into-existing]")).click();

    waitFor(By.cssSelector("[data-testid=merge-compare]"));
    String compare = browser.findElement(By.cssSelector("[data-testid=merge-compare]")).getText();
    assertThat(compare)
        .contains("Kept #" + existing)
        .contains("Duplicate (deleted) #" + created)
        .contains("Olga Berg " + word + " <new>") // escaped, shown literally
        .contains("Head of purchasing");
    browser.findElement(By.cssSelector("[data-testid=confirm-merge]")).click();

    waitFor(By.cssSelector(".flash-success"));
    assertThat(browser.getCurrentUrl()).endsWith("/contacts/" + existing);
    assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
        .contains("#" + created);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Head of purchasing")
        .contains(phone);
    assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText())
        .contains("Asked for a price list " + word);
    assertThatThrownBy(() -> contacts.get(created)).isInstanceOf(NotFoundException.class);

    // The card's own action lists candidates; none are left.
    browser.findElement(By.cssSelector("[data-testid=merge-action]")).click();
    waitFor(By.cssSelector(".empty-state"));
    assertThat(browser.findElement(By.cssSelector(".empty-state")).getText())
        .contains("No other record shares");
    // Chromium's own look for /favicon.ico (the pages link an SVG icon) is not a page error.
    assertThat(consoleErrors()).allMatch(error -> error.contains("/favicon.ico"));
  }
}

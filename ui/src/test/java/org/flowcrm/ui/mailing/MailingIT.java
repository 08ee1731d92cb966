package org.flowcrm.ui.mailing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.contact.ContactCommand;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.mail.MailTemplateCommand;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.ui.BrowserTest;
import org.flowcrm.ui.UiMailCatcher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Send mail" on the contact list in a real browser: tick contacts, choose a template, read how
 * many are selected, send, and watch the progress page count what was sent and what was skipped;
 * the mail arrives at a real SMTP server, written for its recipient.
 */
class MailingIT extends BrowserTest {

  @Autowired ContactService contacts;
  @Autowired MailTemplateService templates;

  private long contact(String firstName, String lastName, String email) {
    return contacts
        .create(
            new ContactCommand(
                firstName,
                lastName,
                null,
                null,
                null,
                List.of(),
                email == null ? List.of() : List.of(new Email(EmailType.WORK, email)),
                List.of(),
                null,
                null))
        .id();
  }

  @Test
  void sendsATemplateToTheTickedContactsAndShowsTheProgress() throws Exception {
    String word = "zm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String code = "mailing." + word;
    templates.create(
        new MailTemplateCommand(
            code,
            null,
            "Spring offer " + word,
            "Spring offer for ${recipient.firstName}",
            "<p>Dear ${contact.fullName}, our spring offer.</p>",
            null));
    String address = word + "@example.com";
    long withAddress = contact("Marta", "Nowak " + word, address);
    long withoutAddress = contact("Piotr", "Lis " + word, null);

    open("/contacts?q=" + word);
    browser.findElement(By.cssSelector("input[name=ids][value='" + withAddress + "']")).click();
    browser.findElement(By.cssSelector("input[name=ids][value='" + withoutAddress + "']")).click();
    browser.findElement(By.id("bulk-mail")).click();

    waitFor(By.id("mailing-template"));
    assertThat(browser.findElement(By.id("mailing-count")).getText()).startsWith("2 contacts");
    // sending without a template is refused, naming what to choose; the selection stays
    browser.findElement(By.id("mailing-send")).click();
    assertThat(waitFor(By.id("mailing-error")).getText()).contains("Choose a mail template");
    assertThat(browser.findElement(By.id("mailing-count")).getText()).startsWith("2 contacts");
    new Select(browser.findElement(By.id("mailing-template"))).selectByValue(code);
    browser.findElement(By.id("mailing-send")).click();

    waitUpTo(Duration.ofSeconds(30))
        .until(ExpectedConditions.attributeToBe(By.id("mailing-progress"), "data-status", "DONE"));
    assertThat(count("total")).isEqualTo("2");
    assertThat(count("sent")).isEqualTo("1");
    assertThat(count("skippedNoEmail")).isEqualTo("1");
    assertThat(count("pending")).isEqualTo("0");
    assertThat(browser.findElement(By.cssSelector(".mailing-status")).getText()).isEqualTo("Done");

    List<MimeMessage> received = UiMailCatcher.to(address);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSubject()).isEqualTo("Spring offer for Marta");

    // the contact's card shows the mail on its timeline
    open("/contacts/" + withAddress);
    assertThat(waitFor(By.tagName("main")).getText()).contains("Spring offer for Marta");
    assertThat(consoleErrors()).isEmpty();
  }

  private String count(String name) {
    return browser.findElement(By.cssSelector("[data-count='" + name + "']")).getText();
  }
}

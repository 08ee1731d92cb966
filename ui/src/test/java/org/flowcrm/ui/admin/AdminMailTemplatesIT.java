package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flowcrm.crm.mail.MailTemplateCommand;
import org.flowcrm.crm.mail.MailTemplateService;
import org.flowcrm.crm.mail.MailTemplateView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail templates administration: reached from the list, previewed with sample data before saving (a
 * template that does not parse is refused at the body, one that reads a value the data lacks names
 * the problem, neither is a server error), then saved.
 */
class AdminMailTemplatesIT extends BrowserTest {

  @Autowired MailTemplateService templates;

  @Test
  void previewsWithSampleDataShowsProblemsAndSaves() {
    String code = "test.offer-" + UUID.randomUUID().toString().substring(0, 8);
    MailTemplateView template =
        templates.create(
            new MailTemplateCommand(code, "en", "Offer " + code, "Offer", "<p>Hello</p>", null));
    open("/admin/mail-templates");
    waitFor(By.linkText("Offer " + code)).click();

    WebElement subject = waitFor(By.id("f-subject"));
    subject.clear();
    subject.sendKeys("Your offer for ${deal.title}");
    WebElement body = browser.findElement(By.id("f-body"));
    body.clear();
    body.sendKeys("<p>Dear ${(contact.fullName)!\"customer\"}, total ${quote.amount}</p>");
    browser.findElement(By.id("mail-preview")).click();
    assertThat(waitFor(By.cssSelector("[data-testid=preview-subject]")).getText())
        .isEqualTo("Your offer for Office chairs for Nordwind");
    browser.switchTo().frame(browser.findElement(By.cssSelector(".mail-preview-body")));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .isEqualTo("Dear Anna Nowak, total 4920.00");
    browser.switchTo().defaultContent();
    // the preview saved nothing
    assertThat(templates.get(template.id()).subject()).isEqualTo("Offer");

    // a template that does not parse: at the body, typed text kept
    body = browser.findElement(By.id("f-body"));
    body.clear();
    body.sendKeys("<p><#if>broken</p>");
    browser.findElement(By.id("mail-preview")).click();
    WebElement error = waitFor(By.id("f-body-error"));
    assertThat(error.getText()).startsWith("is not a valid Freemarker template");
    assertThat(browser.findElement(By.id("f-body")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-body")).getAttribute("value"))
        .isEqualTo("<p><#if>broken</p>");
    assertThat(browser.findElements(By.cssSelector("[data-testid=mail-preview]"))).isEmpty();

    // a value the sample data lacks: the rendering problem is named, not a 500
    body = browser.findElement(By.id("f-body"));
    body.clear();
    body.sendKeys("<p>${deal.nothingHere}</p>");
    browser.findElement(By.id("mail-preview")).click();
    assertThat(waitFor(By.cssSelector(".form-errors")).getText())
        .contains("mail template " + code + " (en)")
        .contains("nothingHere");

    body = browser.findElement(By.id("f-body"));
    body.clear();
    body.sendKeys("<p>Dear ${(contact.fullName)!\"customer\"}</p>");
    browser.findElement(By.id("mail-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Mail template \"Offer " + code + "\" saved.");
    MailTemplateView saved = templates.get(template.id());
    assertThat(saved.subject()).isEqualTo("Your offer for ${deal.title}");
    assertThat(saved.body()).isEqualTo("<p>Dear ${(contact.fullName)!\"customer\"}</p>");
  }
}

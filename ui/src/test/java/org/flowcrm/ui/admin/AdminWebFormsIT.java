package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.webform.FormField;
import org.flowcrm.crm.webform.LeadField;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.crm.webform.WebFormView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Web forms administration: a form built on the page (fields ticked, labelled and required,
 * consent, button, redirect refused without an address, then a thank-you), its public URL and embed
 * snippet with a copy button, and the public form itself showing what was configured (a lead custom
 * field too, as an input of its type).
 */
class AdminWebFormsIT extends BrowserTest {

  @Autowired WebFormService forms;
  @Autowired CustomFieldService customFields;

  @Test
  void buildsAFormShowsItsAddressAndTheSnippetAndThePublicFormFollows() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "Fair <b>" + suffix + "</b>";
    String code = "chairs" + suffix.replace("-", "");
    long budget =
        customFields
            .create(
                new CustomFieldCommand(
                    CustomizableEntity.LEAD,
                    code,
                    "Chairs wanted " + suffix,
                    CustomFieldType.NUMBER,
                    false,
                    null,
                    null))
            .id();
    open("/admin/web-forms");
    waitFor(By.linkText("New web form")).click();
    waitFor(By.id("f-name")).sendKeys(name);
    browser.findElement(By.id("f-heading")).sendKeys("Ask us about chairs");
    browser.findElement(By.id("include-COMPANY_NAME")).click();
    WebElement companyLabel =
        browser.findElement(
            By.cssSelector(".web-form-field[data-field=COMPANY_NAME] input[id$=label]"));
    companyLabel.clear();
    companyLabel.sendKeys("Your company");
    browser.findElement(By.id("required-PHONE")).click();
    // a lead custom field is offered too, under its own name
    assertThat(
            browser
                .findElement(By.cssSelector(".web-form-field[data-field='cf." + code + "']"))
                .getText())
        .contains("Chairs wanted " + suffix);
    browser.findElement(By.id("include-cf." + code)).click();
    browser.findElement(By.id("f-consentText")).sendKeys("I agree to be contacted.");
    browser.findElement(By.id("f-buttonText")).sendKeys("Request a call");
    browser.findElement(By.id("after-redirect")).click();
    browser.findElement(By.id("web-form-save")).click();

    WebElement error = waitFor(By.id("f-redirectUrl-error"));
    assertThat(error.getText())
        .isEqualTo("Enter the address to go to, or choose the thank-you message.");
    assertThat(browser.findElement(By.id("f-redirectUrl")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    // what was typed stays
    assertThat(browser.findElement(By.id("include-COMPANY_NAME")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo(name);

    browser.findElement(By.id("after-thanks")).click();
    browser.findElement(By.id("f-thankYouMessage")).sendKeys("Thanks, we call you today.");
    browser.findElement(By.id("web-form-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Web form \"" + name + "\" created.");

    WebFormView saved =
        forms.list().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    assertThat(saved.fields())
        .containsExactly(
            new FormField(LeadField.FIRST_NAME, "First name", false),
            new FormField(LeadField.LAST_NAME, "Last name", false),
            new FormField(LeadField.COMPANY_NAME, "Your company", false),
            new FormField(LeadField.EMAIL, "E-mail", true),
            new FormField(LeadField.PHONE, "Phone", true),
            new FormField(LeadField.MESSAGE, "Message", false),
            new FormField(null, "cf." + code, "Chairs wanted " + suffix, false));
    assertThat(saved.buttonText()).isEqualTo("Request a call");
    assertThat(saved.thankYouMessage()).isEqualTo("Thanks, we call you today.");
    assertThat(saved.redirectUrl()).isNull();

    String publicUrl = browser.findElement(By.id("public-url")).getAttribute("value");
    assertThat(publicUrl).isEqualTo(url("/public/forms/" + saved.publicToken()));
    assertThat(browser.findElement(By.id("embed-snippet")).getAttribute("value"))
        .startsWith("<iframe src=\"" + publicUrl + "\"");
    WebElement copy = browser.findElement(By.cssSelector("button[data-copy=embed-snippet]"));
    copy.click();
    waitUpTo(java.time.Duration.ofSeconds(5))
        .until(d -> copy.getAttribute("data-copied-at") != null);

    browser.get(publicUrl);
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Ask us about chairs");
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Your company").contains("I agree to be contacted.");
    assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText())
        .isEqualTo("Request a call");
    assertThat(page).contains("Chairs wanted " + suffix);
    assertThat(browser.findElement(By.name("cf." + code)).getAttribute("type")).isEqualTo("number");
    customFields.delete(budget, null);
  }
}

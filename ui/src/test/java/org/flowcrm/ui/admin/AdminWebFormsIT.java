package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.crm.contact.ContactService;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealFilter;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.crm.deal.DealView;
import org.flowcrm.crm.deal.PipelineCommand;
import org.flowcrm.crm.deal.PipelineCommand.StageCommand;
import org.flowcrm.crm.deal.PipelineService;
import org.flowcrm.crm.deal.StageSemantic;
import org.flowcrm.crm.shared.ListRequest;
import org.flowcrm.crm.user.UserService;
import org.flowcrm.crm.user.UserView;
import org.flowcrm.crm.webform.FormField;
import org.flowcrm.crm.webform.LeadField;
import org.flowcrm.crm.webform.SubmissionOutcome;
import org.flowcrm.crm.webform.WebFormService;
import org.flowcrm.crm.webform.WebFormTarget;
import org.flowcrm.crm.webform.WebFormView;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
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
  @Autowired PipelineService pipelines;
  @Autowired UserService users;
  @Autowired DealService deals;
  @Autowired ContactService contacts;

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

  @Test
  void aContactAndDealFormWithItsResponsibleHoldsSpamUntilAcceptedInTheQueue() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "Quotes " + suffix;
    long pipeline =
        pipelines
            .create(
                new PipelineCommand(
                    "Web quotes " + suffix,
                    null,
                    List.of(
                        new StageCommand("ASKED", "Asked", null, null),
                        new StageCommand("DONE", "Done", StageSemantic.WON, null),
                        new StageCommand("GONE", "Gone", StageSemantic.LOST, null))))
            .id();
    UserView manager =
        users.list(true).stream()
            .filter(u -> !u.login().equals("system"))
            .findFirst()
            .orElseThrow();
    open("/admin/web-forms/new");
    waitFor(By.id("f-name")).sendKeys(name);
    browser.findElement(By.id("target-CONTACT_AND_DEAL")).click();
    new Select(browser.findElement(By.id("f-pipelineId"))).selectByValue(Long.toString(pipeline));
    new Select(browser.findElement(By.id("f-responsible"))).selectByValue("user:" + manager.id());
    browser.findElement(By.id("f-holdSuspectedSpam")).click();
    browser.findElement(By.id("web-form-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Web form \"" + name + "\" created.");
    WebFormView saved =
        forms.list().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    assertThat(saved.target()).isEqualTo(WebFormTarget.CONTACT_AND_DEAL);
    assertThat(saved.pipelineId()).isEqualTo(pipeline);
    assertThat(saved.responsibleId()).isEqualTo(manager.id());
    assertThat(saved.assignmentRuleId()).isNull();
    assertThat(saved.holdSuspectedSpam()).isTrue();
    // the page shows the choices back
    assertThat(browser.findElement(By.id("target-CONTACT_AND_DEAL")).isSelected()).isTrue();
    assertThat(
            new Select(browser.findElement(By.id("f-responsible")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("user:" + manager.id());

    // posted straight at the form, from a throw-away address: held, nothing created
    assertThat(
            forms.submit(
                saved.publicToken(),
                Map.of(
                    "first_name", "Olga",
                    "last_name", "Held" + suffix,
                    "email", "olga" + suffix + "@yopmail.com"),
                "192.0.2.10"))
        .isEqualTo(SubmissionOutcome.HELD);
    open("/admin/web-forms/" + saved.id());
    waitFor(By.cssSelector("[data-testid=held-link]")).click();
    waitFor(By.cssSelector(".held-submission[data-held]"));
    List<WebElement> entries = browser.findElements(By.cssSelector(".held-submission"));
    WebElement mine =
        entries.stream()
            .filter(e -> e.getText().contains("Held" + suffix))
            .findFirst()
            .orElseThrow();
    assertThat(mine.getText())
        .contains(name)
        .contains("a disposable e-mail domain (yopmail.com)")
        .contains("olga" + suffix + "@yopmail.com")
        .contains("192.0.2.10");
    mine.findElement(By.cssSelector("button.primary")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText()).startsWith("Accepted: deal ");

    DealView deal =
        deals
            .list(
                new DealFilter(
                    pipeline, null, null, null, null, null, null, null, null, null, null),
                new ListRequest(null, 10, null))
            .items()
            .get(0);
    assertThat(deal.pipelineId()).isEqualTo(pipeline);
    assertThat(deal.responsibleId()).isEqualTo(manager.id());
    assertThat(contacts.get(deal.contactIds().get(0)).lastName()).isEqualTo("Held" + suffix);
    assertThat(
            browser.findElements(By.cssSelector(".held-submission")).stream()
                .noneMatch(e -> e.getText().contains("Held" + suffix)))
        .isTrue();
  }
}

package org.flowcrm.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldView;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Custom fields administration and the fields in the lead forms: a required number field created on
 * the admin page appears in the new-lead form, a wrong and a missing value are refused at the field
 * (the service's words), a right one shows on the card and is edited there; a list needs options, a
 * bad code is refused at the code; a field is deleted from the list.
 */
class AdminCustomFieldsIT extends BrowserTest {

  @Autowired CustomFieldService fields;
  @Autowired LeadService leads;

  private final List<String> created = new ArrayList<>();

  /** A required lead field would stop the other test classes' lead forms: remove what was made. */
  @AfterEach
  void deleteCreatedFields() {
    for (CustomizableEntity entity : CustomizableEntity.values()) {
      for (CustomFieldView field : fields.list(entity)) {
        if (created.contains(field.code())) {
          fields.delete(field.id(), field.version());
        }
      }
    }
  }

  private static String word() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  private void createOnThePage(String code, String label, String type, boolean required) {
    open("/admin/custom-fields?entity=LEAD");
    waitFor(By.linkText("New field")).click();
    waitFor(By.id("f-code")).sendKeys(code);
    browser.findElement(By.id("f-label")).sendKeys(label);
    new Select(browser.findElement(By.id("f-type"))).selectByValue(type);
    if (required) {
      browser.findElement(By.id("f-required")).click();
    }
    created.add(code);
    browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
  }

  private WebElement customInput(String code) {
    return browser.findElement(By.id("cf-" + code));
  }

  @Test
  void aRequiredFieldIsInTheLeadFormCheckedAtTheFieldAndShownOnTheCard() {
    String code = "budget" + word();
    String label = "Budget <i>" + code + "</i>";
    createOnThePage(code, label, "NUMBER", true);
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Custom field \"" + label + "\" created.");
    assertThat(browser.findElement(By.cssSelector(".data-table")).getText()).contains(label);

    open("/leads/new");
    String title = "Custom " + code;
    waitFor(By.id("f-title")).sendKeys(title);
    assertThat(browser.findElement(By.cssSelector("label[for=cf-" + code + "]")).getText())
        .startsWith(label);
    customInput(code).sendKeys("a lot");
    browser.findElement(By.cssSelector(".record-form button[type=submit]")).click();
    WebElement error = waitFor(By.id("cf-" + code + "-error"));
    assertThat(error.getText()).isEqualTo("must be a number like 1250.50, not a lot");
    assertThat(customInput(code).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(customInput(code).getAttribute("aria-describedby"))
        .contains("cf-" + code + "-error");
    assertThat(customInput(code).getAttribute("value")).isEqualTo("a lot");
    assertThat(browser.findElement(By.id("f-title")).getAttribute("value")).isEqualTo(title);

    customInput(code).clear();
    browser.findElement(By.cssSelector(".record-form button[type=submit]")).click();
    assertThat(waitFor(By.id("cf-" + code + "-error")).getText()).isEqualTo("is required");

    customInput(code).sendKeys("1250.50");
    browser.findElement(By.cssSelector(".record-form button[type=submit]")).click();
    WebElement value = waitFor(By.cssSelector("[data-testid=custom-" + code + "]"));
    assertThat(value.getText()).isEqualTo("1250.5");
    String url = browser.getCurrentUrl();
    long leadId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    assertThat(new BigDecimal(leads.get(leadId).customFields().get(code).toString()))
        .isEqualByComparingTo("1250.5");

    // edited on the card: a wrong value at the field, then a right one
    browser.findElement(By.cssSelector("a[data-edit=customFields]")).click();
    WebElement input = waitFor(By.id("cf-" + code));
    assertThat(input.getAttribute("value")).isEqualTo("1250.5");
    input.clear();
    input.sendKeys("x");
    browser.findElement(By.id("custom-fields-save")).click();
    assertThat(waitFor(By.id("cf-" + code + "-error")).getText()).startsWith("must be a number");
    customInput(code).clear();
    customInput(code).sendKeys("99");
    browser.findElement(By.id("custom-fields-save")).click();
    assertThat(waitFor(By.cssSelector("[data-testid=custom-" + code + "]")).getText())
        .isEqualTo("99");
  }

  @Test
  void aListNeedsOptionsAndABadCodeIsRefusedAtTheCode() {
    String code = "source" + word();
    createOnThePage(code, "Lead channel", "LIST", false);
    assertThat(waitFor(By.id("f-options-error")).getText())
        .isEqualTo("A list needs at least one option.");
    assertThat(browser.findElement(By.id("f-options")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    browser.findElement(By.id("f-options")).sendKeys("Fair\nWebsite\nReferral");
    WebElement codeInput = browser.findElement(By.id("f-code"));
    codeInput.clear();
    codeInput.sendKeys("Bad code");
    browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
    assertThat(waitFor(By.id("f-code-error")).getText())
        .isEqualTo("must start with a lower-case letter and contain only letters, digits and _");
    browser.findElement(By.id("f-code")).clear();
    browser.findElement(By.id("f-code")).sendKeys(code);
    browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Custom field \"Lead channel\" created.");
    CustomFieldView field =
        fields.list(CustomizableEntity.LEAD).stream()
            .filter(f -> f.code().equals(code))
            .findFirst()
            .orElseThrow();
    assertThat(field.options()).containsExactly("Fair", "Website", "Referral");

    // the list offers its options in the lead form
    open("/leads/new");
    assertThat(
            new Select(waitFor(By.id("cf-" + code)))
                .getOptions().stream().map(WebElement::getText).toList())
        .containsExactly("(none)", "Fair", "Website", "Referral");

    // rename it, then delete it from the list
    open("/admin/custom-fields/" + field.id());
    WebElement label = waitFor(By.id("f-label"));
    label.clear();
    label.sendKeys("Channel");
    browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Custom field \"Channel\" saved.");
    browser.findElement(By.cssSelector("button[aria-label='Delete field Channel']")).click();
    browser.switchTo().alert().accept();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("Custom field \"Channel\" and its values deleted.");
    assertThat(fields.list(CustomizableEntity.LEAD)).noneMatch(f -> f.code().equals(code));
  }
}

package org.flowcrm.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The form macro library in a browser: labels tied to controls, required marks, {@code
 * aria-invalid} and an error element per field after a failed submit, a flash after a good one.
 */
class FormsIT extends BrowserTest {

  @Test
  void invalidFieldsAreMarkedAndDescribed() {
    open("/test/forms");
    WebElement name = browser.findElement(By.id("f-name"));
    assertThat(name.getAttribute("aria-invalid")).isEqualTo("false");
    assertThat(name.getAttribute("aria-required")).isEqualTo("true");
    assertThat(name.getAttribute("autocomplete")).isEqualTo("name");
    assertThat(browser.findElement(By.cssSelector("label[for=\"f-name\"]")).getText())
        .startsWith("Name*");
    assertThat(browser.findElement(By.id("f-name-error")).isDisplayed()).isFalse();

    browser.findElement(By.id("f-email")).sendKeys("not-an-address");
    browser.findElement(By.cssSelector("main button[type=submit]")).click();

    WebElement summary = waitFor(By.cssSelector(".form-errors[role=alert]"));
    assertThat(summary.getText()).contains("Please correct the marked fields.");
    WebElement email = browser.findElement(By.id("f-email"));
    assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(email.getAttribute("value")).isEqualTo("not-an-address");
    assertThat(email.getAttribute("aria-describedby")).isEqualTo("f-email-error");
    assertThat(browser.findElement(By.id("f-email-error")).getText())
        .isEqualTo("Enter an e-mail address like anna@example.com.");
    assertThat(browser.findElement(By.id("f-name")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("f-note")).getAttribute("aria-invalid"))
        .isEqualTo("false");
  }

  @Test
  void aGoodSubmitRedirectsWithAFlash() {
    open("/test/forms");
    browser.findElement(By.id("f-name")).sendKeys("Anna <b>Nowak</b>");
    browser.findElement(By.id("f-email")).sendKeys("anna@example.com");
    browser.findElement(By.cssSelector("main button[type=submit]")).click();

    WebElement flash = waitFor(By.cssSelector(".flash-success[role=status]"));
    assertThat(flash.getText()).isEqualTo("Saved Anna <b>Nowak</b>.");
    assertThat(browser.findElements(By.cssSelector(".flash-success b"))).isEmpty();
  }
}

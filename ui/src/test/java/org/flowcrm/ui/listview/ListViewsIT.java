package org.flowcrm.ui.listview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flowcrm.crm.lead.LeadCommand;
import org.flowcrm.crm.lead.LeadService;
import org.flowcrm.crm.lead.LeadSource;
import org.flowcrm.crm.shared.Email;
import org.flowcrm.crm.shared.EmailType;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Column choice and saved views on the lead list: choose columns, save filter and columns as a
 * view, find it as a tab that brings both back, on a phone too, and delete it.
 */
class ListViewsIT extends BrowserTest {

  @Autowired LeadService leads;

  private void lead(String title, String email) {
    leads.create(
        new LeadCommand(
            title,
            "Ola",
            "Nowak",
            null,
            null,
            null,
            LeadSource.PHONE,
            null,
            null,
            List.of(),
            List.of(new Email(EmailType.WORK, email)),
            List.of()));
  }

  private List<String> headers() {
    return browser.findElements(By.cssSelector(".data-table thead th")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private WebElement column(String name) {
    return browser.findElement(By.cssSelector(".columns-chooser input[value='" + name + "']"));
  }

  @Test
  void choosesColumnsSavesThemWithTheFilterAsAViewAndDeletesIt() {
    String word = "zv" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    lead("Offer " + word + " one", "one." + word + "@example.com");
    lead("Offer " + word + " two", "two." + word + "@example.com");

    open("/leads?q=" + word);
    assertThat(headers()).contains("Person").doesNotContain("E-mail");
    browser.findElement(By.cssSelector(".columns-chooser summary")).click();
    column("person").click();
    column("email").click();
    browser.findElement(By.cssSelector(".filters button[type=submit]")).click();

    waitFor(By.cssSelector(".data-table"));
    assertThat(headers()).contains("E-mail").doesNotContain("Person");
    assertThat(browser.findElement(By.cssSelector(".data-table tbody")).getText())
        .contains("one." + word + "@example.com");

    String name = "Offers " + word;
    browser.findElement(By.cssSelector(".save-view summary")).click();
    browser.findElement(By.id("view-name")).sendKeys(name);
    browser.findElement(By.id("view-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("View \"" + name + "\" saved.");
    assertThat(browser.findElement(By.cssSelector(".view-tabs a[aria-current=page]")).getText())
        .isEqualTo(name);

    // "All" shows the default columns and no filter; the tab brings the view back
    browser.findElement(By.linkText("All")).click();
    waitFor(By.cssSelector(".view-tabs a[aria-current=page]"));
    assertThat(headers()).contains("Person").doesNotContain("E-mail");
    assertThat(browser.findElement(By.id("lead-q")).getAttribute("value")).isEmpty();
    browser.findElement(By.linkText(name)).click();
    waitFor(By.cssSelector(".data-table"));
    assertThat(browser.findElement(By.id("lead-q")).getAttribute("value")).isEqualTo(word);
    assertThat(headers()).contains("E-mail").doesNotContain("Person");
    assertThat(browser.findElements(By.cssSelector(".data-table tbody tr"))).hasSize(2);

    // usable at phone width: nothing wider than the screen
    browser.manage().window().setSize(PHONE);
    browser.navigate().refresh();
    waitFor(By.cssSelector(".view-tabs"));
    Object overflow =
        script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assertThat(overflow).isEqualTo(false);
    browser.manage().window().setSize(LAPTOP);

    browser.findElement(By.id("view-delete")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("View \"" + name + "\" deleted.");
    assertThat(browser.findElements(By.linkText(name))).isEmpty();
  }
}

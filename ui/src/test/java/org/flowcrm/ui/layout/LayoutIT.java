package org.flowcrm.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The page frame in a browser: navigation, language switch, phone width, keyboard. */
class LayoutIT extends BrowserTest {

  @Test
  void homeShowsNavigationAndItsCards() {
    open("/");

    assertThat(browser.getTitle()).isEqualTo("Today · Flowcrm");
    assertThat(browser.findElements(By.cssSelector(".app-nav a")))
        .extracting(e -> e.getText())
        .containsExactly(
            "Home",
            "Leads",
            "Deals",
            "Contacts",
            "Companies",
            "Products",
            "Quotes",
            "Invoices",
            "Tasks",
            "Processes",
            "Reports",
            "Import",
            "Administration"); // the tests sign in as the administrator
    assertThat(browser.findElement(By.cssSelector(".app-nav a[aria-current=\"page\"]")).getText())
        .isEqualTo("Home");
    assertThat(browser.findElement(By.id("main")).getText())
        .contains("My tasks today")
        .contains("Overdue")
        .contains("My open deals")
        .contains("Process models: 2"); // ui-test-inbox and ui-test-lead
  }

  @Test
  void switchesToPolishAndRemembersIt() {
    open("/?lang=pl");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("pl");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dzisiaj");

    open("/processes");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Procesy");

    open("/processes?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Processes");
  }

  @Test
  void noHorizontalScrollingAtPhoneWidth() {
    browser.manage().window().setSize(PHONE);
    for (String path : new String[] {"/", "/processes", "/processes/ui-test-lead"}) {
      open(path);
      long viewport = (Long) script("return document.documentElement.clientWidth;");
      long content = (Long) script("return document.documentElement.scrollWidth;");
      assertThat(content).as(path).isLessThanOrEqualTo(viewport);
    }
  }

  @Test
  void skipLinkMovesTheKeyboardToTheContent() {
    open("/processes");
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
  }
}

package org.flowcrm.ui.listview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowcrm.crm.customfield.CustomFieldCommand;
import org.flowcrm.crm.customfield.CustomFieldService;
import org.flowcrm.crm.customfield.CustomFieldType;
import org.flowcrm.crm.customfield.CustomizableEntity;
import org.flowcrm.crm.deal.DealCommand;
import org.flowcrm.crm.deal.DealService;
import org.flowcrm.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deal list with the lead list's machinery: a custom field as a column and as a filter, a sort,
 * saved as a view that brings filter, sort and columns back from its tab.
 */
class DealListViewsIT extends BrowserTest {

  @Autowired DealService deals;
  @Autowired CustomFieldService customFields;

  private List<String> headers() {
    return browser.findElements(By.cssSelector(".data-table thead th")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private List<String> titles() {
    return browser.findElements(By.cssSelector(".data-table tbody td a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void deal(String title, String amount, String region) {
    deals.create(
        new DealCommand(
            title,
            null,
            null,
            new BigDecimal(amount),
            "EUR",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("region" + suffix, region)));
  }

  private String suffix;

  @Test
  void showsAndFiltersByACustomFieldSortsAndKeepsAllOfItAsAView() {
    suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String word = "zd" + suffix;
    String code = "region" + suffix;
    customFields.create(
        new CustomFieldCommand(
            CustomizableEntity.DEAL,
            code,
            "Region " + suffix,
            CustomFieldType.LIST,
            false,
            List.of("North", "South"),
            null));
    deal("Fleet " + word + " small", "100", "North");
    deal("Fleet " + word + " large", "900", "North");
    deal("Fleet " + word + " south", "500", "South");

    open("/deals/list?q=" + word);
    assertThat(headers()).contains("Title", "Stage").doesNotContain("Region " + suffix);
    assertThat(titles()).hasSize(3);

    // the custom field as a column, the stage column away, only North, largest amount first
    browser.findElement(By.cssSelector(".columns-chooser summary")).click();
    browser.findElement(By.cssSelector(".columns-chooser input[value='cf." + code + "']")).click();
    browser.findElement(By.cssSelector(".columns-chooser input[value='stage']")).click();
    new Select(browser.findElement(By.id("filter-cf-" + code))).selectByVisibleText("North");
    new Select(browser.findElement(By.id("deal-sort"))).selectByValue("-amount");
    browser.findElement(By.cssSelector(".filters button[type=submit]")).click();

    waitFor(By.cssSelector(".data-table"));
    assertThat(headers()).contains("Region " + suffix).doesNotContain("Stage");
    assertThat(titles()).containsExactly("Fleet " + word + " large", "Fleet " + word + " small");
    assertThat(browser.findElement(By.cssSelector(".data-table tbody")).getText())
        .contains("North")
        .doesNotContain("South");

    String name = "North fleets " + suffix;
    browser.findElement(By.cssSelector(".save-view summary")).click();
    browser.findElement(By.id("view-name")).sendKeys(name);
    browser.findElement(By.id("view-save")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("View \"" + name + "\" saved.");

    // "All" forgets it; the tab brings filter, sort and columns back
    browser.findElement(By.linkText("All")).click();
    waitFor(By.cssSelector(".view-tabs a[aria-current=page]"));
    assertThat(headers()).contains("Stage").doesNotContain("Region " + suffix);
    browser.findElement(By.linkText(name)).click();
    waitFor(By.cssSelector(".data-table"));
    assertThat(browser.findElement(By.id("deal-q")).getAttribute("value")).isEqualTo(word);
    assertThat(
            new Select(browser.findElement(By.id("filter-cf-" + code)))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("North");
    assertThat(headers()).contains("Region " + suffix).doesNotContain("Stage");
    assertThat(titles()).containsExactly("Fleet " + word + " large", "Fleet " + word + " small");

    browser.findElement(By.id("view-delete")).click();
    assertThat(waitFor(By.cssSelector(".flash-success")).getText())
        .isEqualTo("View \"" + name + "\" deleted.");
    assertThat(browser.findElements(By.linkText(name))).isEmpty();
  }
}
